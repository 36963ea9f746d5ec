# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import date_utils

DIMENSIONS = [
    ("category", "Category"),
    ("region", "Region"),
    ("channel", "Source Channel"),
    ("source", "Source"),
]
# Dimension → field of cs.information it counts by.
DIMENSION_FIELDS = {
    "category": "category_id",
    "region": "region",
    "channel": "channel",
    "source": "source",
}


class CsInformationSummary(models.Model):
    """Customer information summary (客户信息管理汇总表) of a month or a
    quarter: counts and trends by category, region, channel and source,
    generated from the records, completed with the specialist's analysis. It is
    also the periodic summary (定期总结): the Manager reviews it, the General
    Manager signs it off (two tiers of cs.approval.mixin), then it is filed."""

    _name = "cs.information.summary"
    _description = "Customer Information Summary"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _cs_rejected_state = "draft"

    name = fields.Char(
        string="Period", compute="_compute_period", store=True, readonly=True, precompute=True
    )
    period_type = fields.Selection(
        [("month", "Month"), ("quarter", "Quarter")],
        required=True,
        default="month",
        tracking=True,
    )
    period_date = fields.Date(
        string="Date in Period",
        required=True,
        default=lambda self: fields.Date.context_today(self) - relativedelta(months=1),
        help="Any day of the month or quarter summarised.",
    )
    date_from = fields.Date(
        compute="_compute_period", store=True, readonly=True, precompute=True, index=True
    )
    date_to = fields.Date(compute="_compute_period", store=True, readonly=True, precompute=True)
    user_id = fields.Many2one(
        "res.users",
        string="Prepared By",
        required=True,
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    line_ids = fields.One2many(
        "cs.information.summary.line", "summary_id", string="Counts", readonly=True, copy=False
    )
    total_count = fields.Integer(string="Records", readonly=True, copy=False)
    previous_total_count = fields.Integer(
        string="Records in Previous Period", readonly=True, copy=False
    )
    generated_date = fields.Datetime(string="Generated On", readonly=True, copy=False)
    analysis = fields.Html(help="The specialist's analysis of the information's usefulness.")
    proposal_ids = fields.One2many(
        "cs.information.proposal", "summary_id", string="Improvement Proposals"
    )
    proposal_count = fields.Integer(compute="_compute_proposal_count")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Signed Off"),
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

    def init(self):
        # One signed-off summary per period and company.
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS cs_information_summary_approved_uniq
            ON cs_information_summary (company_id, period_type, date_from)
            WHERE state = 'approved'
            """
        )

    @api.depends("period_type", "period_date")
    def _compute_period(self):
        for rec in self:
            if not rec.period_date:
                rec.date_from = rec.date_to = rec.name = False
                continue
            start = date_utils.start_of(rec.period_date, rec.period_type)
            end = date_utils.end_of(rec.period_date, rec.period_type)
            rec.date_from, rec.date_to = start, end
            if rec.period_type == "quarter":
                rec.name = f"{start.year}-Q{(start.month - 1) // 3 + 1}"
            else:
                rec.name = f"{start.year}-{start.month:02d}"

    def _compute_proposal_count(self):
        groups = self.env["cs.information.proposal"]._read_group(
            [("summary_id", "in", self.ids)], ["summary_id"], ["__count"]
        )
        counts = {summary.id: count for summary, count in groups}
        for rec in self:
            rec.proposal_count = counts.get(rec.id, 0)

    def _compute_display_name(self):
        for rec in self:
            rec.display_name = self.env._(
                "Customer Information Summary %(period)s", period=rec.name
            )

    @api.constrains("state", "date_from", "period_type", "company_id")
    def _check_period_unique(self):
        for rec in self.filtered(lambda r: r.state != "cancel"):
            approved = self.search_count(
                [
                    ("id", "!=", rec.id),
                    ("company_id", "=", rec.company_id.id),
                    ("period_type", "=", rec.period_type),
                    ("date_from", "=", rec.date_from),
                    ("state", "=", "approved"),
                ]
            )
            if approved:
                raise ValidationError(
                    self.env._(
                        "The period %(period)s already has a signed-off customer information "
                        "summary: open it instead of making another one.",
                        period=rec.name,
                    )
                )

    def write(self, vals):
        content = {"period_type", "period_date", "company_id", "analysis", "user_id"}
        if not self.env.su and content & set(vals):
            locked = self.filtered(lambda r: r.state != "draft")
            if locked:
                raise UserError(
                    self.env._(
                        "%(summary)s is submitted: its period and analysis cannot change.",
                        summary=", ".join(locked.mapped("display_name")),
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------- generation

    def _previous_period(self):
        self.ensure_one()
        months = 3 if self.period_type == "quarter" else 1
        return self.date_from - relativedelta(months=months), self.date_from - relativedelta(days=1)

    def action_generate(self):
        """Count the period's records (and the previous period's, for the
        trend) by category, region, channel and source. Set-based: one grouped
        read per dimension, one delete and one create, whatever the number of
        records. The counts cover the whole department (sudo): a summary is the
        department's, not the preparer's view."""
        self.check_access("write")
        not_draft = self.filtered(lambda r: r.state != "draft")
        if not_draft:
            raise UserError(
                self.env._(
                    "%(summary)s is submitted: its counts cannot be generated again.",
                    summary=", ".join(not_draft.mapped("display_name")),
                )
            )
        Information = self.env["cs.information"].sudo()
        line_vals = []
        totals = {}
        for rec in self:
            prev_from, __ = rec._previous_period()
            base_domain = [
                ("company_id", "=", rec.company_id.id),
                ("state", "!=", "cancel"),
                ("date", ">=", prev_from),
                ("date", "<=", rec.date_to),
            ]
            period_group = f"date:{rec.period_type}"
            current_total = previous_total = 0
            for dimension, field_name in DIMENSION_FIELDS.items():
                counts = {}
                for key, start, count in Information._read_group(
                    base_domain, [field_name, period_group], ["__count"]
                ):
                    slot = "current" if start >= rec.date_from else "previous"
                    counts.setdefault(key, {"current": 0, "previous": 0})[slot] += count
                for key, values in counts.items():
                    category = key.id if dimension == "category" else False
                    line_vals.append(
                        {
                            "summary_id": rec.id,
                            "dimension": dimension,
                            "value": (key or False) if dimension != "category" else False,
                            "category_id": category,
                            "count": values["current"],
                            "previous_count": values["previous"],
                        }
                    )
                    if dimension == "category":
                        current_total += values["current"]
                        previous_total += values["previous"]
            totals[rec] = (current_total, previous_total)
        self.env["cs.information.summary.line"].sudo().search(
            [("summary_id", "in", self.ids)]
        ).unlink()
        self.env["cs.information.summary.line"].sudo().create(line_vals)
        now = fields.Datetime.now()
        for rec in self:
            rec.write(
                {
                    "total_count": totals[rec][0],
                    "previous_total_count": totals[rec][1],
                    "generated_date": now,
                }
            )
        return True

    # ---------------------------------------------------------------- approval

    def action_submit(self):
        return self.action_cs_submit()

    def _cs_check_submit(self):
        for rec in self:
            if not rec.generated_date:
                raise UserError(
                    self.env._(
                        "%(summary)s: generate the counts before submitting.",
                        summary=rec.display_name,
                    )
                )
            if not (rec.analysis and rec.analysis.striptags().strip()):
                raise UserError(
                    self.env._(
                        "%(summary)s: write the analysis before submitting.",
                        summary=rec.display_name,
                    )
                )
        self._check_period_unique()

    def _cs_on_rejected(self):
        for rec in self:
            rec.message_post(
                body=self.env._("The summary was rejected and is back to draft."),
                subtype_xmlid="mail.mt_note",
            )

    def _cs_on_approved(self):
        """Signed off by the General Manager: file the summary (归档) into the
        archives when cs_archive is installed, else attach its PDF here."""
        if "cs.archive" in self.env:
            self.env["cs.archive"].action_file_records(self._name, self.ids)
            return
        report = self.env.ref("cs_service_dept.action_report_cs_information_summary")
        for rec in self:
            content, __ = self.env["ir.actions.report"]._render_qweb_pdf(report, rec.ids)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{rec.display_name}.pdf",
                    "datas": base64.b64encode(content),
                    "res_model": self._name,
                    "res_id": rec.id,
                    "mimetype": "application/pdf",
                }
            )
            rec.message_post(
                body=self.env._("Signed off: the summary is filed as a PDF."),
                attachment_ids=attachment.ids,
                subtype_xmlid="mail.mt_note",
            )

    def action_cancel(self):
        done = self.filtered(lambda r: r.state == "approved")
        if done:
            raise UserError(
                self.env._(
                    "%(summary)s is signed off: it cannot be cancelled.",
                    summary=", ".join(done.mapped("display_name")),
                )
            )
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def action_draft(self):
        self.filtered(lambda r: r.state == "cancel")._cs_write_state({"state": "draft"})
        return True

    def action_new_proposal(self):
        """Raise an improvement proposal from this summary."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Improvement Proposal"),
            "res_model": "cs.information.proposal",
            "view_mode": "form",
            "context": {"default_summary_id": self.id, "default_company_id": self.company_id.id},
        }

    def action_view_proposals(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Improvement Proposals"),
            "res_model": "cs.information.proposal",
            "view_mode": "list,form",
            "domain": [("summary_id", "=", self.id)],
            "context": {"default_summary_id": self.id},
        }
