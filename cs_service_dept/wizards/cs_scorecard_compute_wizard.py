# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import date_utils


class CsScorecardComputeWizard(models.TransientModel):
    _name = "cs.scorecard.compute.wizard"
    _description = "Compute the Month's Scorecards"

    date_from = fields.Date(
        string="Month",
        required=True,
        default=lambda self: self._default_date_from(),
        help="Any day of the month: the scorecards cover the whole month.",
    )

    @api.model
    def _default_date_from(self):
        today = self.env["cs.followup"]._cs_today()
        return date_utils.start_of(date_utils.subtract(today, months=1), "month")

    def action_compute(self):
        self.ensure_one()
        return self.env["cs.scorecard"].action_cs_compute_month(self.date_from)
