# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class CrmLead(models.Model):
    _inherit = "crm.lead"

    cs_origin_model = fields.Char(
        string="Origin Model",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The service contact (ticket, follow-up, revisit…) this opportunity was found in.",
    )
    cs_origin_id = fields.Many2oneReference(
        string="Origin Record", model_field="cs_origin_model", readonly=True, copy=False
    )
    cs_origin_name = fields.Char(string="Service Contact", compute="_compute_cs_origin_name")

    @api.depends("cs_origin_model", "cs_origin_id")
    def _compute_cs_origin_name(self):
        for lead in self:
            origin = lead._cs_origin()
            lead.cs_origin_name = origin.sudo().display_name if origin else False

    def _cs_origin(self):
        self.ensure_one()
        if not self.cs_origin_model or self.cs_origin_model not in self.env:
            return None
        return self.env[self.cs_origin_model].browse(self.cs_origin_id).exists()

    def action_cs_open_origin(self):
        self.ensure_one()
        origin = self._cs_origin()
        if not origin:
            return False
        origin.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": origin._name,
            "res_id": origin.id,
            "view_mode": "form",
        }
