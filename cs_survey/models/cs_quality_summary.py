# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import date_utils

from .survey_survey import GROUP_MANAGER

WORST_LIMIT = 10
# The month's figures as read from the report, and the state the summary's
# actions move: set by the system only.
FIGURE_FIELDS = {
    "satisfaction_rate",
    "revisit_rate",
    "response_rate",
    "scored_count",
    "required_count",
    "invited_count",
    "satisfaction_target",
    "revisit_target",
    "state",
}


class CsQualitySummary(models.Model):
    """The month's service quality summary (服务质量总结): the figures against
    their targets, the worst-rated services, the complaint causes (Pareto) and
    the improvement actions with their owners."""

    _name = "cs.quality.summary"
    _description = "Service Quality Summary"
    _inherit = ["mail.thread"]
    _order = "date_from desc, id desc"

    name = fields.Char(compute="_compute_name", store=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    date_from = fields.Date(
        string="Month",
        required=True,
        default=lambda self: date_utils.start_of(
            fields.Date.context_today(self) - relativedelta(months=1), "month"
        ),
    )
    date_to = fields.Date(compute="_compute_date_to", store=True)
    satisfaction_rate = fields.Float(string="Satisfaction (%)", readonly=True)
    revisit_rate = fields.Float(string="Revisit Rate (%)", readonly=True)
    response_rate = fields.Float(string="Response Rate (%)", readonly=True)
    scored_count = fields.Integer(string="Scores", readonly=True)
    required_count = fields.Integer(string="Revisits Due", readonly=True)
    invited_count = fields.Integer(string="Invitations", readonly=True)
    satisfaction_target = fields.Integer(readonly=True)
    revisit_target = fields.Integer(readonly=True)
    action_ids = fields.One2many("cs.quality.action", "summary_id", string="Improvement Actions")
    state = fields.Selection(
        [("draft", "Draft"), ("posted", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    _sql_constraints = [
        (
            "month_uniq",
            "unique(company_id, date_from)",
            "There is already a quality summary for this month.",
        ),
    ]

    @api.depends("date_from")
    def _compute_name(self):
        for summary in self:
            summary.name = self.env._(
                "Service Quality Summary %(month)s",
                month=summary.date_from.strftime("%Y-%m") if summary.date_from else "",
            )

    @api.depends("date_from")
    def _compute_date_to(self):
        for summary in self:
            summary.date_to = summary.date_from and date_utils.end_of(summary.date_from, "month")

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self.env.su:
                self.env["cs.revisit"]._cs_check_system_fields(
                    {
                        name
                        for name in set(vals) & FIGURE_FIELDS
                        if name != "state" or vals[name] != "draft"
                    }
                )
            if vals.get("date_from"):
                month = fields.Date.to_date(vals["date_from"])
                vals["date_from"] = date_utils.start_of(month, "month")
        summaries = super().create(vals_list)
        summaries._refresh_figures()
        return summaries

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            # the month and company a summary covers are set when it is made
            self.env["cs.revisit"]._cs_check_system_fields(
                set(vals) & (FIGURE_FIELDS | {"date_from", "company_id"})
            )
        return super().write(vals)

    def _report_domain(self):
        self.ensure_one()
        return [
            ("date", ">=", self.date_from),
            ("date", "<=", self.date_to),
            ("company_id", "=", self.company_id.id),
        ]

    def _refresh_figures(self):
        """Take the month's figures (read as superuser: the whole department)."""
        Settings = self.env["res.config.settings"]
        Report = self.env["cs.satisfaction.report"].sudo()
        for summary in self:
            figures = Report._cs_figures(summary._report_domain())
            summary.sudo().write(
                {
                    "satisfaction_rate": figures["satisfaction"] or 0.0,
                    "revisit_rate": figures["revisit"] or 0.0,
                    "response_rate": figures["response"] or 0.0,
                    "scored_count": figures["scored"],
                    "required_count": figures["required"],
                    "invited_count": figures["invited"],
                    "satisfaction_target": Settings._cs_survey_setting("satisfaction_target"),
                    "revisit_target": Settings._cs_survey_setting("revisit_target"),
                }
            )

    def action_refresh(self):
        self._check_manager()
        self.filtered(lambda s: s.state == "draft")._refresh_figures()

    def _check_manager(self):
        if not self.env.user.has_group(GROUP_MANAGER):
            raise UserError(
                self.env._("Only a customer service manager can prepare the quality summary.")
            )

    def action_post(self):
        """Send the summary (PDF) to the customer service managers."""
        self._check_manager()
        self.sudo()._post_to_managers()

    def _post_to_managers(self):
        report = self.env.ref("cs_survey.action_report_cs_quality_summary")
        managers = self.env["cs.revisit"]._cs_managers()
        for summary in self:
            # the company's language: the department reads the summary in Chinese
            lang = summary.company_id.partner_id.lang or self.env.lang
            localized = summary.with_context(lang=lang)
            pdf, __ = report.with_context(lang=lang)._render_qweb_pdf(
                report.report_name, summary.ids
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{summary.name}.pdf",
                    "raw": pdf,
                    "res_model": summary._name,
                    "res_id": summary.id,
                    "mimetype": "application/pdf",
                }
            )
            localized.message_post(
                body=localized.env._("The service quality summary of the month is attached."),
                attachment_ids=attachment.ids,
                partner_ids=managers.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self.write({"state": "posted"})

    # ---------------------------------------------------
    # Report data
    # ---------------------------------------------------

    def _figure_text(self, rate, count):
        return self.env._("No data") if not count else f"{rate:.1f}%"

    def _worst_services(self):
        """The month's lowest scores (3 and below), worst first."""
        self.ensure_one()
        return (
            self.env["cs.satisfaction.report"]
            .sudo()
            .search(
                [*self._report_domain(), ("scored_count", "=", 1), ("score", "<=", 3)],
                order="score, date",
                limit=WORST_LIMIT,
            )
        )

    def _complaint_causes(self):
        """Complaints opened in the month per cause, most frequent first, with the
        cumulative share (Pareto): [(cause name, count, percent, cumulative)]."""
        self.ensure_one()
        groups = (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [
                    ("cs_request_type", "=", "complaint"),
                    ("company_id", "=", self.company_id.id),
                    ("create_date", ">=", fields.Datetime.to_datetime(self.date_from)),
                    (
                        "create_date",
                        "<",
                        fields.Datetime.to_datetime(self.date_to + relativedelta(days=1)),
                    ),
                ],
                ["cs_cause_id"],
                ["__count"],
            )
        )
        total = sum(count for __, count in groups)
        rows, cumulative = [], 0
        for cause, count in sorted(groups, key=lambda g: -g[1]):
            cumulative += count
            rows.append(
                (
                    cause.name or self.env._("Cause not set"),
                    count,
                    100.0 * count / total,
                    100.0 * cumulative / total,
                )
            )
        return rows

    # ---------------------------------------------------
    # Crons
    # ---------------------------------------------------

    @api.model
    def _cron_monthly_summary(self):
        """Prepare and send last month's summary of each company, once."""
        month = date_utils.start_of(
            self.env["cs.followup"]._cs_today() - relativedelta(months=1), "month"
        )
        companies = self.env["res.company"].search([])
        done = set(self.search([("date_from", "=", month)]).company_id.ids)
        todo = companies.filtered(lambda c: c.id not in done)
        summaries = self.create([{"company_id": c.id, "date_from": month} for c in todo])
        summaries._post_to_managers()
        self.env["ir.cron"]._notify_progress(done=len(summaries), remaining=0)
