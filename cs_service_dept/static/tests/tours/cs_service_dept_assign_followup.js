/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

// A supervisor assigns a customer to a specialist, then records a follow-up as done.
registry.category("web_tour.tours").add("cs_service_dept_assign_followup", {
    steps: () => [
        {
            content: "The customer file is open",
            trigger: ".o_form_view .o_field_widget[name=name]:contains('巡检客户'), .o_form_view .o_field_widget[name=name] input",
        },
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus i.fa-cog",
            run: "click",
        },
        {
            content: "Assign to specialists",
            trigger: ".o-dropdown-item:contains('Assign to Specialists')",
            run: "click",
        },
        {
            content: "Balance over the specialists with room",
            trigger: ".modal button[name=action_assign]",
            run: "click",
        },
        {
            content: "Open the Customer Service tab",
            trigger: ".o_form_view:not(:has(.modal)) .nav-link[name=cs_customer_service]",
            run: "click",
        },
        {
            content: "The customer has a specialist",
            trigger: ".o_field_widget[name=cs_specialist_id] input:value('Tour Specialist')",
        },
        {
            content: "Open the follow-ups",
            trigger: "button[name=action_cs_view_followups]",
            run: "click",
        },
        {
            content: "Plan a follow-up",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Write what was agreed",
            trigger: ".o_field_widget[name=outcome] .odoo-editor-editable",
            run: "editor 客户同意下月续订",
        },
        {
            content: "Mark it done",
            trigger: "button[name=action_done]",
            run: "click",
        },
        {
            content: "The follow-up is done",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Done')",
        },
    ],
});
