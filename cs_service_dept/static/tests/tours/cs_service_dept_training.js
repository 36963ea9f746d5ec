/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

// The supervisor plans a training session and sends its certification.
registry.category("web_tour.tours").add("cs_service_dept_training_session", {
    steps: () => [
        {
            content: "Topic",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit 投诉处理技巧",
        },
        {
            content: "Choose the certification",
            trigger: ".o_field_widget[name=survey_id] input",
            run: "edit Tour Certification",
        },
        {
            content: "Pick it",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Certification')",
            run: "click",
        },
        {
            content: "Passing certifies skill level 4",
            trigger: ".o_field_widget[name=certified_level] input",
            run: "edit 4",
        },
        {
            content: "Add an attendee",
            trigger: ".o_field_widget[name=attendee_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "The specialist",
            trigger: ".o_field_widget[name=attendee_ids] .o_data_row .o_field_widget[name=user_id] input",
            run: "edit Tour Trainee",
        },
        {
            content: "Pick the specialist",
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Trainee')",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Plan the session",
            trigger: ".o_form_view .o_form_saved button[name=action_plan]",
            run: "click",
        },
        {
            content: "Send the assessment",
            trigger: ".o_form_view button[name=action_send_assessment]",
            run: "click",
        },
        {
            content: "The assessment is sent",
            trigger:
                ".o_form_view:not(:has(button[name=action_send_assessment])) .o_statusbar_status button.o_arrow_button_current:contains('Planned')",
        },
    ],
});

// The specialist finds the assessment to take in My Training (kanban, mobile).
registry.category("web_tour.tours").add("cs_service_dept_training_mine", {
    steps: () => [
        {
            content: "The session is in My Training, with its assessment to take",
            trigger: ".o_kanban_record:contains('投诉处理技巧') button[name=action_take_assessment]",
        },
    ],
});

// The supervisor computes last month's scorecards, reviews one and submits it.
registry.category("web_tour.tours").add("cs_service_dept_scorecard_submit", {
    steps: () => [
        {
            content: "Open Reporting",
            trigger: ".o_main_navbar [data-menu-xmlid='cs_service_dept.cs_menu_reporting']",
            run: "click",
        },
        {
            content: "Compute the scorecards",
            trigger: "[data-menu-xmlid='cs_service_dept.cs_scorecard_compute_menu']",
            run: "click",
        },
        {
            content: "Compute last month",
            trigger: ".modal button[name=action_compute]",
            run: "click",
        },
        {
            content: "Open the specialist's scorecard",
            trigger: ".o_data_row:contains('Tour Scorecard Specialist') td.o_data_cell",
            run: "click",
        },
        {
            content: "Open the remarks",
            trigger: ".o_notebook .nav-link[name=remarks]",
            run: "click",
        },
        {
            content: "Remarks of the supervisor",
            trigger: ".o_field_widget[name=remarks] .odoo-editor-editable",
            run: "editor 沟通及时，跟进需加强",
        },
        {
            content: "Submit to the Manager",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            content: "The scorecard waits for its approval",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('To Approve')",
        },
    ],
});

// The Manager approves it.
registry.category("web_tour.tours").add("cs_service_dept_scorecard_approve", {
    steps: () => [
        {
            content: "Approve the scorecard",
            trigger: ".o_form_view button[name=action_approve]",
            run: "click",
        },
        {
            content: "The scorecard is approved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});

// The specialist reads their approved scorecard (kanban first, as on mobile).
registry.category("web_tour.tours").add("cs_service_dept_scorecard_mine", {
    steps: () => [
        {
            content: "Switch to the kanban view",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "Open the scorecard",
            trigger: ".o_kanban_record:contains('Tour Scorecard Specialist')",
            run: "click",
        },
        {
            content: "Its figures are there, approved",
            trigger:
                ".o_form_view:has(.o_field_widget[name=line_ids] .o_data_row) .o_statusbar_status button.o_arrow_button_current:contains('Approved')",
        },
    ],
});
