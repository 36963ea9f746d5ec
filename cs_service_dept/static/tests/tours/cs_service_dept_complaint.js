/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

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

function writeHtml(field, text) {
    return [
        {
            trigger: `.o_field_widget[name='${field}'] .odoo-editor-editable`,
            run: "click",
        },
        {
            content: `Write ${field}`,
            trigger: `.o_field_widget[name='${field}'] .odoo-editor-editable`,
            run: `editor ${text}`,
        },
    ];
}

function step(state) {
    return {
        content: `The complaint is at step ${state}`,
        trigger: `.o_field_widget[name='cs_complaint_state'] .o_arrow_button_current:contains('${state}')`,
    };
}

registry.category("web_tour.tours").add("cs_service_dept_complaint", {
    url: "/odoo/action-cs_service_dept.helpdesk_ticket_action_complaint",
    steps: () => [
        {
            content: "Register a new complaint",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit 产品外壳有划痕 (tour)",
        },
        ...pick("partner_id", "华美", "华美贸易 (tour)"),
        ...writeHtml("description", "收到的货物外壳有明显划痕"),
        ...stepUtils.saveForm(),
        step("Registered"),
        clickButton("action_cs_assess_reasonable", "The complaint is reasonable"),
        step("Assessed"),
        {
            content: "Open the Complaint tab",
            trigger: ".o_notebook_headers a.nav-link[name='cs_complaint']",
            run: "click",
        },
        ...pick("cs_department_id", "Quality", "Quality"),
        clickButton("action_cs_forward", "Forward to the Quality department"),
        step("Forwarded"),
        ...pick("cs_responsible_user_id", "Tour Supervisor", "Tour Supervisor"),
        ...pick("cs_cause_id", "Quality below", "Quality below standard"),
        clickButton("action_cs_set_responsibility", "Responsibility set"),
        step("Responsibility Set"),
        ...writeHtml("cs_solution", "免费更换外壳"),
        {
            content: "Promise a deadline",
            trigger: ".o_field_widget[name='cs_solution_deadline'] input",
            run: "edit 12/31/2099 17:00:00",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "click",
        },
        clickButton("action_cs_propose_solution", "Propose the solution"),
        step("Solution Proposed"),
        {
            content: "The proposer cannot approve their own solution",
            trigger: ".o_form_statusbar:not(:has(button[name='action_cs_approve_solution']))",
        },
    ],
});

registry.category("web_tour.tours").add("cs_service_dept_complaint_approve", {
    steps: () => [
        step("Solution Proposed"),
        clickButton("action_cs_approve_solution", "The Manager approves"),
        step("Approved"),
        {
            content: "Open the Complaint tab",
            trigger: ".o_notebook_headers a.nav-link[name='cs_complaint']",
            run: "click",
        },
        ...writeHtml("cs_implementation_result", "已更换外壳"),
        clickButton("action_cs_implement", "Implemented"),
        step("Implemented"),
        clickButton("action_cs_confirm_satisfied", "The customer is satisfied"),
        step("Confirmed"),
        {
            content: "Write the lesson learned",
            trigger: ".o_field_widget[name='cs_complaint_summary'] textarea",
            run: "edit 出厂检验增加外观检查",
        },
        clickButton("action_cs_close_complaint", "Close the complaint"),
        step("Closed"),
    ],
});

// The responsible department's contact (no customer service or helpdesk group)
// opens the complaint from their activity and records the findings.
registry.category("web_tour.tours").add("cs_service_dept_complaint_findings", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the activities (due at the deadline, not yet counted as today's)",
            trigger: ".o_menu_systray i[aria-label='Activities']",
            run: "click",
        },
        {
            content: "The complaint forwarded to the department",
            trigger: ".o-mail-ActivityGroup",
            run: "click",
        },
        {
            content: "The activity is due at the deadline: show all of them",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "Open the complaint",
            trigger: ".o_data_row:contains('包装破损 (tour)') td.o_data_cell",
            run: "click",
        },
        clickButton("action_cs_open_findings_wizard", "Record the findings"),
        ...writeHtml("findings", "仓库搬运导致破损"),
        {
            content: "Record",
            trigger: ".modal-footer button[name='action_record']",
            run: "click",
        },
        {
            content: "Open the Complaint tab",
            trigger: ".o_notebook_headers a.nav-link[name='cs_complaint']",
            run: "click",
        },
        {
            content: "The findings are on the complaint",
            trigger: ".o_field_widget[name='cs_investigation_findings']:contains('仓库搬运导致破损')",
        },
    ],
});
