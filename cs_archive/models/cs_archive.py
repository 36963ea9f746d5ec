# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.cs_service_dept.models.cs_confidentiality_request import LEVELS
from odoo.addons.cs_service_dept.models.res_partner import CONFIDENTIALITY_RANK

ARCHIVE_TYPES = [
    ("contract", "Contract"),
    ("credit_file", "Credit File"),
    ("service_record", "Service Record"),
    ("complaint", "Complaint File"),
    ("correspondence", "Correspondence"),
    ("relationship_plan", "Relationship Plan"),
    ("info_summary", "Information Summary"),
    ("other", "Other"),
]
STATES = [
    ("available", "Available"),
    ("on_loan", "On Loan"),
    ("expired", "Expired"),
    ("destroyed", "Destroyed"),
]
GROUP_SPECIALIST = "cs_service_dept.group_cs_specialist"
GROUP_SUPERVISOR = "cs_service_dept.group_cs_supervisor"
GROUP_MANAGER = "cs_service_dept.group_cs_manager"


class CsArchive(models.Model):
    """A customer archive (客户档案): paper in a cabinet, or electronic files.

    Its state moves only through the loan, return, expiry and destruction
    steps (never by a plain write); its confidentiality is never below its
    customer's; its files are readable by the department by clearance, and by
    a borrower only while the archive is lent to them."""

    _name = "cs.archive"
    _description = "Customer Archive"
    _inherit = [
        "cs.archive.numbered.mixin",
        "cs.archive.filing.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "title"]

    title = fields.Char(required=True, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("parent_id", "=", False)],
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    archive_type = fields.Selection(
        ARCHIVE_TYPES, string="Type", required=True, default="contract", tracking=True
    )
    medium = fields.Selection(
        [("paper", "Paper"), ("electronic", "Electronic")],
        required=True,
        default="paper",
        tracking=True,
    )
    cabinet = fields.Char(tracking=True, help="Cabinet of a paper archive (档案柜).")
    shelf = fields.Char(tracking=True, help="Shelf or box inside the cabinet.")
    location = fields.Char(compute="_compute_location", store=True)
    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        string="Files",
        domain=[("res_model", "=", "cs.archive")],
        help="Files of an electronic archive.",
    )
    file_count = fields.Integer(compute="_compute_file_count")
    confidentiality = fields.Selection(
        LEVELS,
        required=True,
        compute="_compute_confidentiality",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Never lower than the customer's level; raised with it.",
    )
    archive_date = fields.Date(
        string="Filed On", required=True, default=fields.Date.context_today, tracking=True
    )
    retention_years = fields.Integer(
        string="Retention (Years)",
        default=5,
        tracking=True,
        help="How long the archive is kept after it was filed; 0 keeps it for ever.",
    )
    expiry_date = fields.Date(
        compute="_compute_expiry_date", store=True, index=True, string="Expires On"
    )
    state = fields.Selection(
        STATES,
        default="available",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    version = fields.Integer(
        default=1, readonly=True, copy=False, help="Raised each time the archive is updated."
    )
    description = fields.Text()
    res_model = fields.Char(
        string="Source Model", readonly=True, copy=False, index=True, help="What was filed."
    )
    res_id = fields.Many2oneReference(
        string="Source ID", model_field="res_model", readonly=True, copy=False
    )
    source_name = fields.Char(string="Source", compute="_compute_source_name")
    loan_line_ids = fields.One2many("cs.archive.loan.line", "archive_id", string="Loans")
    borrower_id = fields.Many2one(
        "res.users", compute="_compute_borrower", string="Lent To", compute_sudo=True
    )
    loan_due_date = fields.Date(compute="_compute_borrower", string="Due On", compute_sudo=True)
    destruction_line_id = fields.Many2one(
        "cs.archive.destruction.line", string="Destruction", readonly=True, copy=False
    )
    destroyed_date = fields.Datetime(related="destruction_line_id.destroyed_date")
    destruction_method = fields.Selection(related="destruction_line_id.method")

    _sql_constraints = [
        ("name_company_uniq", "unique(name, company_id)", "The archive number must be unique."),
        (
            "retention_positive",
            "CHECK(retention_years >= 0)",
            "The retention period cannot be negative.",
        ),
    ]

    @api.depends("name", "title")
    def _compute_display_name(self):
        for archive in self:
            archive.display_name = f"{archive.name} {archive.title or ''}".strip()

    @api.depends("cabinet", "shelf")
    def _compute_location(self):
        for archive in self:
            archive.location = " / ".join(filter(None, [archive.cabinet, archive.shelf])) or False

    def _compute_file_count(self):
        groups = self.env["ir.attachment"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
        )
        counts = dict(groups)
        for archive in self:
            archive.file_count = counts.get(archive.id, 0)

    @api.depends("partner_id")
    def _compute_confidentiality(self):
        for archive in self:
            level = archive.partner_id.commercial_partner_id.cs_confidentiality or "internal"
            if CONFIDENTIALITY_RANK.get(archive.confidentiality, -1) < CONFIDENTIALITY_RANK[level]:
                archive.confidentiality = level

    @api.depends("archive_date", "retention_years")
    def _compute_expiry_date(self):
        for archive in self:
            if archive.archive_date and archive.retention_years:
                archive.expiry_date = archive.archive_date + relativedelta(
                    years=archive.retention_years
                )
            else:
                archive.expiry_date = False

    def _compute_source_name(self):
        for archive in self:
            name = False
            if archive.res_model in self.env and archive.res_id:
                source = self.env[archive.res_model].sudo().browse(archive.res_id).exists()
                name = source.display_name if source else False
            archive.source_name = name

    def _compute_borrower(self):
        lines = self.env["cs.archive.loan.line"].search(
            [("archive_id", "in", self.ids), ("state", "=", "on_loan")]
        )
        by_archive = {line.archive_id.id: line for line in lines}
        for archive in self:
            line = by_archive.get(archive.id)
            archive.borrower_id = line.borrower_id if line else False
            archive.loan_due_date = line.due_date if line else False

    @api.constrains("confidentiality", "partner_id")
    def _check_confidentiality(self):
        for archive in self:
            level = archive.partner_id.commercial_partner_id.cs_confidentiality or "public"
            if CONFIDENTIALITY_RANK[archive.confidentiality] < CONFIDENTIALITY_RANK[level]:
                raise ValidationError(
                    self.env._(
                        "%(archive)s cannot be less confidential than its customer "
                        "%(customer)s (%(level)s).",
                        archive=archive.display_name,
                        customer=archive.partner_id.display_name,
                        level=dict(LEVELS)[level],
                    )
                )

    @api.constrains("medium", "cabinet")
    def _check_location(self):
        for archive in self:
            if archive.medium == "paper" and not archive.cabinet:
                raise ValidationError(
                    self.env._(
                        "%(archive)s is on paper: say in which cabinet it is kept.",
                        archive=archive.display_name,
                    )
                )

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "available") != "available" for vals in vals_list
        ):
            raise AccessError(
                self.env._("An archive is created available; its state moves only by its steps.")
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            protected = {"state", "version", "destruction_line_id", "res_model", "res_id"} & set(
                vals
            )
            if protected:
                raise AccessError(
                    self.env._(
                        "Set only through the loan, return, expiry and destruction steps of "
                        "an archive: %(fields)s.",
                        fields=", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in sorted(protected)
                        ),
                    )
                )
            destroyed = self.filtered(lambda a: a.state == "destroyed")
            if destroyed:
                raise UserError(
                    self.env._(
                        "%(archives)s have been destroyed: only their record is kept, unchanged.",
                        archives=", ".join(destroyed.mapped("display_name")),
                    )
                )
        return super().write(vals)

    def unlink(self):
        self.check_access("unlink")
        if not self.env.su:
            raise UserError(
                self.env._(
                    "Archives are never deleted: an expired archive is destroyed through an "
                    "approved destruction proposal, and its record is kept."
                )
            )
        return super().unlink()

    # ------------------------------------------------------------- actions

    def action_view_files(self):
        self.ensure_one()
        self._cs_check_file_access("read")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Files of %(archive)s", archive=self.display_name),
            "res_model": "ir.attachment",
            "view_mode": "kanban,list,form",
            "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }

    def action_view_loans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_archive.cs_archive_loan_line_action"
        )
        action["domain"] = [("archive_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_propose_destruction(self):
        """Draft a destruction proposal (客户档案销毁提议书) for expired archives."""
        self._cs_check_group(GROUP_SPECIALIST)
        proposal = self.env["cs.archive.destruction"].create(
            {"archive_ids": [fields.Command.set(self.ids)]}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.archive.destruction",
            "res_id": proposal.id,
            "view_mode": "form",
        }

    # ---------------------------------------------------------- business

    def _cs_check_group(self, group):
        if not self.env.su and not self.env.user.has_group(group):
            raise AccessError(
                self.env._("Only the customer service department can do this with archives.")
            )

    @api.model
    def _cs_clearance(self, user):
        """The highest level ``user`` reads by role."""
        if user.has_group(GROUP_MANAGER):
            return "top_secret"
        if user.has_group(GROUP_SUPERVISOR):
            return "secret"
        return "internal"

    def _cs_above_clearance(self, user):
        clearance = CONFIDENTIALITY_RANK[self._cs_clearance(user)]
        return self.filtered(lambda a: CONFIDENTIALITY_RANK[a.confidentiality] > clearance)

    def _cs_lent_to(self, user):
        """The archives of ``self`` lent to ``user`` right now."""
        lines = (
            self.env["cs.archive.loan.line"]
            .sudo()
            .search(
                [
                    ("archive_id", "in", self.ids),
                    ("state", "=", "on_loan"),
                    ("borrower_id", "=", user.id),
                ]
            )
        )
        return lines.archive_id.sudo(False)

    def _cs_check_file_access(self, mode):
        """Files of an archive: the department reads them by clearance (the
        record rules), anyone else only while the archive is lent to them;
        only the department adds or removes files."""
        if self.env.su:
            return
        archives = self.browse(self.ids).exists()
        destroyed = archives.sudo().filtered(lambda a: a.state == "destroyed")
        if destroyed and mode != "read":
            raise AccessError(self.env._("The files of a destroyed archive are gone."))
        archives.check_access("read" if mode == "read" else "write")
        if self.env.user.has_group(GROUP_SPECIALIST):
            return
        if mode != "read" or archives - archives._cs_lent_to(self.env.user):
            raise AccessError(
                self.env._(
                    "The files of an archive are readable outside customer service only while "
                    "it is lent to you."
                )
            )

    def _cs_set_state(self, state, message=None):
        """Move the state (runs after the caller's checks) and log it."""
        self.sudo().write({"state": state})
        if message:
            for archive in self:
                archive.message_post(body=message, subtype_xmlid="mail.mt_note")

    def _cs_delete_files(self):
        """Delete the files of the archives and every copy of them (the same
        content attached anywhere else, e.g. in a chatter or the source
        record): afterwards no attachment serves it. The filestore's garbage
        collector removes the file itself. Returns how many attachments went."""
        Attachment = self.env["ir.attachment"].sudo()
        any_field = ["|", ("res_field", "=", False), ("res_field", "!=", False)]
        files = Attachment.search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), *any_field]
        )
        checksums = {c for c in files.mapped("checksum") if c}
        fnames = {f for f in files.mapped("store_fname") if f}
        copies = (
            Attachment.search(
                [
                    "|",
                    ("checksum", "in", list(checksums)),
                    ("store_fname", "in", list(fnames)),
                    *any_field,
                ]
            )
            if (checksums or fnames)
            else Attachment
        )
        to_delete = files | copies
        count = len(to_delete)
        to_delete.unlink()
        return count

    def _cs_raise_confidentiality(self, level):
        """The customer's level was raised: archives below it follow."""
        rank = CONFIDENTIALITY_RANK[level]
        lower = self.sudo().filtered(lambda a: CONFIDENTIALITY_RANK[a.confidentiality] < rank)
        if lower:
            lower.write({"confidentiality": level})
            body = self.env._(
                "Confidentiality raised to %(level)s with the customer's.",
                level=dict(LEVELS)[level],
            )
            for archive in lower:
                archive.message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------- crons

    @api.model
    def _cs_today(self, company=None):
        company = company or self.env.company
        tz = company.partner_id.tz or "UTC"
        return fields.Date.context_today(self.with_context(tz=tz))

    @api.model
    def _cron_expire(self, batch_size=500):
        """Available archives past their expiry date become expired (one batch
        per call), then the expired ones not yet proposed are proposed for
        destruction, one proposal per company."""
        done = 0
        remaining = 0
        for company in self.env["res.company"].search([]):
            domain = [
                ("company_id", "=", company.id),
                ("state", "=", "available"),
                ("expiry_date", "!=", False),
                ("expiry_date", "<", self._cs_today(company)),
            ]
            expiring = self.search(domain, limit=max(batch_size - done, 0))
            if expiring:
                body = self.with_context(lang=company.partner_id.lang or self.env.lang).env._(
                    "The retention period ended: the archive expired."
                )
                expiring._cs_set_state("expired", body)
                done += len(expiring)
            remaining += self.search_count(domain)
            if not remaining:
                self.env["cs.archive.destruction"]._cs_propose_expired(company)
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return done
