# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .cs_archive import GROUP_SPECIALIST

# Days between two scheduled inspections (ir.config_parameter overrides).
INTERVAL_PARAM = "cs_archive.inspection_interval_days"
DEFAULT_INTERVAL = 90


class CsArchiveInspection(models.Model):
    """A periodic inspection (定期整改) of the archives: findings with a
    proposed fix, reviewed by the Manager (cs.approval.mixin), then fixed and
    tracked to done."""

    _name = "cs.archive.inspection"
    _description = "Archive Inspection"
    _inherit = [
        "cs.archive.numbered.mixin",
        "cs.approval.mixin",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    # rejected findings go back to draft (the mixin's other states apply)
    _cs_rejected_state = "draft"

    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    inspector_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        tracking=True,
        domain=[("share", "=", False)],
    )
    archive_ids = fields.Many2many(
        "cs.archive",
        "cs_archive_inspection_archive_rel",
        "inspection_id",
        "archive_id",
        string="Archives to Check",
        check_company=True,
    )
    finding_ids = fields.One2many(
        "cs.archive.inspection.finding", "inspection_id", string="Findings"
    )
    finding_count = fields.Integer(compute="_compute_finding_count")
    open_finding_count = fields.Integer(compute="_compute_finding_count", string="Open Findings")
    note = fields.Html(string="Notes")
    state = fields.Selection(
        [
            ("draft", "Inspecting"),
            ("to_approve", "Fixes to Review"),
            ("approved", "Fixing"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("finding_ids.state")
    def _compute_finding_count(self):
        for inspection in self:
            inspection.finding_count = len(inspection.finding_ids)
            inspection.open_finding_count = len(
                inspection.finding_ids.filtered(lambda f: f.state != "done")
            )

    def _cs_check_submit(self):
        for inspection in self:
            if not inspection.finding_ids:
                raise UserError(
                    self.env._(
                        "%(inspection)s has no findings: close it instead.",
                        inspection=inspection.display_name,
                    )
                )
            without_fix = inspection.finding_ids.filtered(lambda f: not f.proposed_fix)
            if without_fix:
                raise UserError(
                    self.env._(
                        "%(inspection)s: propose a fix for every finding (%(archives)s).",
                        inspection=inspection.display_name,
                        archives=", ".join(without_fix.archive_id.mapped("display_name")),
                    )
                )

    def action_submit(self):
        """Send the proposed fixes to the Manager."""
        return self.action_cs_submit()

    def action_done(self):
        """Close the inspection: nothing found, or every fix done."""
        for inspection in self:
            inspection.check_access("write")
            if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
                raise UserError(self.env._("Only customer service closes an inspection."))
            if inspection.finding_ids and inspection.state != "approved":
                raise UserError(
                    self.env._(
                        "%(inspection)s: the Manager reviews the proposed fixes first.",
                        inspection=inspection.display_name,
                    )
                )
            if not inspection.finding_ids and inspection.state != "draft":
                raise UserError(
                    self.env._(
                        "%(inspection)s cannot be closed now.", inspection=inspection.display_name
                    )
                )
            if inspection.open_finding_count:
                raise UserError(
                    self.env._(
                        "%(inspection)s: %(count)s fixes are not done yet.",
                        inspection=inspection.display_name,
                        count=inspection.open_finding_count,
                    )
                )
        self._cs_write_state({"state": "done"})
        return True

    def action_cancel(self):
        for inspection in self:
            if inspection.state == "done":
                raise UserError(
                    self.env._("%(inspection)s is done.", inspection=inspection.display_name)
                )
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def _cs_on_approved(self):
        for inspection in self:
            for finding in inspection.finding_ids.filtered(lambda f: f.responsible_id):
                finding.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Fix the archive"),
                    note=finding.proposed_fix,
                    user_id=finding.responsible_id.id,
                )

    @api.model
    def _cron_plan_inspection(self):
        """Plan the next inspection of each company when the last one is older
        than the interval: it lists the archives to check. Idempotent."""
        interval = int(
            self.env["ir.config_parameter"].sudo().get_param(INTERVAL_PARAM, DEFAULT_INTERVAL)
        )
        Archive = self.env["cs.archive"].sudo()
        planned = self.browse()
        for company in self.env["res.company"].search([]):
            today = Archive._cs_today(company)
            recent = self.sudo().search_count(
                [
                    ("company_id", "=", company.id),
                    ("state", "!=", "cancel"),
                    ("date", ">", today - timedelta(days=interval)),
                ]
            )
            if recent:
                continue
            archives = Archive.search(
                [
                    ("company_id", "=", company.id),
                    ("state", "in", ("available", "on_loan", "expired")),
                ]
            )
            if not archives:
                continue
            planned |= self.sudo().create(
                {
                    "company_id": company.id,
                    "date": today,
                    "inspector_id": False,
                    "archive_ids": [fields.Command.set(archives.ids)],
                }
            )
        self.env["ir.cron"]._notify_progress(done=len(planned), remaining=0)
        return planned
