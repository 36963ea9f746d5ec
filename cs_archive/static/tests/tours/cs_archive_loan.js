/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

const {DateTime} = luxon;

function status(label) {
    return {
        content: `The loan is ${label}`,
        trigger: `.o_field_widget[name='state'] .o_arrow_button_current:contains('${label}')`,
    };
}

// A user of another department (no customer service role) requests a loan.
registry.category("web_tour.tours").add("cs_archive_loan_request", {
    url: "/odoo/action-cs_archive.cs_archive_loan_action_mine",
    steps: () => [
        {
            content: "Request a loan",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='purpose'] textarea",
            run: "edit 年度审计核对合同 (tour)",
        },
        {
            trigger: ".o_field_widget[name='due_date'] input",
            run: `edit ${DateTime.now().plus({days: 7}).toFormat("MM/dd/yyyy")}`,
        },
        {
            content: "Add an archive",
            trigger: ".o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name='archive_id'] input",
            run: "edit 巡检合同",
        },
        {
            trigger: ".ui-autocomplete a:contains('巡检合同')",
            run: "click",
        },
        {
            content: "Send the request",
            trigger: ".o_form_statusbar button[name='action_submit']",
            run: "click",
        },
        status("To Issue"),
    ],
});

// Customer service issues the archive.
registry.category("web_tour.tours").add("cs_archive_loan_issue", {
    steps: () => [
        {
            content: "Issue the archive",
            trigger: ".o_form_statusbar button[name='action_issue']",
            run: "click",
        },
        status("On Loan"),
    ],
});

// The borrower reads the electronic archive lent to them.
registry.category("web_tour.tours").add("cs_archive_loan_read", {
    url: "/odoo/action-cs_archive.cs_archive_loan_action_mine",
    steps: () => [
        {
            content: "Open my loan",
            trigger: ".o_data_row td:contains('年度审计核对合同')",
            run: "click",
        },
        {
            content: "Open the archive lent to me",
            trigger: ".o_field_widget[name='line_ids'] button[name='action_open_archive']",
            run: "click",
        },
        {
            content: "The archive is shown",
            trigger: ".o_form_view .o_field_widget[name='title']:contains('巡检合同')",
        },
        {
            content: "Open its files",
            trigger: "button[name='action_view_files']",
            run: "click",
        },
        {
            content: "The file is there",
            trigger: ".o_kanban_record:contains('scan.pdf'), .o_data_row:contains('scan.pdf')",
        },
    ],
});

// Customer service takes it back, damaged.
registry.category("web_tour.tours").add("cs_archive_loan_return", {
    steps: () => [
        {
            content: "Say how it came back",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td[name='return_condition']",
            run: "click",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name='return_condition'] select",
            run: "select \"damaged\"",
        },
        {
            trigger: ".o_selected_row .o_field_widget[name='return_note'] input",
            run: "edit 封面破损",
        },
        {
            content: "Take it back",
            trigger: ".o_field_widget[name='line_ids'] button[name='action_return']",
            run: "click",
        },
        status("Returned"),
    ],
});
