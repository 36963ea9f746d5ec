# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from odoo.addons.base_tier_validation.models.tier_validation import BASE_EXCEPTION_FIELDS

from .cs_credit_file import FIGURE_KEYS
from .cs_credit_policy import GRADES


class CsCreditEvaluation(models.Model):
    """A customer's credit grade at a date.

    The grade of a customer is its latest *approved* evaluation. The system's
    evaluations (the policy applied to the customer's figures) and those of an
    approved grade change are recorded approved; an evaluation form drafted by
    the department (origin ``manual``) changes nothing until the Manager
    approves it (cs.approval.mixin).
    """

    _name = "cs.credit.evaluation"
    _description = "Credit Evaluation"
    _inherit = ["cs.approval.mixin", "mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        domain=[("parent_id", "=", False)],
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today, index=True)
    policy_id = fields.Many2one("cs.credit.policy", ondelete="restrict", check_company=True)
    origin = fields.Selection(
        [
            ("manual", "Evaluation Form"),
            ("policy", "Policy Evaluation"),
            ("grade_change", "Approved Grade Change"),
        ],
        default="manual",
        required=True,
        readonly=True,
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    note = fields.Text(string="Assessment", help="Why the department proposes this grade.")
    grade_change_id = fields.Many2one(
        "cs.credit.grade.change", ondelete="set null", check_company=True, readonly=True
    )
    total_score = fields.Float(aggregator="avg")
    grade = fields.Selection(GRADES, required=True, index=True)
    # read when shown or compared, not with every evaluation the nightly run
    # touches (a customer's grade and score need neither)
    figures = fields.Json(prefetch=False, help="The figures of the sales record analysis used.")
    details = fields.Json(prefetch=False, help="Value, score and weighted score per criterion.")
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

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                # The system's evaluations are recorded by the system only.
                if vals.get("origin", "manual") != "manual" or vals.get("grade_change_id"):
                    raise AccessError(
                        self.env._(
                            "Evaluations are computed by the grading policy or drafted "
                            "as an evaluation form to be approved."
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and set(vals) - set(BASE_EXCEPTION_FIELDS):
            self.check_access("write")
            self._check_draft()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._check_draft()
        return super().unlink()

    def _cs_protected_fields(self):
        # what tells a system evaluation from an evaluation form
        return super()._cs_protected_fields() | {"origin", "grade_change_id"}

    def _check_draft(self):
        """Only a draft evaluation form is edited or deleted: an approved
        evaluation is the customer's grade history."""
        done = self.filtered(lambda e: e.state not in ("draft", "rejected"))
        if done:
            raise UserError(
                self.env._(
                    "Evaluation %(name)s is submitted or approved: it cannot be changed.",
                    name=done[0].display_name,
                )
            )

    def action_draft(self):
        rejected = self.filtered(lambda e: e.state == "rejected")
        rejected._cs_write_state({"state": "draft"})
        rejected._cs_reset_reviews()
        return True

    def _cs_on_approved(self):
        for evaluation in self:
            evaluation.partner_id.message_post(
                body=self.env._(
                    "Credit grade %(grade)s approved by %(user)s (evaluation form).",
                    grade=evaluation.grade,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _get_figure_labels(self):
        return dict(FIGURE_KEYS)

    @api.model
    def _evaluate_partners(self, partners, policy=None, detect_anomalies=False):
        """Evaluate ``partners`` (commercial entities) under ``policy`` (by
        default the active policy of the current company).

        The system's computation: the grade comes from the policy applied to
        the figures, never from the user, so the evaluations are recorded
        approved (with ``sudo()``, after checking the user may evaluate).
        Set-based: the figures come from one batch of grouped queries and the
        evaluations are created with one ``create``. Each evaluation carries the
        policy's company.
        """
        self.check_access("create")
        policy = policy or self.env["cs.credit.policy"]._get_active(self.env.company)
        if not policy:
            raise UserError(
                self.env._(
                    "There is no active credit grading policy: a manager has to "
                    "approve and activate one first."
                )
            )
        company = policy.company_id
        # the one column needed, not every column of every partner of the batch
        partners.fetch(["commercial_partner_id"])
        partners = partners.commercial_partner_id
        figures = self.env["cs.credit.file"]._compute_credit_figures(
            partners, company=company, window_months=policy.window_months
        )
        previous = partners.sudo()._cs_credit_evaluations(company)
        today = self.env["cs.followup"].with_company(company)._cs_today()
        rules = policy._scoring_rules()
        scored = []
        for partner_id in partners.ids:
            total, grade, _band, details = policy._score(figures[partner_id], rules)
            scored.append((partner_id, total, grade, figures[partner_id], details))
        evaluations = self.sudo()._cs_insert_policy_evaluations(policy, today, scored)
        if detect_anomalies:
            self.env["cs.credit.anomaly"]._detect(policy, figures, previous)
        return evaluations.sudo(False)

    @api.model
    def _cs_insert_policy_evaluations(self, policy, date, scored):
        """Record ``policy``'s evaluations at ``date`` in one statement:
        ``scored`` lists ``(partner_id, total_score, grade, figures, details)``.

        They are the system's (approved, no review, no chatter: the customer's
        chatter tells grade changes), so the ORM's per-record work (defaults,
        company checks, mail thread, tiers) adds nothing but time to the nightly
        evaluation of every customer. The rows go straight into the suite's own
        table, sent as one JSON document (one parameter, not five lists of
        thousands); the customers whose grade or score they change are then
        written through the ORM (the others are not written at all).
        """
        if not scored:
            return self.browse()
        self.flush_model()
        rows = [
            {"p": partner_id, "s": score, "g": grade, "f": figures, "d": details}
            for partner_id, score, grade, figures, details in scored
        ]
        self.env.cr.execute(
            SQL(
                """
            INSERT INTO cs_credit_evaluation
                   (partner_id, company_id, date, origin, state, policy_id, total_score,
                    grade, figures, details, validation_status,
                    create_uid, write_uid, create_date, write_date)
            SELECT t.p, %(company)s, %(date)s, 'policy', 'approved', %(policy)s,
                   t.s, t.g, t.f, t.d, 'no', %(uid)s, %(uid)s, %(now)s, %(now)s
              FROM jsonb_to_recordset(%(rows)s::jsonb)
                   AS t(p int, s float8, g varchar, f jsonb, d jsonb)
            RETURNING id
            """,
                company=policy.company_id.id,
                date=date,
                policy=policy.id,
                uid=self.env.uid,
                now=self.env.cr.now(),
                rows=json.dumps(rows),
            )
        )
        evaluations = self.browse(row[0] for row in self.env.cr.fetchall())
        self.env["res.partner"].invalidate_model(["cs_credit_evaluation_ids"])
        # the newest approved evaluations: they give the grade and score
        self.env["res.partner"].sudo().browse(row["p"] for row in rows)._cs_set_credit_standing(
            {row["p"]: (row["g"], row["s"]) for row in rows}
        )
        return evaluations

    @api.model
    def _cron_evaluate_all(self, batch_size=5000):
        """Evaluate, in every company with an active policy, its customers once
        a day (the company's day): one batch per call, Odoo calls again while
        some remain, a restart resumes where it stopped.

        Each policy keeps a cursor (the last customer evaluated by id, and how
        many are left): a call reads its batch after the cursor, so it costs the
        batch and not a search of every customer not yet evaluated. Customers
        already evaluated that day (by hand, or by a run the cursor was reset
        for) are skipped.

        :return: the number of customers still to evaluate
        """
        policies = (
            self.env["cs.credit.policy"].sudo().search([("state", "=", "active")], order="id")
        )
        Partner = self.env["res.partner"].with_context(active_test=True)
        done = 0
        for policy in policies:
            company = policy.company_id
            today = self.env["cs.followup"].with_company(company)._cs_today()
            domain = [
                ("parent_id", "=", False),
                ("customer_rank", ">", 0),
                ("company_id", "in", [company.id, False]),
            ]
            if policy.run_date != today:
                policy.write(
                    {
                        "run_date": today,
                        "run_cursor": 0,
                        "run_remaining": Partner.search_count(domain),
                    }
                )
            if done >= batch_size or not policy.run_remaining:
                continue
            asked = batch_size - done
            partners = Partner.search(
                [*domain, ("id", ">", policy.run_cursor)], limit=asked, order="id"
            )
            todo = partners - self._cs_evaluated_on(partners, company, today)
            if todo:
                self.with_company(company)._evaluate_partners(
                    todo, policy=policy, detect_anomalies=True
                )
            done += len(partners)
            policy.write(
                {
                    "run_cursor": partners[-1:].id or policy.run_cursor,
                    # fewer than asked for: the end is reached
                    "run_remaining": max(policy.run_remaining - len(partners), 1)
                    if len(partners) == asked
                    else 0,
                }
            )
        remaining = sum(policies.mapped("run_remaining"))
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return remaining

    @api.model
    def _cs_evaluated_on(self, partners, company, date):
        """Those of ``partners`` with an approved evaluation in ``company`` on
        ``date`` or later (one grouped read of the batch)."""
        groups = self.sudo()._read_group(
            [
                ("partner_id", "in", partners.ids),
                ("company_id", "=", company.id),
                ("state", "=", "approved"),
                ("date", ">=", date),
            ],
            ["partner_id"],
        )
        return self.env["res.partner"].browse(partner.id for (partner,) in groups)
