/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

// A specialist records a piece of customer information and distributes it.
registry.category("web_tour.tours").add("cs_service_dept_information_distribute", {
    steps: () => [
        {
            content: "Create an information record",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Subject",
            trigger: ".o_field_widget[name=title] input",
            run: "edit 巡检竞争对手降价",
        },
        {
            content: "Customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 巡检信息客户",
        },
        {
            content: "Pick the customer",
            trigger: ".o-autocomplete--dropdown-menu li a:contains('巡检信息客户')",
            run: "click",
        },
        {
            content: "Category",
            trigger: ".o_field_widget[name=category_id] input",
            run: "edit 巡检市场动态",
        },
        {
            content: "Pick the category",
            trigger: ".o-autocomplete--dropdown-menu li a:contains('巡检市场动态')",
            run: "click",
        },
        {
            content: "The category's specialist is responsible",
            trigger: ".o_field_widget[name=user_id] input:value('Tour Info Specialist')",
        },
        {
            content: "Open the distribution",
            trigger: ".nav-link[name=distribution]",
            run: "click",
        },
        {
            content: "Send to a salesperson",
            trigger: ".o_field_widget[name=distribute_user_ids] input",
            run: "edit Tour Info Recipient",
        },
        {
            content: "Pick the recipient",
            trigger: ".o-autocomplete--dropdown-menu li a:contains('Tour Info Recipient')",
            run: "click",
        },
        {
            content: "Distribute",
            trigger: "button[name=action_distribute]",
            run: "click",
        },
        {
            content: "The record is distributed",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Distributed')",
        },
        {
            content: "The recipient is listed, not acknowledged yet",
            trigger: ".o_field_widget[name=recipient_ids] .o_data_row:contains('Tour Info Recipient')",
        },
    ],
});

// A recipient outside the department acknowledges what was sent to them.
registry.category("web_tour.tours").add("cs_service_dept_information_acknowledge", {
    steps: () => [
        {
            content: "The information is open",
            trigger: ".o_form_view .o_field_widget[name=title]:contains('巡检客户换采购负责人')",
        },
        {
            content: "Acknowledge",
            trigger: "button[name=action_acknowledge]",
            run: "click",
        },
        {
            content: "Nothing left to acknowledge",
            trigger: ".o_form_view:not(:has(button[name=action_acknowledge]))",
        },
        {
            content: "Open the distribution",
            trigger: ".nav-link[name=distribution]",
            run: "click",
        },
        {
            content: "The acknowledgement is listed",
            trigger: ".o_field_widget[name=acknowledged_count]:contains('1')",
        },
    ],
});
