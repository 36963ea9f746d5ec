# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cs_credit_policy import GRADES


class CsCreditPolicyBand(models.Model):
    _name = "cs.credit.policy.band"
    _description = "Credit Grade Band"
    _inherit = ["cs.credit.policy.part"]
    _order = "policy_id, min_score desc"
    _check_company_auto = True

    policy_id = fields.Many2one("cs.credit.policy", required=True, ondelete="cascade", index=True)
    grade = fields.Selection(GRADES, required=True)
    min_score = fields.Float(required=True)
    max_score = fields.Float(required=True)
    company_id = fields.Many2one(related="policy_id.company_id")
    currency_id = fields.Many2one(related="policy_id.company_id.currency_id")
    credit_limit = fields.Monetary(string="Default Credit Limit")
    payment_term_id = fields.Many2one(
        "account.payment.term", string="Payment Terms", check_company=True
    )

    _sql_constraints = [
        (
            "grade_uniq",
            "UNIQUE(policy_id, grade)",
            "A grade appears once in a policy.",
        ),
    ]

    @api.constrains("min_score", "max_score", "credit_limit")
    def _check_values(self):
        for band in self:
            if not 0 <= band.min_score < band.max_score <= 100:
                raise ValidationError(
                    self.env._(
                        "Band %(grade)s: scores must satisfy 0 <= minimum < maximum <= 100.",
                        grade=band.grade,
                    )
                )
            if band.credit_limit < 0:
                raise ValidationError(
                    self.env._(
                        "Band %(grade)s: the default credit limit cannot be negative.",
                        grade=band.grade,
                    )
                )

    def _cs_policies(self):
        return self.policy_id
