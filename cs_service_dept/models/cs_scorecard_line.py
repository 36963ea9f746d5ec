# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .cs_scorecard import METRICS


class CsScorecardLine(models.Model):
    """One figure of a scorecard: its value, target, score (0 to 100) and weight."""

    _name = "cs.scorecard.line"
    _description = "Scorecard Figure"
    _order = "scorecard_id, sequence, id"

    scorecard_id = fields.Many2one(
        "cs.scorecard", required=True, ondelete="cascade", index=True, readonly=True
    )
    sequence = fields.Integer(readonly=True)
    metric = fields.Selection(METRICS, required=True, readonly=True)
    # averaged when grouped (the figures report): a sum of rates means nothing
    value = fields.Float(string="Figure", digits=(16, 2), readonly=True, aggregator="avg")
    target = fields.Float(digits=(16, 2), readonly=True, aggregator="avg")
    basis = fields.Integer(
        string="Measured On",
        readonly=True,
        help="How many tickets, follow-ups or surveys the figure is measured on.",
    )
    measured = fields.Boolean(
        readonly=True, help="Without data the figure is left out of the score."
    )
    measured_label = fields.Char(string="Measurement", compute="_compute_measured_label")
    score = fields.Float(digits=(16, 2), readonly=True, aggregator="avg")
    weight = fields.Float(string="Weight (%)", digits=(16, 0), readonly=True, aggregator="avg")
    user_id = fields.Many2one(related="scorecard_id.user_id", store=True, string="Specialist")
    date_from = fields.Date(related="scorecard_id.date_from", store=True, string="Month")
    company_id = fields.Many2one(related="scorecard_id.company_id", store=True)

    @api.depends("measured")
    @api.depends_context("lang")
    def _compute_measured_label(self):
        """What the views show instead of a figure and a score of 0 that were not
        measured (and are left out of the total)."""
        label = self.env._("Not measured")
        for line in self:
            line.measured_label = False if line.measured else label

    def _cs_metric_label(self):
        self.ensure_one()
        return dict(self._fields["metric"]._description_selection(self.env))[self.metric]
