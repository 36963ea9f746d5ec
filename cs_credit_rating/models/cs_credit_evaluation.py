# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models, modules
from odoo.exceptions import UserError

from .cs_credit_file import FIGURE_KEYS
from .cs_credit_policy import GRADES


class CsCreditEvaluation(models.Model):
    _name = "cs.credit.evaluation"
    _description = "Credit Evaluation"
    _order = "date desc, id desc"

    name = fields.Char(compute="_compute_name")
    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    policy_id = fields.Many2one("cs.credit.policy", ondelete="restrict")
    origin = fields.Selection(
        [("policy", "Policy Evaluation"), ("grade_change", "Approved Grade Change")],
        default="policy",
        required=True,
    )
    grade_change_id = fields.Many2one("cs.credit.grade.change", ondelete="set null")
    total_score = fields.Float(aggregator="avg")
    grade = fields.Selection(GRADES, required=True, index=True)
    figures = fields.Json(help="The figures of the sales record analysis used.")
    details = fields.Json(help="Value, score and weighted score per criterion.")
    details_html = fields.Html(string="Scoring", compute="_compute_details_html", sanitize=False)
    specialist_id = fields.Many2one(related="partner_id.cs_specialist_id", string="Specialist")

    @api.depends("partner_id", "date", "grade")
    def _compute_name(self):
        for rec in self:
            rec.name = f"{rec.partner_id.name or ''} {rec.date or ''} {rec.grade or ''}"

    @api.depends("details", "figures")
    def _compute_details_html(self):
        labels = dict(
            self.env["cs.credit.policy.criterion"]
            ._fields["figure_key"]
            ._description_selection(self.env)
        )
        head = Markup(
            "<table class='table table-sm o_cs_credit_details'><thead><tr>"
            "<th>%s</th><th>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th></tr></thead><tbody>"
        ) % (
            self.env._("Criterion"),
            self.env._("Figure"),
            self.env._("Value"),
            self.env._("Score"),
            self.env._("Weight (%)"),
            self.env._("Weighted"),
        )
        for rec in self:
            if not rec.details:
                rec.details_html = False
                continue
            rows = Markup("").join(
                Markup(
                    "<tr><td>%s</td><td>%s</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s</td><td class='text-end'>%s</td>"
                    "<td class='text-end'>%s</td></tr>"
                )
                % (
                    escape(line.get("criterion") or ""),
                    labels.get(line.get("key"), line.get("key")),
                    round(line.get("value") or 0.0, 2),
                    round(line.get("score") or 0.0, 2),
                    line.get("weight"),
                    line.get("weighted"),
                )
                for line in rec.details
            )
            rec.details_html = head + rows + Markup("</tbody></table>")

    @api.model
    def _get_figure_labels(self):
        return dict(FIGURE_KEYS)

    @api.model
    def _evaluate_partners(self, partners, policy=None, detect_anomalies=False):
        """Evaluate ``partners`` (commercial entities) under ``policy``.

        Set-based: the figures come from one batch of grouped queries and the
        evaluations are created with one ``create``.
        """
        company = self.env.company
        policy = policy or self.env["cs.credit.policy"]._get_active(company)
        if not policy:
            raise UserError(
                self.env._(
                    "There is no active credit grading policy: a manager has to "
                    "approve and activate one first."
                )
            )
        partners = partners.commercial_partner_id
        figures = self.env["cs.credit.file"]._compute_credit_figures(
            partners, company=company, window_months=policy.window_months
        )
        previous = {p.id: p.sudo().cs_credit_evaluation_id for p in partners}
        vals_list = []
        today = fields.Date.context_today(self)
        rules = policy._scoring_rules()
        for partner in partners:
            partner_figures = figures[partner.id]
            total, grade, _band, details = policy._score(partner_figures, rules)
            vals_list.append(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "date": today,
                    "origin": "policy",
                    "policy_id": policy.id,
                    "total_score": total,
                    "grade": grade,
                    "figures": partner_figures,
                    "details": details,
                }
            )
        evaluations = self.create(vals_list)
        if detect_anomalies:
            self.env["cs.credit.anomaly"]._detect(policy, figures, previous)
        return evaluations

    def _cron_evaluate_all(self, batch_size=1000, limit=None):
        """Evaluate every customer not yet evaluated today, in batches."""
        policy = self.env["cs.credit.policy"]._get_active(self.env.company)
        if not policy:
            return
        today = fields.Date.context_today(self)
        Partner = self.env["res.partner"].with_context(active_test=True)
        domain = [
            ("parent_id", "=", False),
            ("customer_rank", ">", 0),
            "|",
            ("cs_credit_evaluation_id", "=", False),
            ("cs_credit_evaluation_id.date", "<", today),
        ]
        done = 0
        remaining = Partner.search_count(domain)
        if limit is not None:
            remaining = min(remaining, limit)
        last_id = 0
        while remaining > 0:
            partners = Partner.search(
                [("id", ">", last_id), *domain],
                limit=min(batch_size, remaining),
                order="id",
            )
            if not partners:
                break
            last_id = partners[-1].id
            self._evaluate_partners(partners, policy=policy, detect_anomalies=True)
            done += len(partners)
            remaining -= len(partners)
            self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
            if not modules.module.current_test:
                self.env.cr.commit()  # pylint: disable=invalid-commit
            self.env.invalidate_all()
