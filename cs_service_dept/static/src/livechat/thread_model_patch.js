/** @odoo-module **/
// Copyright 2026 cs_suite contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import {_t} from "@web/core/l10n/translation";
import {Thread} from "@mail/core/common/thread_model";
import {patch} from "@web/core/utils/patch";

// /ticket answers with the created ticket's id: besides the message in the
// chat (sent through the bus), a notification opens the ticket.
patch(Thread.prototype, {
    async executeCommand(command) {
        const result = await super.executeCommand(...arguments);
        if (command.methodName === "execute_command_ticket" && result) {
            const {action, notification} = this.store.env.services;
            const close = notification.add(_t("Ticket created from this chat."), {
                type: "success",
                buttons: [
                    {
                        name: _t("Open Ticket"),
                        primary: true,
                        onClick: () => {
                            close();
                            action.doAction({
                                type: "ir.actions.act_window",
                                res_model: "helpdesk.ticket",
                                res_id: result,
                                views: [[false, "form"]],
                            });
                        },
                    },
                ],
            });
        }
        return result;
    },
});
