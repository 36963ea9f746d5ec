# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class TierDefinition(models.Model):
    _inherit = "tier.definition"

    @api.model
    def _get_tier_validation_model_names(self):
        res = super()._get_tier_validation_model_names()
        res += [
            "cs.confidentiality.request",
            "helpdesk.ticket",
            "cs.reward.penalty",
            "cs.information.summary",
            "cs.information.proposal",
        ]
        res += ["cs.relationship.plan"]
        res += ["cs.scorecard"]
        return res
