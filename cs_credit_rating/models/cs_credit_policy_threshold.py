# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsCreditPolicyThreshold(models.Model):
    _name = "cs.credit.policy.threshold"
    _description = "Credit Criterion Threshold"
    _inherit = ["cs.credit.policy.part"]
    _order = "criterion_id, value_from, id"

    criterion_id = fields.Many2one(
        "cs.credit.policy.criterion", required=True, ondelete="cascade", index=True
    )
    value_from = fields.Float(string="From")
    has_upper = fields.Boolean(string="Bounded", default=True)
    value_to = fields.Float(string="To (Excluded)")
    score = fields.Float(required=True)

    @api.constrains("value_from", "value_to", "has_upper", "score")
    def _check_range(self):
        for line in self:
            if line.has_upper and line.value_to <= line.value_from:
                raise ValidationError(
                    self.env._(
                        "A threshold must end after it starts (%(start)s to %(end)s).",
                        start=line.value_from,
                        end=line.value_to,
                    )
                )
            if not 0 <= line.score <= 100:
                raise ValidationError(self.env._("A threshold's score must be between 0 and 100."))

    def _cs_policies(self):
        return self.criterion_id.policy_id
