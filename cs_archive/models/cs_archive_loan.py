# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import errors as pg_errors

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .cs_archive import GROUP_MANAGER, GROUP_SPECIALIST, GROUP_SUPERVISOR

# Days a loan may be overdue before its supervisor hears of it.
SUPERVISOR_AFTER_DAYS = 3


class CsArchiveLoan(models.Model):
    """A loan (借阅) of one or more archives: requested by any internal user,
    approved by the Manager when a secret or top secret archive is in it,
    issued and taken back by customer service. Its lines are the ledger
    (借阅台账)."""

    _name = "cs.archive.loan"
    _description = "Archive Loan"
    _inherit = [
        "cs.archive.numbered.mixin",
        "cs.approval.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True

    # cs.approval.mixin (its states): the Manager approves loans of secret archives.

    borrower_id = fields.Many2one(
        "res.users",
        required=True,
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
    )
    purpose = fields.Text(required=True)
    loan_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    due_date = fields.Date(string="Due On", required=True, tracking=True, index=True)
    line_ids = fields.One2many("cs.archive.loan.line", "loan_id", string="Archives", copy=True)
    archive_count = fields.Integer(compute="_compute_archive_count")
    needs_approval = fields.Boolean(
        compute="_compute_needs_approval",
        store=True,
        help="A secret or top secret archive is lent only with the Manager's approval.",
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "To Issue"),
            ("issued", "On Loan"),
            ("returned", "Returned"),
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
    issued_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    issue_date = fields.Datetime(string="Issued On", readonly=True, copy=False)
    is_overdue = fields.Boolean(
        string="Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    last_reminder_date = fields.Date(string="Last Reminder", readonly=True, copy=False)
    supervisor_notified = fields.Boolean(readonly=True, copy=False)
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    can_issue = fields.Boolean(compute="_compute_can")
    can_submit = fields.Boolean(compute="_compute_can")

    @api.depends("line_ids")
    def _compute_archive_count(self):
        for loan in self:
            loan.archive_count = len(loan.line_ids)

    @api.depends("line_ids.archive_id.confidentiality")
    def _compute_needs_approval(self):
        for loan in self:
            loan.needs_approval = any(
                level in ("secret", "top_secret")
                for level in loan.sudo().line_ids.archive_id.mapped("confidentiality")
            )

    @api.depends("state", "due_date")
    def _compute_is_overdue(self):
        today = self.env["cs.archive"]._cs_today()
        for loan in self:
            loan.is_overdue = loan.state == "issued" and loan.due_date < today

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on overdue loans."))
        domain = [("state", "=", "issued"), ("due_date", "<", self.env["cs.archive"]._cs_today())]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends_context("uid")
    @api.depends("state", "line_ids", "borrower_id")
    def _compute_can(self):
        for loan in self:
            loan.can_issue = not loan._cs_issue_error()
            loan.can_submit = not loan._cs_submit_error()

    @api.constrains("loan_date", "due_date")
    def _check_dates(self):
        for loan in self:
            if loan.due_date and loan.loan_date and loan.due_date < loan.loan_date:
                raise ValidationError(
                    self.env._(
                        "%(loan)s: the due date %(due)s is before the loan date %(date)s.",
                        loan=loan.display_name,
                        due=loan.due_date,
                        date=loan.loan_date,
                    )
                )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
            # Outside customer service one borrows for oneself.
            for vals in vals_list:
                if vals.get("borrower_id", self.env.uid) != self.env.uid:
                    raise AccessError(
                        self.env._("You can request a loan of archives only for yourself.")
                    )
        return super().create(vals_list)

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {
            "issued_by_id",
            "issue_date",
            "last_reminder_date",
            "supervisor_notified",
        }

    def write(self, vals):
        if not self.env.su:
            # The lines guard themselves (their archive is fixed once submitted,
            # their return condition is customer service's).
            frozen = {"borrower_id", "loan_date", "due_date"} & set(vals)
            started = self.filtered(lambda loan: loan.state != "draft")
            if frozen and started:
                raise UserError(
                    self.env._(
                        "%(loans)s: a submitted loan cannot be changed; cancel it and "
                        "request a new one.",
                        loans=", ".join(started.mapped("display_name")),
                    )
                )
            if (
                "borrower_id" in vals
                and vals["borrower_id"] != self.env.uid
                and not self.env.user.has_group(GROUP_SPECIALIST)
            ):
                raise AccessError(
                    self.env._("You can request a loan of archives only for yourself.")
                )
        return super().write(vals)

    # ------------------------------------------------------------ guards

    def _cs_submit_error(self):
        self.ensure_one()
        if self.state != "draft":
            return self.env._("%(loan)s has already been submitted.", loan=self.display_name)
        if not self.line_ids:
            return self.env._("%(loan)s: add the archives to borrow.", loan=self.display_name)
        unavailable = self.sudo().line_ids.archive_id.filtered(
            lambda a: a.state in ("expired", "destroyed")
        )
        if unavailable:
            return self.env._(
                "%(archives)s cannot be lent: expired or destroyed.",
                archives=", ".join(unavailable.mapped("display_name")),
            )
        return False

    def _cs_issue_error(self):
        """Why customer service cannot issue this loan now (or ``False``)."""
        self.ensure_one()
        if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
            return self.env._("Only customer service issues archives.")
        if self.state != "approved":
            return self.env._(
                "%(loan)s is not ready to be issued (it must be submitted, and approved "
                "when a secret archive is in it).",
                loan=self.display_name,
            )
        lines = self.sudo().line_ids
        expired = lines.archive_id.filtered(lambda a: a.state in ("expired", "destroyed"))
        if expired:
            return self.env._(
                "%(archives)s cannot be lent: expired or destroyed.",
                archives=", ".join(expired.mapped("display_name")),
            )
        lent = lines.archive_id.filtered(lambda a: a.state == "on_loan")
        if lent:
            return self.env._(
                "%(archives)s are already on loan.",
                archives=", ".join(lent.mapped("display_name")),
            )
        if self.sudo().needs_approval and not self.sudo()._cs_tiers_sound():
            return self.env._(
                "%(loan)s lends a secret archive: the Manager must approve it first.",
                loan=self.display_name,
            )
        above = lines.archive_id._cs_above_clearance(self.borrower_id)
        if above and not self.sudo()._cs_tiers_sound():
            return self.env._(
                "%(user)s may not read %(archives)s without an approved loan.",
                user=self.borrower_id.name,
                archives=", ".join(above.mapped("display_name")),
            )
        return False

    def _cs_refusal(self, user):
        # A borrower never approves their own loan, whoever submitted it.
        if user == self.borrower_id:
            return self.env._(
                "You cannot approve %(loan)s: you are its borrower. A Manager other than "
                "the borrower has to approve it.",
                loan=self.display_name,
            )
        return super()._cs_refusal(user)

    # ------------------------------------------------------------ actions

    def action_submit(self):
        """Request the loan: straight to customer service, or to the Manager
        first when a secret or top secret archive is in it."""
        for loan in self:
            loan.check_access("write")
            error = loan._cs_submit_error()
            if error:
                raise UserError(error)
        to_approve = self.filtered("needs_approval")
        if to_approve:
            to_approve.action_cs_submit()
        (self - to_approve)._cs_write_state({"state": "approved"})
        return True

    def action_issue(self):
        """Customer service hands the archives over: the lines go on loan.
        PostgreSQL refuses a second open line of an archive (two clerks at the
        same moment)."""
        if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
            raise AccessError(self.env._("Only customer service issues archives."))
        for loan in self:
            error = loan._cs_issue_error()
            if error:
                raise UserError(error)
        now = fields.Datetime.now()
        lines = self.sudo().line_ids
        try:
            with self.env.cr.savepoint():
                lines.write({"state": "on_loan", "issue_date": now})
                lines.flush_recordset()
        except pg_errors.UniqueViolation:
            raise UserError(
                self.env._(
                    "%(archives)s was lent by someone else at the same moment.",
                    archives=", ".join(lines.archive_id.mapped("display_name")),
                )
            ) from None
        self._cs_write_state({"state": "issued", "issued_by_id": self.env.uid, "issue_date": now})
        for loan in self.sudo():
            loan.line_ids.archive_id._cs_set_state(
                "on_loan",
                self.env._(
                    "Lent to %(user)s (%(loan)s), due on %(due)s.",
                    user=loan.borrower_id.name,
                    loan=loan.name,
                    due=loan.due_date,
                ),
            )
        return True

    def action_cancel(self):
        for loan in self:
            loan.check_access("write")
            if loan.state not in ("draft", "to_approve", "approved", "rejected"):
                raise UserError(
                    self.env._(
                        "%(loan)s: archives on loan or returned are not cancelled; return them.",
                        loan=loan.display_name,
                    )
                )
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def action_draft(self):
        for loan in self:
            loan.check_access("write")
            if loan.state not in ("cancel", "rejected"):
                raise UserError(self.env._("%(loan)s is not cancelled.", loan=loan.display_name))
        self._cs_write_state({"state": "draft"})
        return True

    def action_return_all(self):
        """Take back every archive still out, intact."""
        lines = self.sudo().line_ids.filtered(lambda line: line.state == "on_loan")
        if not lines:
            raise UserError(self.env._("Nothing of these loans is on loan."))
        return lines.sudo(False).action_return()

    def action_view_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_archive.cs_archive_loan_line_action"
        )
        action["domain"] = [("loan_id", "=", self.id)]
        action["context"] = {}
        return action

    # ---------------------------------------------------------- business

    def _cs_update_returned(self):
        """Loans whose every line is back (or cancelled) are returned."""
        done = self.filtered(
            lambda loan: (
                loan.state == "issued" and all(line.state != "on_loan" for line in loan.line_ids)
            )
        )
        if done:
            done.sudo().write({"state": "returned"})

    @api.model
    def _cs_department_users(self, group):
        """The department's users of ``group`` (the lowest role first)."""
        users = self.env.ref(group).sudo().users.filtered(lambda u: u.active and not u.share)
        if group == GROUP_SUPERVISOR:
            plain = users.filtered(lambda u: not u.has_group(GROUP_MANAGER))
            users = plain or users
        return users.sorted("id")

    # ------------------------------------------------------------- crons

    @api.model
    def _cron_remind_overdue(self):
        """Remind the borrowers of overdue loans once a day, and the supervisor
        once when a loan is more than 3 days overdue. Idempotent per day."""
        reminded = 0
        for company in self.env["res.company"].search([]):
            today = self.env["cs.archive"]._cs_today(company)
            overdue = self.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "=", "issued"),
                    ("due_date", "<", today),
                ]
            )
            to_remind = overdue.filtered(lambda loan, today=today: loan.last_reminder_date != today)
            # One notified reminder a borrower (on their loan due first, listing
            # all), and a note on each loan, logged in one batch a borrower.
            for borrower, loans in to_remind.sorted("due_date").grouped("borrower_id").items():
                env = self.with_context(lang=borrower.lang or self.env.lang).env
                loans._message_log_batch(
                    bodies={
                        loan.id: env._(
                            "%(loan)s was due on %(due)s: please return the archives.",
                            loan=loan.name,
                            due=loan.due_date,
                        )
                        for loan in loans
                    }
                )
                listed = [
                    env._("%(loan)s (due on %(due)s)", loan=loan.name, due=loan.due_date)
                    for loan in loans
                ]
                loans[0].message_post(
                    body=env._(
                        "Please return the archives of your overdue loans: %(loans)s.",
                        loans=", ".join(listed),
                    ),
                    partner_ids=borrower.partner_id.ids,
                    message_type="comment",
                    subtype_xmlid="mail.mt_note",
                )
            if to_remind:
                to_remind.write({"last_reminder_date": today})
                reminded += len(to_remind)
            late = overdue.filtered(
                lambda loan, today=today: (
                    not loan.supervisor_notified
                    and loan.due_date < today - timedelta(days=SUPERVISOR_AFTER_DAYS)
                )
            )
            supervisor = self._cs_department_users(GROUP_SUPERVISOR)[:1]
            if late and supervisor:
                env = self.with_context(lang=supervisor.lang or self.env.lang).env
                todo = self.env.ref("mail.mail_activity_data_todo")
                model = self.env["ir.model"]._get_id(self._name)
                # one create for the batch (activity_schedule creates one by one);
                # the activities show in the supervisor's activity menu, without a
                # mail each (Odoo mails every activity assigned to someone else)
                self.env["mail.activity"].sudo().with_context(
                    mail_activity_quick_update=True
                ).create(
                    [
                        {
                            "activity_type_id": todo.id,
                            "res_model_id": model,
                            "res_id": loan.id,
                            "date_deadline": today,
                            "summary": env._("Overdue archive loan"),
                            "note": env._(
                                "%(user)s has not returned %(loan)s, due on %(due)s.",
                                user=loan.borrower_id.name,
                                loan=loan.name,
                                due=loan.due_date,
                            ),
                            "user_id": supervisor.id,
                        }
                        for loan in late
                    ]
                )
                late.write({"supervisor_notified": True})
        self.env["ir.cron"]._notify_progress(done=reminded, remaining=0)
        return reminded
