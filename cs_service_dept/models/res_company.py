# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_scorecard_reward_amount = fields.Monetary(
        string="Scorecard Reward",
        currency_field="currency_id",
        help="Amount of the reward notice proposed for the month's best-ranked specialists.",
    )
    cs_scorecard_improvement_amount = fields.Monetary(
        string="Improvement Plan Amount",
        currency_field="currency_id",
        help="Amount of the notice proposed with an improvement plan (0: a plan without "
        "a penalty).",
    )

    @api.constrains("cs_scorecard_reward_amount", "cs_scorecard_improvement_amount")
    def _check_cs_scorecard_amounts(self):
        for company in self:
            if (
                company.cs_scorecard_reward_amount < 0
                or company.cs_scorecard_improvement_amount < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The amounts of the scorecard incentives of %(company)s cannot be "
                        "negative.",
                        company=company.name,
                    )
                )
