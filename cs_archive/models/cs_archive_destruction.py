# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .cs_archive import GROUP_SPECIALIST


class CsArchiveDestruction(models.Model):
    """A destruction proposal (客户档案销毁提议书) for expired archives: the
    Manager reviews, the General Manager approves (two tiers, two different
    people). Destroying it fills the destruction register
    (客户档案销毁处理登记表) and gives the managers the feedback note
    (销毁处理反馈单)."""

    _name = "cs.archive.destruction"
    _description = "Archive Destruction Proposal"
    _inherit = [
        "cs.archive.numbered.mixin",
        "cs.approval.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    archive_ids = fields.Many2many(
        "cs.archive",
        "cs_archive_destruction_archive_rel",
        "destruction_id",
        "archive_id",
        string="Archives",
        check_company=True,
        domain=[("state", "=", "expired")],
    )
    archive_count = fields.Integer(compute="_compute_archive_count")
    reason = fields.Text(
        required=True,
        default=lambda self: self.env._("The retention period of these archives has ended."),
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("done", "Destroyed"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    line_ids = fields.One2many(
        "cs.archive.destruction.line", "destruction_id", string="Destruction Register"
    )
    destroyed_date = fields.Datetime(string="Destroyed On", readonly=True, copy=False)
    destroyed_by_id = fields.Many2one("res.users", readonly=True)
    feedback = fields.Text(
        help="The feedback to the managers (销毁处理反馈单), printed with the register."
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    can_destroy = fields.Boolean(compute="_compute_can_destroy")

    @api.depends("archive_ids")
    def _compute_archive_count(self):
        for proposal in self:
            proposal.archive_count = len(proposal.archive_ids)

    @api.depends_context("uid")
    @api.depends("state", "review_ids.status")
    def _compute_can_destroy(self):
        for proposal in self:
            proposal.can_destroy = not proposal._cs_destroy_error()

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"destroyed_date", "destroyed_by_id", "line_ids"}

    def write(self, vals):
        if not self.env.su and "archive_ids" in vals:
            started = self.filtered(lambda p: p.state != "draft")
            if started:
                raise UserError(
                    self.env._(
                        "%(proposals)s: the archives of a submitted proposal cannot be changed.",
                        proposals=", ".join(started.mapped("display_name")),
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------ guards

    def _cs_check_submit(self):
        for proposal in self:
            archives = proposal.sudo().archive_ids
            if not archives:
                raise UserError(
                    self.env._(
                        "%(proposal)s: add the expired archives to destroy.",
                        proposal=proposal.display_name,
                    )
                )
            not_expired = archives.filtered(lambda a: a.state != "expired")
            if not_expired:
                raise UserError(
                    self.env._(
                        "%(archives)s: only expired archives are destroyed (not on loan, not "
                        "destroyed yet).",
                        archives=", ".join(not_expired.mapped("display_name")),
                    )
                )

    def _cs_destroy_error(self):
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
            return self.env._("Only customer service destroys archives.")
        if self.state != "approved" or not self.sudo()._cs_tiers_sound():
            return self.env._(
                "%(proposal)s needs the approval of the Manager and then of the General "
                "Manager before anything is destroyed.",
                proposal=self.display_name,
            )
        archives = self.sudo().archive_ids
        on_loan = archives.filtered(
            lambda a: (
                a.state == "on_loan" or any(line.state == "on_loan" for line in a.loan_line_ids)
            )
        )
        if on_loan:
            return self.env._(
                "%(archives)s is on loan: it cannot be destroyed before it is returned.",
                archives=", ".join(on_loan.mapped("display_name")),
            )
        other = archives.filtered(lambda a: a.state != "expired")
        if other:
            return self.env._(
                "%(archives)s is not expired.",
                archives=", ".join(other.mapped("display_name")),
            )
        return False

    # ------------------------------------------------------------ actions

    def action_submit(self):
        return self.action_cs_submit()

    def action_destroy(self):
        """Destroy the approved proposal's archives: shred the paper, delete
        the files and every copy of them; the metadata is kept."""
        if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
            raise AccessError(self.env._("Only customer service destroys archives."))
        for proposal in self:
            error = proposal._cs_destroy_error()
            if error:
                raise UserError(error)
        now = fields.Datetime.now()
        Line = self.env["cs.archive.destruction.line"].sudo()
        for proposal in self.sudo():
            for archive in proposal.archive_ids:
                deleted = archive._cs_delete_files()
                line = Line.create(
                    {
                        "destruction_id": proposal.id,
                        "archive_id": archive.id,
                        "method": "delete" if archive.medium == "electronic" else "shred",
                        "destroyed_by_id": self.env.uid,
                        "destroyed_date": now,
                        "file_count": deleted,
                    }
                )
                archive.write({"destruction_line_id": line.id})
            proposal.archive_ids._cs_set_state(
                "destroyed",
                self.env._(
                    "Destroyed by %(user)s under %(proposal)s.",
                    user=self.env.user.name,
                    proposal=proposal.name,
                ),
            )
        self._cs_write_state(
            {"state": "done", "destroyed_date": now, "destroyed_by_id": self.env.uid}
        )
        self._cs_send_feedback()
        return True

    def action_cancel(self):
        for proposal in self:
            proposal.check_access("write")
            if proposal.state in ("done", "cancel"):
                raise UserError(
                    self.env._("%(proposal)s cannot be cancelled.", proposal=proposal.display_name)
                )
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def action_draft(self):
        for proposal in self:
            proposal.check_access("write")
            if proposal.state not in ("cancel", "rejected"):
                raise UserError(
                    self.env._("%(proposal)s is not cancelled.", proposal=proposal.display_name)
                )
        self._cs_write_state({"state": "draft"})
        return True

    # ---------------------------------------------------------- business

    def _cs_send_feedback(self):
        """Post the feedback note (PDF) to the managers who approved."""
        report = self.env.ref("cs_archive.action_report_destruction_feedback")
        for proposal in self.sudo():
            content, __ = (
                self.env["ir.actions.report"].sudo()._render_qweb_pdf(report, proposal.ids)
            )
            reviewers = proposal.review_ids.done_by
            proposal.message_post(
                body=self.env._(
                    "%(count)s archives destroyed; the feedback note goes to the managers.",
                    count=len(proposal.archive_ids),
                ),
                partner_ids=reviewers.partner_id.ids,
                attachments=[(f"{proposal.name}.pdf", content)],
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _cs_propose_expired(self, company):
        """Propose the expired archives of ``company`` not in an open proposal
        (idempotent); the proposal is submitted to the Manager."""
        open_proposals = self.sudo().search(
            [("company_id", "=", company.id), ("state", "in", ("draft", "to_approve", "approved"))]
        )
        archives = (
            self.env["cs.archive"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "expired"),
                    ("id", "not in", open_proposals.archive_ids.ids),
                ]
            )
        )
        if not archives:
            return self.browse()
        proposal = (
            self.sudo()
            .with_company(company)
            .create(
                {
                    "company_id": company.id,
                    "archive_ids": [fields.Command.set(archives.ids)],
                }
            )
        )
        proposal.action_submit()
        return proposal
