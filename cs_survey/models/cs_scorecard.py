# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CsScorecard(models.Model):
    _inherit = "cs.scorecard"

    @api.model
    def _cs_scorecard_metric_values(self, users, date_from, date_to, company):
        """Add the satisfaction and revisit rates of the services each specialist
        closed in the month, as the satisfaction report counts them
        (``cs.satisfaction.report._cs_figures``), in one grouped query."""
        result = super()._cs_scorecard_metric_values(users, date_from, date_to, company)
        rows = (
            self.env["cs.satisfaction.report"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("specialist_id", "in", users.ids),
                    ("date", ">=", date_from),
                    ("date", "<=", date_to),
                ],
                ["specialist_id"],
                [
                    "scored_count:sum",
                    "satisfied_count:sum",
                    "required_count:sum",
                    "on_time_count:sum",
                ],
            )
        )
        for user, scored, satisfied, required, on_time in rows:
            figures = result.setdefault(user.id, {})
            if scored:
                figures["satisfaction"] = (100.0 * satisfied / scored, scored)
            if required:
                figures["revisit"] = (100.0 * on_time / required, required)
        return result
