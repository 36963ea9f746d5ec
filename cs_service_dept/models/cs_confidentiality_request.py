# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

LEVELS = [
    ("public", "Public"),
    ("internal", "Internal"),
    ("secret", "Secret"),
    ("top_secret", "Top Secret"),
]


class CsConfidentialityRequest(models.Model):
    """Setting a customer's confidentiality level, up or down: the manager
    reviews, the general manager approves (two tiers of cs.approval.mixin);
    only then the level changes."""

    _name = "cs.confidentiality.request"
    _description = "Confidentiality Request"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        tracking=True,
        domain=[("parent_id", "=", False)],
        check_company=True,
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
        return self.action_cs_submit()

    def _cs_check_submit(self):
        for request in self:
            if request.requested_level == request.partner_id.cs_confidentiality:
                raise UserError(
                    self.env._(
                        "%(name)s: the customer is already at the requested level.",
                        name=request.display_name,
                    )
                )

    def _cs_on_approved(self):
        for request in self:
            partner = request.partner_id
            old = dict(LEVELS)[partner.cs_confidentiality]
            # sudo: inside the approval path (res.partner refuses other writes).
            partner.sudo().write({"cs_confidentiality": request.requested_level})
            partner.message_post(
                body=self.env._(
                    "Confidentiality changed from %(old)s to %(new)s, approved by "
                    "%(user)s. Reason: %(reason)s",
                    old=old,
                    new=dict(LEVELS)[request.requested_level],
                    user=self.env.user.name,
                    reason=request.reason,
                ),
                message_type="notification",
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        done = self.filtered(lambda r: r.state in ("approved", "rejected"))
        if done:
            raise UserError(
                self.env._(
                    "%(names)s: a decided request cannot be cancelled.",
                    names=", ".join(done.mapped("display_name")),
                )
            )
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def action_draft(self):
        self.filtered(lambda r: r.state == "cancel")._cs_write_state({"state": "draft"})
        return True
