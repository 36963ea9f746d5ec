/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("cs_credit_rating_tour", {
    steps: () => [
        {
            content: "Open the Customer Service tab of the customer",
            trigger: ".o_notebook_headers a:contains('Customer Service')",
            run: "click",
        },
        {
            content: "Evaluate the customer",
            trigger: "button[name=action_cs_credit_evaluate]",
            run: "click",
        },
        {
            content: "The evaluation gives grade B",
            trigger: ".o_list_view .o_data_row td[name=grade]:contains('B')",
        },
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Service app",
            trigger: ".o_app[data-menu-xmlid='cs_service_dept.cs_menu_root']",
            run: "click",
        },
        {
            content: "Open the Credit menu",
            trigger: ".o_main_navbar [data-menu-xmlid='cs_service_dept.cs_menu_credit']",
            run: "click",
        },
        {
            content: "Open the credit limit requests",
            trigger: ".dropdown-item[data-menu-xmlid='cs_credit_rating.cs_credit_limit_request_menu']",
            run: "click",
        },
        {
            content: "The credit limit requests are listed",
            trigger: ".o_breadcrumb:contains('Credit Limit Requests')",
        },
        {
            content: "Request a new credit limit",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Customer')",
            run: "click",
        },
        {
            content: "The amount comes from grade B",
            trigger: ".o_field_widget[name=amount] input:value(50,000.00)",
        },
        {
            content: "Ask for 100,000",
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 100000",
        },
        {
            content: "Requested by the specialist",
            trigger: ".o_field_widget[name=user_id] input",
            run: "edit Tour Requester",
        },
        {
            trigger: ".o-autocomplete--dropdown-item a:contains('Tour Requester')",
            run: "click",
        },
        {
            content: "Give the reason",
            trigger: ".o_field_widget[name=reason] textarea",
            run: "edit Good payer for three years",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Request the manager's validation",
            trigger: "button[name=request_validation]",
            run: "click",
        },
        {
            content: "Validate as the manager",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        {
            content: "The request is approved",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Approved')",
        },
        stepUtils.showAppsMenuItem(),
        {
            content: "Open Sales",
            trigger: ".o_app[data-menu-xmlid='sale.sale_menu_root']",
            run: "click",
        },
        {
            content: "Open the customer's quotation",
            trigger: ".o_data_row:contains('Tour Customer') td.o_data_cell",
            run: "click",
        },
        {
            content: "Confirm it",
            trigger: "button[name=action_confirm]:not(.d-none)",
            run: "click",
        },
        {
            content: "Refused: over the credit limit, with the amounts",
            trigger: ".modal:contains('over the credit limit of'):contains('100,000.00')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The order is still a quotation",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Quotation')",
        },
    ],
});
