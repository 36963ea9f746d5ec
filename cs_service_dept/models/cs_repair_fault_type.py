# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsRepairFaultType(models.Model):
    """A kind of fault (故障类型): the fee schedule and the ledgers group by it."""

    _name = "cs.repair.fault.type"
    _description = "Fault Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _sql_constraints = [("name_uniq", "unique (name)", "This fault type already exists.")]
