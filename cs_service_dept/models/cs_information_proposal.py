# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CsInformationProposal(models.Model):
    """Improvement proposal (客户信息管理改善提议单) on the management of
    customer information, raised from a summary or by hand: the Manager
    reviews it, the General Manager approves it (two tiers of
    cs.approval.mixin); its actions then become activities of their owners,
    who mark them done."""

    _name = "cs.information.proposal"
    _description = "Customer Information Improvement Proposal"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _cs_rejected_state = "draft"

    name = fields.Char(string="Number", default="/", readonly=True, copy=False)
    title = fields.Char(string="Subject", required=True, tracking=True)
    summary_id = fields.Many2one(
        "cs.information.summary",
        index=True,
        tracking=True,
        check_company=True,
    )
    user_id = fields.Many2one(
        "res.users",
        string="Proposed By",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    problem = fields.Text(string="Current Situation")
    proposal = fields.Html(string="Proposed Improvement")
    action_ids = fields.One2many(
        "cs.information.proposal.action", "proposal_id", string="Actions", copy=True
    )
    action_count = fields.Integer(compute="_compute_action_progress")
    action_done_count = fields.Integer(compute="_compute_action_progress")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "In Progress"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("action_ids.state")
    def _compute_action_progress(self):
        for rec in self:
            rec.action_count = len(rec.action_ids)
            rec.action_done_count = len(rec.action_ids.filtered(lambda a: a.state == "done"))

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    self.env["ir.sequence"].sudo().next_by_code("cs.information.proposal") or "/"
                )
        return super().create(vals_list)

    def write(self, vals):
        content = {"title", "summary_id", "problem", "proposal", "user_id", "company_id"}
        if not self.env.su and content & set(vals):
            locked = self.filtered(lambda r: r.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "%(proposal)s is submitted: its content cannot change.",
                        proposal=", ".join(locked.mapped("display_name")),
                    )
                )
        return super().write(vals)

    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.name} {rec.title}" if rec.title else rec.name

    def action_submit(self):
        return self.action_cs_submit()

    def _cs_check_submit(self):
        for rec in self:
            if not (rec.proposal and rec.proposal.striptags().strip()):
                raise UserError(
                    self.env._(
                        "%(proposal)s: describe the proposed improvement before submitting.",
                        proposal=rec.display_name,
                    )
                )
            if not rec.action_ids:
                raise UserError(
                    self.env._(
                        "%(proposal)s: add at least one action with its owner and due date.",
                        proposal=rec.display_name,
                    )
                )

    def _cs_on_approved(self):
        """The approved proposal's actions become activities of their owners."""
        activity_type = self.env.ref("cs_service_dept.mail_activity_type_cs_information_action")
        for rec in self:
            for action in rec.action_ids:
                lang = action.user_id.lang or self.env.lang
                rec.with_context(lang=lang).activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=action.user_id.id,
                    date_deadline=action.date_deadline,
                    summary=action.name,
                )
            rec.message_post(
                body=self.env._("Approved: the actions were sent to their owners."),
                subtype_xmlid="mail.mt_note",
            )

    def _cs_on_rejected(self):
        for rec in self:
            rec.message_post(
                body=self.env._("The proposal was rejected and is back to draft."),
                subtype_xmlid="mail.mt_note",
            )

    def _cs_check_all_done(self):
        """Close the approved proposals whose actions are all done."""
        done = self.filtered(
            lambda r: r.state == "approved" and all(a.state == "done" for a in r.action_ids)
        )
        if done:
            done.sudo().write({"state": "done"})
            for rec in done:
                rec.sudo().message_post(
                    body=self.env._("Every action is done: the proposal is closed."),
                    subtype_xmlid="mail.mt_note",
                )

    def action_cancel(self):
        decided = self.filtered(lambda r: r.state in ("approved", "done"))
        if decided:
            raise UserError(
                self.env._(
                    "%(proposal)s is approved: it cannot be cancelled.",
                    proposal=", ".join(decided.mapped("display_name")),
                )
            )
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def action_draft(self):
        self.filtered(lambda r: r.state == "cancel")._cs_write_state({"state": "draft"})
        return True
