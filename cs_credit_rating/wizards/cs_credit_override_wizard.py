# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class CsCreditOverrideWizard(models.TransientModel):
    """A customer service Manager confirms any salesperson's order over the
    customer's credit, with a reason logged on the order and the customer.
    The Manager need not be able to edit the order: once the group is
    checked, the order is confirmed with ``sudo()``. Nothing changes
    company-wide."""

    _name = "cs.credit.override.wizard"
    _description = "Confirm a Sale Order Over the Credit Limit"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    message = fields.Text(compute="_compute_message")
    reason = fields.Text(required=True)

    @api.depends("order_id")
    def _compute_message(self):
        for wizard in self:
            wizard.message = wizard.order_id.sudo().cs_credit_problem or False

    @api.model
    def _check_manager(self):
        if not self.env.user.has_group("cs_service_dept.group_cs_manager"):
            raise AccessError(
                self.env._(
                    "Only a customer service manager may confirm an order over the "
                    "customer's credit limit."
                )
            )

    def action_confirm(self):
        self.ensure_one()
        self._check_manager()
        self.order_id.check_access("read")
        self.order_id._cs_confirm_over_credit(self.reason)
        return {"type": "ir.actions.act_window_close"}
