# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cs_archive_ids = fields.One2many("cs.archive", "partner_id", string="Archives")
    cs_archive_count = fields.Integer(string="Archive Count", compute="_compute_cs_archive_count")

    def _compute_cs_archive_count(self):
        counts = {}
        if self.env["cs.archive"].has_access("read"):
            groups = self.env["cs.archive"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
            counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.cs_archive_count = counts.get(partner.id, 0)

    def write(self, vals):
        res = super().write(vals)
        if vals.get("cs_confidentiality"):
            # A customer's archives are never less confidential than the customer.
            archives = self.env["cs.archive"].sudo().search([("partner_id", "in", self.ids)])
            archives._cs_raise_confidentiality(vals["cs_confidentiality"])
        return res

    def action_cs_view_archives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("cs_archive.cs_archive_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
