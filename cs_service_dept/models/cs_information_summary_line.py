# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .cs_information_summary import DIMENSIONS


class CsInformationSummaryLine(models.Model):
    """One count of a summary: a value of a dimension, this period and the last."""

    _name = "cs.information.summary.line"
    _description = "Customer Information Summary Count"
    _order = "summary_id, dimension, count desc, label"

    summary_id = fields.Many2one(
        "cs.information.summary", required=True, ondelete="cascade", index=True
    )
    dimension = fields.Selection(DIMENSIONS, required=True)
    label = fields.Char(string="Value", required=True)
    category_id = fields.Many2one("cs.information.category")
    count = fields.Integer(string="Records")
    previous_count = fields.Integer(string="Previous Period")
    trend = fields.Integer(
        compute="_compute_trend",
        store=True,
        precompute=True,
        help="Records minus those of the previous period.",
    )

    @api.depends("count", "previous_count")
    def _compute_trend(self):
        for line in self:
            line.trend = line.count - line.previous_count
