# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CsAssignWizard(models.TransientModel):
    _name = "cs.assign.wizard"
    _description = "Assign Customers to Specialists"

    partner_ids = fields.Many2many("res.partner", string="Customers", required=True)
    specialist_id = fields.Many2one(
        "cs.specialist",
        help="Leave empty to balance the customers over the specialists with room.",
    )
    reassign = fields.Boolean(
        help="Also move customers who already have an active specialist.",
    )

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if "partner_ids" in fields_list and self.env.context.get("active_model") == "res.partner":
            res["partner_ids"] = [fields.Command.set(self.env.context.get("active_ids", []))]
        return res

    def action_assign(self):
        self.ensure_one()
        partners = self.partner_ids.commercial_partner_id
        partners._cs_assign_balanced(specialist=self.specialist_id, reassign=self.reassign)
        return {"type": "ir.actions.act_window_close"}
