/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {threadActionsRegistry} from "@mail/core/common/thread_actions";

// The operator turns the live chat into a ticket (crm_livechat's /lead for
// helpdesk tickets); the server checks the operator's rights.
const ticketCommand = {
    channel_types: ["livechat"],
    help: _t("Create a ticket (/ticket ticket title)"),
    methodName: "execute_command_ticket",
};

registry.category("discuss.channel_commands").add("ticket", ticketCommand);

threadActionsRegistry.add("cs-create-ticket", {
    condition(component) {
        return (
            component.thread?.model === "discuss.channel" &&
            component.thread.channel_type === "livechat" &&
            component.thread.store.self.isInternalUser
        );
    },
    icon: "fa fa-fw fa-ticket",
    name: _t("Create Ticket"),
    open(component) {
        component.thread.executeCommand(ticketCommand, "/ticket");
    },
    sequence: 25,
});
