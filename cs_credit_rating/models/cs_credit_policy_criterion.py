# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cs_credit_file import FIGURE_KEYS


class CsCreditPolicyCriterion(models.Model):
    _name = "cs.credit.policy.criterion"
    _description = "Credit Grading Criterion"
    _inherit = ["cs.credit.policy.part"]
    _order = "policy_id, sequence, id"

    policy_id = fields.Many2one("cs.credit.policy", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    figure_key = fields.Selection(FIGURE_KEYS, string="Figure", required=True)
    weight = fields.Float(string="Weight (%)", required=True)
    threshold_ids = fields.One2many(
        "cs.credit.policy.threshold", "criterion_id", string="Thresholds", copy=True
    )

    @api.constrains("weight")
    def _check_weight(self):
        for criterion in self:
            if criterion.weight < 0 or criterion.weight > 100:
                raise ValidationError(
                    self.env._(
                        "The weight of criterion %(name)s must be between 0 and 100.",
                        name=criterion.name,
                    )
                )

    def _cs_policies(self):
        return self.policy_id
