# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .cs_information_summary import DIMENSIONS


class CsInformationSummaryLine(models.Model):
    """One count of a summary: a value of a dimension, this period and the last."""

    _name = "cs.information.summary.line"
    _description = "Customer Information Summary Count"
    _order = "summary_id, dimension, count desc, id"

    summary_id = fields.Many2one(
        "cs.information.summary", required=True, ondelete="cascade", index=True
    )
    dimension = fields.Selection(DIMENSIONS, required=True)
    value = fields.Char(
        string="Key", help="The counted value: a selection key or a region; empty: none."
    )
    label = fields.Char(
        string="Value",
        compute="_compute_label",
        help="The value as the reader reads it, in their language.",
    )
    category_id = fields.Many2one("cs.information.category")
    count = fields.Integer(string="Records")
    previous_count = fields.Integer(string="Previous Period")
    trend = fields.Integer(
        compute="_compute_trend",
        store=True,
        precompute=True,
        help="Records minus those of the previous period.",
    )

    @api.depends_context("lang")
    @api.depends("dimension", "value", "category_id")
    def _compute_label(self):
        Information = self.env["cs.information"]
        labels = {
            dimension: dict(Information._fields[dimension]._description_selection(self.env))
            for dimension in ("channel", "source")
        }
        for line in self:
            if line.dimension == "category":
                line.label = line.category_id.display_name
            elif line.dimension in labels:
                line.label = labels[line.dimension].get(line.value, line.value)
            else:
                line.label = line.value or self.env._("Undefined")

    @api.depends("count", "previous_count")
    def _compute_trend(self):
        for line in self:
            line.trend = line.count - line.previous_count
