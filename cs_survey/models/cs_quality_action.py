# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsQualityAction(models.Model):
    """An improvement action of a quality summary, with its owner."""

    _name = "cs.quality.action"
    _description = "Service Improvement Action"
    _order = "deadline, id"

    summary_id = fields.Many2one(
        "cs.quality.summary", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, domain=[("share", "=", False)]
    )
    deadline = fields.Date()
    done = fields.Boolean()
