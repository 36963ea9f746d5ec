# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsComplaintDepartment(models.Model):
    _name = "cs.complaint.department"
    _description = "Complaint Department"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Contact Person",
        domain="[('share', '=', False)]",
        help="Receives the complaints forwarded to the department.",
    )
    active = fields.Boolean(default=True)
