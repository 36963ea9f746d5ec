/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

// A specialist evaluates the customer and requests a credit limit.
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
            content: "Submit it to the manager",
            trigger: "button[name=action_cs_submit]",
            run: "click",
        },
        {
            content: "The request waits for the manager's approval",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('To Approve')",
        },
        {
            content: "The requester cannot approve their own request",
            trigger: ".o_form_statusbar:not(:has(button[name=validate_tier]))",
        },
    ],
});

// The Manager approves the limit, then confirms the customer's quotation,
// blocked by credit, over the limit with a reason.
registry.category("web_tour.tours").add("cs_credit_rating_approve_tour", {
    steps: () => [
        {
            content: "Approve the credit limit",
            trigger: "button[name=validate_tier]",
            run: "click",
        },
        {
            content: "The request is approved",
            trigger: ".o_statusbar_status .o_arrow_button_current:contains('Approved')",
        },
        {
            content: "Open the Credit menu",
            trigger: ".o_main_navbar [data-menu-xmlid='cs_service_dept.cs_menu_credit']",
            run: "click",
        },
        {
            content: "Open the orders blocked by credit",
            trigger: ".dropdown-item[data-menu-xmlid='cs_credit_rating.sale_order_menu_cs_credit_blocked']",
            run: "click",
        },
        {
            content: "The customer's quotation is blocked, with the amounts",
            trigger: ".o_data_row:contains('Tour Customer'):contains('100,000.00')",
        },
        {
            content: "Confirm it over the credit limit",
            trigger: ".o_data_row:contains('Tour Customer') button[name=action_cs_credit_override]",
            run: "click",
        },
        {
            content: "The wizard shows why the order is blocked",
            trigger: ".modal .alert-warning:contains('over the credit limit of')",
        },
        {
            content: "Give the reason",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit Strategic customer, paid by letter of credit",
        },
        {
            content: "Confirm anyway",
            trigger: ".modal button[name=action_confirm]",
            run: "click",
        },
        {
            content: "No order is blocked any more",
            trigger: ".o_view_nocontent",
        },
    ],
});
