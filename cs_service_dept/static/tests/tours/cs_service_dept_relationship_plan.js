/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

// The specialist drafts a service plan with one visit and submits it.
registry.category("web_tour.tours").add("cs_service_dept_relationship_plan_draft", {
    steps: () => [
        {
            content: "Name the plan",
            trigger: ".o_form_view .o_field_widget[name=title] input",
            run: "edit 华南年度维护计划",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 巡检客户",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('巡检客户')",
            run: "click",
        },
        {
            content: "The customer's salesperson is proposed",
            trigger: ".o_field_widget[name=user_id] input:value('Tour Salesperson')",
        },
        {
            content: "Budget",
            trigger: ".o_field_widget[name=budget] input",
            run: "edit 3000",
        },
        {
            content: "Add an action",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Describe the visit",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=description] input",
            run: "edit 拜访采购部",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit for approval",
            trigger: ".o_form_view .o_form_saved button[name=action_submit], button[name=action_submit]",
            run: "click",
        },
        {
            content: "The plan waits for its approval",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('To Approve')",
        },
    ],
});

// The Manager reviews, then (another tour) the General Manager approves.
registry.category("web_tour.tours").add("cs_service_dept_relationship_plan_approve", {
    steps: () => [
        {
            content: "Approve the plan",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            content: "The Manager's tier is done: the plan waits for the General Manager",
            trigger:
                ".o_form_view:not(:has(button[name=action_approve])) .o_statusbar_status button.o_arrow_button_current:contains('To Approve')",
        },
    ],
});

// The General Manager's approval schedules the follow-ups: open them.
registry.category("web_tour.tours").add("cs_service_dept_relationship_plan_followups", {
    steps: () => [
        {
            content: "Approve the plan",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            content: "The plan is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
        {
            content: "Open its follow-ups",
            trigger: "button[name=action_view_followups]",
            run: "click",
        },
        {
            content: "The specialist's follow-up of the visit is there",
            trigger: ".o_data_row:contains('巡检客户'), .o_kanban_record:contains('巡检客户')",
        },
    ],
});

// The salesperson (no customer service group) records an evaluation.
registry.category("web_tour.tours").add("cs_service_dept_relationship_plan_evaluate", {
    steps: () => [
        {
            content: "Record an evaluation",
            trigger: ".o_form_view button[name=action_evaluate]",
            run: "click",
        },
        {
            content: "What was done",
            trigger: ".modal .o_field_widget[name=work_done] textarea",
            run: "edit 已拜访两次，客户同意参加新品推介",
        },
        {
            content: "Improvement suggestions",
            trigger: ".modal .o_field_widget[name=suggestions] textarea",
            run: "edit 增加技术交流",
        },
        {
            content: "Save it",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "Open the evaluations",
            trigger: "body:not(:has(.modal)) .o_notebook .nav-link[name=evaluations]",
            run: "click",
        },
        {
            content: "The evaluation is listed on the plan",
            trigger: ".o_field_widget[name=evaluation_ids] .o_data_row:contains('新品推介')",
        },
    ],
});
