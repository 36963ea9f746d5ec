# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class CsRewardPenalty(models.Model):
    """Reward/penalty notice (奖惩通知单) raised from a complaint, or proposed
    from an approved monthly scorecard (激励)."""

    _name = "cs.reward.penalty"
    _description = "Reward/Penalty Notice"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _cs_rejected_state = "draft"

    name = fields.Char(string="Number", default="/", readonly=True, copy=False)
    ticket_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Complaint",
        index=True,
        tracking=True,
        check_company=True,
        domain="[('cs_request_type', '=', 'complaint')]",
    )
    scorecard_id = fields.Many2one(
        comodel_name="cs.scorecard",
        index="btree_not_null",
        readonly=True,
        check_company=True,
        help="The approved monthly scorecard this incentive was proposed from.",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible Person",
        required=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    kind = fields.Selection(
        selection=[("reward", "Reward"), ("penalty", "Penalty")],
        required=True,
        default="penalty",
        tracking=True,
    )
    amount = fields.Monetary(tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    reason = fields.Text(required=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )

    _sql_constraints = [
        ("amount_positive", "CHECK(amount >= 0)", "The amount cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        if (
            not self.env.su
            and any(vals.get("scorecard_id") for vals in vals_list)
            and not self.env.user.has_group("cs_service_dept.group_cs_supervisor")
        ):
            raise AccessError(
                self.env._("Only a supervisor proposes incentives from the scorecards.")
            )
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cs.reward.penalty") or "/"
        return super().create(vals_list)

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"scorecard_id"}

    def action_submit(self):
        return self.action_cs_submit()

    def _cs_on_rejected(self):
        for notice in self:
            notice.message_post(
                body=self.env._("The notice was rejected and is back to draft."),
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        self._cs_check_state(["draft", "to_approve"])
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()

    def action_draft(self):
        self._cs_check_state(["cancel"])
        self._cs_write_state({"state": "draft"})
