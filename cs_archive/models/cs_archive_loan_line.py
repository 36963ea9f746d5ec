# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .cs_archive import GROUP_MANAGER, GROUP_SPECIALIST


class CsArchiveLoanLine(models.Model):
    """One archive of a loan, a line of the lending ledger (借阅台账): who,
    what, when, due, returned, in which condition. At most one line per
    archive is on loan (a partial unique index)."""

    _name = "cs.archive.loan.line"
    _description = "Archive Loan Line"
    _order = "id desc"
    _rec_name = "archive_id"
    _check_company_auto = True

    loan_id = fields.Many2one("cs.archive.loan", required=True, ondelete="cascade", index=True)
    archive_id = fields.Many2one(
        "cs.archive",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain=[("state", "in", ("available", "on_loan"))],
    )
    partner_id = fields.Many2one(
        related="archive_id.partner_id", string="Customer", compute_sudo=True
    )
    confidentiality = fields.Selection(related="archive_id.confidentiality", compute_sudo=True)
    medium = fields.Selection(related="archive_id.medium", compute_sudo=True)
    borrower_id = fields.Many2one(
        related="loan_id.borrower_id", store=True, index=True, string="Borrower"
    )
    loan_date = fields.Date(related="loan_id.loan_date", store=True)
    due_date = fields.Date(related="loan_id.due_date", store=True, string="Due On")
    company_id = fields.Many2one(related="loan_id.company_id", store=True)
    state = fields.Selection(
        [
            ("draft", "Requested"),
            ("on_loan", "On Loan"),
            ("returned", "Returned"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
    )
    issue_date = fields.Datetime(string="Issued On", readonly=True, copy=False)
    return_date = fields.Datetime(string="Returned On", readonly=True, copy=False)
    returned_to_id = fields.Many2one("res.users", string="Received By", readonly=True, copy=False)
    return_condition = fields.Selection(
        [("intact", "Intact"), ("damaged", "Damaged"), ("incomplete", "Incomplete")],
        string="Condition",
        default="intact",
        copy=False,
    )
    return_note = fields.Char(string="Return Notes", copy=False)
    is_overdue = fields.Boolean(string="Overdue", compute="_compute_is_overdue")

    def init(self):
        # One archive is on at most one open loan line, whatever the ORM does:
        # two clerks lending the same archive at the same moment cannot both
        # succeed.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS cs_archive_loan_line_one_open_idx
            ON cs_archive_loan_line (archive_id) WHERE state = 'on_loan'
            """
        )

    @api.depends("state", "due_date")
    def _compute_is_overdue(self):
        today = self.env["cs.archive"]._cs_today()
        for line in self:
            line.is_overdue = line.state == "on_loan" and line.due_date < today

    # ------------------------------------------------------------------ CRUD

    _STEP_FIELDS = {"state", "issue_date", "return_date", "returned_to_id"}
    _RETURN_FIELDS = {"return_condition", "return_note"}

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            if any(self._STEP_FIELDS & set(vals) for vals in vals_list):
                raise AccessError(
                    self.env._("A loan line moves only through the Issue and Return buttons.")
                )
            loans = self.env["cs.archive.loan"].browse(
                {vals.get("loan_id") for vals in vals_list if vals.get("loan_id")}
            )
            self._cs_check_draft(loans)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if self._STEP_FIELDS & set(vals):
                raise AccessError(
                    self.env._("A loan line moves only through the Issue and Return buttons.")
                )
            if self._RETURN_FIELDS & set(vals) and not self.env.user.has_group(GROUP_SPECIALIST):
                raise AccessError(
                    self.env._("Only customer service records the condition of a returned archive.")
                )
            if {"archive_id", "loan_id"} & set(vals):
                self._cs_check_draft(self.loan_id)
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._cs_check_draft(self.loan_id)
        return super().unlink()

    def _cs_check_draft(self, loans):
        started = loans.filtered(lambda loan: loan.state != "draft")
        if started:
            raise UserError(
                self.env._(
                    "%(loans)s: the archives of a submitted loan cannot be changed.",
                    loans=", ".join(started.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------ actions

    def action_return(self):
        """Customer service takes the archives back, checking their condition:
        a damaged or incomplete one gives the Manager an activity."""
        if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
            raise AccessError(self.env._("Only customer service takes archives back."))
        self.check_access("write")
        not_out = self.filtered(lambda line: line.state != "on_loan")
        if not_out:
            raise UserError(
                self.env._(
                    "%(archives)s is not on loan: there is nothing to return.",
                    archives=", ".join(not_out.mapped("display_name")),
                )
            )
        lines = self.sudo()
        lines.write(
            {
                "state": "returned",
                "return_date": fields.Datetime.now(),
                "returned_to_id": self.env.uid,
            }
        )
        today = self.env["cs.archive"]._cs_today()
        for line in lines:
            archive = line.archive_id
            expired = archive.expiry_date and archive.expiry_date < today
            condition = dict(self._fields["return_condition"]._description_selection(self.env)).get(
                line.return_condition or "intact"
            )
            archive._cs_set_state(
                "expired" if expired else "available",
                self.env._(
                    "Returned by %(user)s (%(loan)s): %(condition)s. %(note)s",
                    user=line.borrower_id.name,
                    loan=line.loan_id.name,
                    condition=condition,
                    note=line.return_note or "",
                ),
            )
            if line.return_condition in ("damaged", "incomplete"):
                line._cs_report_damage(condition)
        lines.loan_id._cs_update_returned()
        return True

    def action_open_archive(self):
        """The borrower opens the archive lent to them (its files included)."""
        self.ensure_one()
        if self.state != "on_loan":
            raise UserError(
                self.env._("%(archive)s is not on loan to you.", archive=self.display_name)
            )
        self.archive_id.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.archive",
            "res_id": self.archive_id.id,
            "view_mode": "form",
        }

    def _cs_report_damage(self, condition):
        self.ensure_one()
        manager = self.env["cs.archive.loan"]._cs_department_users(GROUP_MANAGER)[:1]
        if not manager:
            return
        env = self.with_context(lang=manager.lang or self.env.lang).env
        self.archive_id.sudo().activity_schedule(
            "mail.mail_activity_data_todo",
            summary=env._("Archive returned %(condition)s", condition=condition),
            note=env._(
                "%(archive)s came back %(condition)s from %(user)s (%(loan)s): %(note)s",
                archive=self.archive_id.display_name,
                condition=condition,
                user=self.borrower_id.name,
                loan=self.loan_id.name,
                note=self.return_note or "",
            ),
            user_id=manager.id,
        )
