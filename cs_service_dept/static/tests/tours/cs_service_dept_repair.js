/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

const {DateTime} = luxon;

function clickButton(name, content) {
    return {content, trigger: `.o_form_statusbar button[name='${name}']`, run: "click"};
}

function pick(field, search, label) {
    return [
        {
            content: `Search ${label}`,
            trigger: `.o_field_widget[name='${field}'] input`,
            run: `edit ${search}`,
        },
        {
            content: `Pick ${label}`,
            trigger: `.ui-autocomplete a:contains('${label}')`,
            run: "click",
        },
    ];
}

function openTab(name) {
    return {
        content: `Open the tab ${name}`,
        trigger: `.o_notebook_headers a.nav-link[name='${name}']`,
        run: "click",
    };
}

function state(label) {
    return {
        content: `The repair is ${label}`,
        trigger: `.o_statusbar_status button.o_arrow_button_current:contains('${label}')`,
    };
}

// The results, the handover and the customer's signature, then the acceptance.
function acceptance() {
    return [
        {
            content: "Test result",
            trigger: ".o_field_widget[name='cs_test_result'] textarea",
            run: "edit 测试运行正常",
        },
        {
            content: "Fault found",
            trigger: ".o_field_widget[name='cs_fault_found'] textarea",
            run: "edit 轴承磨损，已更换",
        },
        {
            content: "Handover",
            trigger: ".o_field_widget[name='cs_handover'] select",
            run: "selectByLabel Picked Up by the Customer",
        },
        {
            content: "Who signs",
            trigger: ".o_field_widget[name='cs_signed_by'] input",
            run: "edit 王建国",
        },
        {
            content: "The customer signs",
            trigger: ".o_field_widget[name='cs_signature'] .o_signature",
            run: "click",
        },
        {
            content: "The signature is drawn from the name",
            trigger: ".modal canvas.o_web_sign_signature",
            async run({anchor}) {
                // the name is drawn once its font is loaded
                for (let attempt = 0; attempt < 50; attempt++) {
                    const image = anchor
                        .getContext("2d")
                        .getImageData(0, 0, anchor.width, anchor.height);
                    if (new Uint32Array(image.data.buffer).some((pixel) => pixel !== 0)) {
                        return;
                    }
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                throw new Error("The signature stayed empty.");
            },
        },
        {
            content: "Adopt and sign",
            trigger: ".modal .modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            content: "Signed",
            trigger: ".o_field_widget[name='cs_signature'] img.o_signature",
        },
        clickButton("action_cs_accept", "Record the acceptance"),
        {
            content: "Accepted",
            trigger: ".o_field_widget[name='cs_accepted_date']",
        },
    ];
}

registry.category("web_tour.tours").add("cs_service_dept_repair", {
    steps: () => [
        {
            content: "Create the repair from the ticket",
            trigger: ".o_form_statusbar button[name='action_cs_create_repair']",
            run: "click",
        },
        {
            content: "The repair is linked to the ticket",
            trigger: ".o_field_widget[name='ticket_id']:contains('椅子异响 (tour)')",
        },
        ...pick("product_id", "办公椅", "办公椅 (tour)"),
        openTab("cs_service"),
        ...pick("cs_fault_type_id", "Noise", "Noise or Vibration"),
        {
            content: "Appointment tomorrow",
            trigger: ".o_field_widget[name='cs_appointment_start'] input",
            run: `edit ${DateTime.now().plus({days: 1}).toFormat("MM/dd/yyyy HH:mm:ss")}`,
        },
        ...pick("cs_engineer_id", "Tour Engineer", "Tour Engineer"),
        ...stepUtils.saveForm(),
        {
            content: "No proof: the estimate must be accepted",
            trigger: ".o_field_widget[name='cs_estimate_state']:contains('To Accept')",
        },
        clickButton("action_cs_accept_estimate", "The customer accepted the estimate"),
        {
            content: "Estimate accepted",
            trigger: ".o_field_widget[name='cs_estimate_state']:contains('Accepted')",
        },
        clickButton("action_cs_dispatch", "Dispatch to the engineer"),
        {
            content: "Dispatched",
            trigger: ".o_field_widget[name='cs_dispatch_date']",
        },
        clickButton("action_validate", "Confirm the repair"),
        state("Confirmed"),
        clickButton("action_repair_start", "Start the repair"),
        state("Under Repair"),
        {
            content: "End the repair",
            trigger: ".o_form_statusbar button[name='action_repair_end']:visible",
            run: "click",
        },
        state("Repaired"),
        openTab("cs_acceptance"),
        ...acceptance(),
    ],
});

registry.category("web_tour.tours").add("cs_service_dept_repair_engineer", {
    url: "/odoo/action-cs_service_dept.repair_order_action_dispatch",
    steps: () => [
        {
            content: "Open my dispatch",
            trigger: ".o_kanban_record:contains('椅子异响 (engineer tour)')",
            run: "click",
        },
        clickButton("action_repair_start", "Start the repair"),
        state("Under Repair"),
        clickButton("action_repair_end", "End the repair"),
        state("Repaired"),
        ...acceptance(),
    ],
});

// Returns and exchanges (退换): the product goes back on the customer's delivery,
// and the invoice gets a draft credit note the specialist opens from the ticket.
registry.category("web_tour.tours").add("cs_service_dept_return", {
    steps: () => [
        {
            content: "Return or exchange from the repair ticket",
            trigger: ".o_form_statusbar button[name='action_cs_return_exchange']",
            run: "click",
        },
        {
            content: "A return, credited on the invoice",
            trigger: ".modal .o_field_widget[name='outcome'] input[data-value='return']:checked",
        },
        {
            content: "Search the customer's deliveries",
            trigger: ".modal .o_field_widget[name='picking_id'] input",
            run: "edit OUT",
        },
        {
            content: "Pick the delivery (the only one done to this customer)",
            trigger: ".ui-autocomplete a:contains('OUT')",
            run: "click",
        },
        {
            content: "Search the product",
            trigger: ".modal .o_field_widget[name='product_id'] input",
            run: "edit 办公椅",
        },
        {
            content: "Pick the product",
            trigger: ".ui-autocomplete a:contains('办公椅 (tour)')",
            run: "click",
        },
        {
            content: "The delivery's invoice is proposed",
            trigger: ".modal .o_field_widget[name='invoice_id'] input:value(INV)",
        },
        {
            content: "The reason",
            trigger: ".modal .o_field_widget[name='reason'] input",
            run: "edit 气杆无法修复",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer button[name='action_confirm']",
            run: "click",
        },
        {
            content: "The return is on the ticket",
            trigger: ".oe_stat_button[name='action_cs_view_credit_notes']:contains('1')",
            run: "click",
        },
        {
            content: "The specialist reads the credit note of the salesperson's invoice",
            trigger: ".o_list_view .o_data_row:contains('Draft') .o_data_cell:first",
            run: "click",
        },
        {
            content: "The draft credit note",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Draft')",
        },
    ],
});
