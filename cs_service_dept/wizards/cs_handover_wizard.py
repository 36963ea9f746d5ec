# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsHandoverWizard(models.TransientModel):
    _name = "cs.handover.wizard"
    _description = "Hand Customers Over to Sales"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    reason = fields.Char(required=True, help="Why sales follows these customers up from now on.")

    def action_confirm(self):
        self.ensure_one()
        self.partner_ids.commercial_partner_id._cs_hand_to_sales(self.reason)
        return {"type": "ir.actions.act_window_close"}
