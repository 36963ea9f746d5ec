# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .res_partner import CONFIDENTIALITY_APPROVED, CONFIDENTIALITY_RANK

LEVELS = [
    ("public", "Public"),
    ("internal", "Internal"),
    ("secret", "Secret"),
    ("top_secret", "Top Secret"),
]


class CsConfidentialityRequest(models.Model):
    """Raising a customer above internal: the manager reviews, the general manager
    approves (two tiers of base_tier_validation); only then the level changes."""

    _name = "cs.confidentiality.request"
    _description = "Confidentiality Request"
    _inherit = ["tier.validation", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _rec_name = "partner_id"
    _tier_validation_manual_config = False
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        tracking=True,
        domain=[("parent_id", "=", False)],
    )
    current_level = fields.Selection(
        LEVELS,
        compute="_compute_current_level",
        store=True,
        readonly=True,
        precompute=True,
    )
    requested_level = fields.Selection(LEVELS, required=True, default="secret", tracking=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("partner_id")
    def _compute_current_level(self):
        for request in self:
            if request.state in (False, "draft"):
                request.current_level = request.partner_id.cs_confidentiality

    def action_submit(self):
        for request in self:
            if request.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s has already been submitted.",
                        name=request.display_name,
                    )
                )
            if (
                CONFIDENTIALITY_RANK[request.requested_level]
                <= CONFIDENTIALITY_RANK[request.partner_id.cs_confidentiality]
                or CONFIDENTIALITY_RANK[request.requested_level] < 2
            ):
                raise UserError(
                    self.env._(
                        "%(name)s: a request only raises a customer to secret or top "
                        "secret; lower levels are set on the customer directly.",
                        name=request.display_name,
                    )
                )
        self.write({"state": "to_approve"})
        self.request_validation()
        return True

    def validate_tier(self):
        res = super().validate_tier()
        self._cs_apply_if_validated()
        return res

    def _validate_tier(self, tiers=False):
        res = super()._validate_tier(tiers=tiers)
        self._cs_apply_if_validated()
        return res

    def reject_tier(self):
        res = super().reject_tier()
        self._cs_close_if_rejected()
        return res

    def _rejected_tier(self, tiers=False):
        res = super()._rejected_tier(tiers=tiers)
        self._cs_close_if_rejected()
        return res

    def _cs_apply_if_validated(self):
        for request in self.filtered(
            lambda r: r.state == "to_approve" and r.validation_status == "validated"
        ):
            request.write({"state": "approved"})
            partner = request.partner_id.sudo()
            old = dict(LEVELS)[partner.cs_confidentiality]
            partner.with_context(**{CONFIDENTIALITY_APPROVED: True}).write(
                {"cs_confidentiality": request.requested_level}
            )
            partner.message_post(
                body=self.env._(
                    "Confidentiality raised from %(old)s to %(new)s, approved by "
                    "%(user)s. Reason: %(reason)s",
                    old=old,
                    new=dict(LEVELS)[request.requested_level],
                    user=self.env.user.name,
                    reason=request.reason,
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )

    def _cs_close_if_rejected(self):
        rejected = self.filtered(
            lambda r: r.state == "to_approve" and r.validation_status == "rejected"
        )
        if rejected:
            rejected.with_context(skip_validation_check=True).write({"state": "rejected"})

    def action_cancel(self):
        done = self.filtered(lambda r: r.state in ("approved", "rejected"))
        if done:
            raise UserError(
                self.env._(
                    "%(names)s: a decided request cannot be cancelled.",
                    names=", ".join(done.mapped("display_name")),
                )
            )
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self.filtered(lambda r: r.state == "cancel").write({"state": "draft"})
        return True
