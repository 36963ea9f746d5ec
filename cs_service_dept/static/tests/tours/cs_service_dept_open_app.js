/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("cs_service_dept_open_app", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Service app",
            trigger: ".o_app[data-menu-xmlid='cs_service_dept.cs_menu_root']",
            run: "click",
        },
        {
            content: "The app opens on its customers",
            trigger: ".o_main_navbar .o_menu_brand:contains('Customer Service')",
        },
        {
            content: "The Tickets menu is there",
            trigger: ".o_main_navbar [data-menu-xmlid='cs_service_dept.cs_menu_tickets']",
        },
        {
            content: "Customers are listed",
            trigger: ".o_breadcrumb:contains('Customers')",
        },
    ],
});
