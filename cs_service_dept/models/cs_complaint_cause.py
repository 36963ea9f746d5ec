# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsComplaintCause(models.Model):
    _name = "cs.complaint.cause"
    _description = "Complaint Cause"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    department_id = fields.Many2one(
        comodel_name="cs.complaint.department", string="Usual Department"
    )
    active = fields.Boolean(default=True)
