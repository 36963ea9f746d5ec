# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError


class CsCreditOverrideWizard(models.TransientModel):
    _name = "cs.credit.override.wizard"
    _description = "Confirm a Sale Order Over the Credit Limit"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    message = fields.Text(readonly=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.ensure_one()
        if not self.env.user.has_group("cs_service_dept.group_cs_manager"):
            raise AccessError(
                self.env._(
                    "Only a customer service manager may confirm an order over the "
                    "customer's credit limit."
                )
            )
        order = self.order_id
        body = Markup("%s<br/>%s<br/>%s") % (
            self.env._("Confirmed over the credit limit by %s.", self.env.user.name),
            self.message or "",
            self.env._("Reason: %s", self.reason),
        )
        order.message_post(body=body)
        order.partner_id.commercial_partner_id.message_post(
            body=Markup("%s: %s") % (order.name, body)
        )
        order.with_context(cs_credit_override=True).action_confirm()
        return {"type": "ir.actions.act_window_close"}
