# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError


class CsCreditApprovalMixin(models.AbstractModel):
    """Manager approval of the credit documents through OCA's tier validation.

    A document is drafted (``state == 'draft'``), validation is requested with
    the tier buttons, and once every tier is validated the document moves to
    ``approved`` by itself and ``_cs_on_approved()`` applies its effect. The
    requester (``user_id``) can never validate their own document.
    """

    _name = "cs.credit.approval.mixin"
    _description = "Credit document approved by the Manager"
    _inherit = ["tier.validation"]
    _tier_validation_manual_config = False
    _state_from = ["draft"]
    _state_to = ["approved"]

    user_id = fields.Many2one(
        "res.users",
        string="Requested By",
        default=lambda self: self.env.user,
        required=True,
        tracking=True,
    )

    def _validate_tier(self, tiers=False):
        self.ensure_one()
        pending = (tiers or self.review_ids).filtered(
            lambda r: r.status in ("waiting", "pending") and self.env.user in r.reviewer_ids
        )
        if pending and self.user_id == self.env.user:
            raise UserError(
                self.env._(
                    "You cannot approve %(record)s: you requested it yourself. "
                    "Another manager has to approve it.",
                    record=self.display_name,
                )
            )
        res = super()._validate_tier(tiers=tiers)
        if self.validation_status == "validated" and self.state in self._state_from:
            self.write({"state": "approved"})
            self._cs_on_approved()
        return res

    def _cs_on_approved(self):
        """Apply the approved document. Override in the models."""
