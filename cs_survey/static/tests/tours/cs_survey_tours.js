/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// The customer answers their satisfaction survey with their personal token:
// very satisfied, it works, a comment. `solved` names the survey's yes/no question.
function answerTour(solved) {
    return {
        steps: () => [
            {
                content: "Start the survey",
                trigger: 'button.btn:contains("Start")',
                run: "click",
            },
            {
                content: "Very satisfied",
                trigger: 'div.js_question-wrapper:contains("How satisfied") label:contains("5")',
                run: "click",
            },
            {
                content: "Solved, working",
                trigger: `div.js_question-wrapper:contains("${solved}") label:contains("Yes")`,
                run: "click",
            },
            {
                content: "A comment",
                trigger: 'div.js_question-wrapper:contains("better") textarea',
                run: "edit Quick and friendly",
            },
            {
                content: "Submit",
                trigger: 'button[value="finish"]',
                run: "click",
            },
            {
                content: "Thanked",
                trigger: "h1:contains('Thank you')",
            },
        ],
    };
}

registry.category("web_tour.tours").add("cs_survey_answer", answerTour("solved"));
// After a repair: "Does the repaired product work as expected?"
registry.category("web_tour.tours").add("cs_survey_answer_repair", answerTour("work as expected"));

// The manager reads the satisfaction figure of a team.
function figuresTour(expected) {
    return {
        url: "/odoo",
        steps: () => [
            stepUtils.showAppsMenuItem(),
            {
                content: "Open the Customer Service app",
                trigger: ".o_app[data-menu-xmlid='cs_service_dept.cs_menu_root']",
                run: "click",
            },
            {
                content: "Open Reporting",
                trigger: ".o_main_navbar [data-menu-xmlid='cs_service_dept.cs_menu_reporting']",
                run: "click",
            },
            {
                content: "Open the satisfaction figures",
                trigger: ".dropdown-item[data-menu-xmlid='cs_survey.cs_survey_figures_menu']",
                run: "click",
            },
            {
                content: "Choose the team",
                trigger: ".modal .o_field_widget[name='team_id'] input",
                run: "edit Tour Team",
            },
            {
                content: "Pick it",
                trigger: ".o-autocomplete--dropdown-item:contains('Tour Team')",
                run: "click",
            },
            {
                content: `The satisfaction figure reads ${expected}`,
                trigger: `.modal .o_field_widget[name='satisfaction_display']:contains('${expected}')`,
            },
            {
                content: "Close the figures",
                trigger: ".modal .modal-footer button[special='cancel']",
                run: "click",
            },
            {
                content: "Closed",
                trigger: "body:not(:has(.modal))",
            },
        ],
    };
}

registry.category("web_tour.tours").add("cs_survey_figures_no_data", figuresTour("No data"));
registry.category("web_tour.tours").add("cs_survey_figures_satisfied", figuresTour("100.0%"));
