/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {registry} from "@web/core/registry";

// The operator turns the open live chat into a ticket with /ticket, then
// opens it from the notification. (The message in the chat comes through the
// bus, which tests do not run: TestCursor drops post-commit hooks.)
registry.category("web_tour.tours").add("cs_service_dept_livechat_ticket", {
    steps: () => [
        {
            content: "The visitor's question is in the chat",
            trigger: ".o-mail-Message:contains('打印机卡纸了')",
        },
        {
            content: "Start typing the command",
            trigger: ".o-mail-Composer-input",
            run: "edit /tick",
        },
        {
            content: "The command is offered with its help",
            trigger: ".o-mail-NavigableList-item:contains('ticket'):contains('Create a ticket')",
        },
        {
            content: "Type the command with the ticket's title",
            trigger: ".o-mail-Composer-input",
            run: "edit /ticket 打印机卡纸",
        },
        {
            content: "Send it",
            trigger: ".o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "A notification tells the ticket is created: open it",
            trigger: ".o_notification:contains('Ticket created') .o_notification_buttons button:contains('Open Ticket')",
            run: "click",
        },
        {
            content: "The ticket opens",
            trigger: ".o_form_view .o_last_breadcrumb_item:contains('打印机卡纸')",
        },
        {
            content: "Its channel is Chat",
            trigger: ".o_form_view .o_field_widget[name='channel_id'] input:value('Chat')",
        },
    ],
});
