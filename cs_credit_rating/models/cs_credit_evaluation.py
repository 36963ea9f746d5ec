# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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

    def init(self):
        # a customer's latest approved evaluation in a company (its grade; the
        # previous figures the anomaly detection compares with) is the newest
        # entry of the customer and company, however long the history; whether
        # it was evaluated on a day is read in the index too
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS cs_credit_evaluation_latest_index
                ON cs_credit_evaluation (partner_id, company_id, id) INCLUDE (date)
             WHERE state = 'approved'
            """
        )

    @api.depends("partner_id", "date", "grade")
    def _compute_name(self):
        for rec in self:
            rec.name = f"{rec.partner_id.name or ''} {rec.date or ''} {rec.grade or ''}"

    def _cs_scoring_lines(self):
        """The scoring of the evaluation, a line per criterion (criterion,
        figure key, value, score, weight, weighted score): as stored, or, for
        the policy's evaluations, which store their figures only, the policy
        applied to them (a policy is read-only from its approval on)."""
        self.ensure_one()
        if self.details:
            return self.details
        if self.policy_id and self.figures:
            return self.policy_id.sudo()._score(self.figures)[3]
        return []

    @api.depends("details", "figures", "policy_id")
    @api.depends_context("lang")
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
            lines = rec._cs_scoring_lines()
            if not lines:
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
                for line in lines
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
    def _evaluate_partners(self, partners, policy=None, detect_anomalies=False, taken=False):
        """Evaluate ``partners`` (commercial entities) under ``policy`` (by
        default the active policy of the current company), on their figures
        read now, or, when ``taken``, on those the nightly run took for the
        day (``cs.credit.figure``): then the customers graded that day already
        (by hand, or by a run the cursor was reset for), those deleted since
        and those whose figures and grade are those of their latest
        evaluation are skipped.

        The system's computation: the grade comes from the policy applied to
        the figures, never from the user, so the evaluations are recorded
        approved (with ``sudo()``, after checking the user may evaluate).
        Set-based: the figures are read, compared (``detect_anomalies``),
        scored and recorded in one statement whatever the number of partners.
        Each evaluation carries the policy's company.
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
        if taken:
            # the customers of the night's figures are commercial entities
            figures = self.env["cs.credit.figure"]._cs_figures_of(company, partners.ids)
        else:
            # the one column needed, not every column of every partner
            partners.fetch(["commercial_partner_id"])
            partners = partners.commercial_partner_id
            figures = self.env["cs.credit.file"]._cs_figures_query(
                partners.ids, company, policy.window_months
            )
        today = self.env["cs.followup"].with_company(company)._cs_today()
        evaluations, anomalies = self.sudo()._cs_insert_policy_evaluations(
            policy,
            today,
            figures,
            detect_anomalies=detect_anomalies,
            nightly=taken,
        )
        if detect_anomalies:
            self.env["cs.credit.anomaly"]._cs_detected(policy, anomalies)
        return evaluations.sudo(False)

    @api.model
    def _cs_insert_policy_evaluations(
        self, policy, date, figures, detect_anomalies=False, nightly=False
    ):
        """Record ``policy``'s evaluations at ``date`` of the customers of
        ``figures`` (an SQL query with the columns of
        ``cs.credit.file._cs_figures_query``): their figures scored with the
        policy's rules (``_cs_score_sql``, ``_cs_grade_sql``) and inserted,
        in one statement. With ``detect_anomalies``, the same statement first
        compares them with each customer's latest approved evaluation in the
        company, read once with its date, and inserts the anomalies
        (``cs.credit.anomaly._cs_detect_query``): PostgreSQL runs both
        inserts on the same snapshot, so the evaluations compared with are the
        ones before this statement's. For the ``nightly`` run, customers
        whose latest evaluation is of ``date`` already are left out, and so
        are those whose latest evaluation has the same policy, grade and
        figures (the night records what changed: the grade of a customer is
        its latest evaluation, from whatever day).

        They are the system's (approved, no review, no chatter: the customer's
        chatter tells grade changes), so the ORM's per-record work (defaults,
        company checks, mail thread, tiers) adds nothing but time to the nightly
        evaluation of every customer, and so does carrying the figures to
        Python and back: the rows go straight from the customers' records into
        the suite's own table. Their scoring details are not stored: the
        figures and the policy (read-only once approved) give them
        (``_cs_scoring_lines``). Nor is the customers' grade, derived from
        the latest evaluations: no customer is written.

        :return: the evaluations and the ids of the anomalies inserted
        """
        # the orders, invoices, payments and tickets read
        self.env.flush_all()
        keys = [key for key, _label in FIGURE_KEYS]
        total = policy._cs_score_sql(lambda key: SQL.identifier("f", key))
        source = SQL.identifier("f")
        anomalies = (
            self.env["cs.credit.anomaly"]._cs_detect_query(policy, source)
            if detect_anomalies
            else SQL("SELECT NULL::int AS id WHERE FALSE")
        )
        rows = self.env.execute_query(
            SQL(
                """
            WITH f AS MATERIALIZED (
                %(compared)s
            ), anomaly AS (
                %(anomalies)s
            ), evaluation AS (
                INSERT INTO cs_credit_evaluation
                       (partner_id, company_id, date, origin, state, policy_id, total_score,
                        grade, figures, validation_status,
                        create_uid, write_uid, create_date, write_date)
                SELECT s.id, %(company)s, %(date)s, 'policy', 'approved', %(policy)s,
                       s.total, s.grade, s.figures, 'no',
                       %(uid)s, %(uid)s, %(now)s, %(now)s
                  FROM (SELECT t.*, %(grade)s AS grade,
                               jsonb_build_object(%(figure_pairs)s) AS figures
                          -- scored once per customer, not once per grade bound
                          FROM (SELECT f.*, %(total)s AS total FROM f OFFSET 0) AS t
                        OFFSET 0) AS s
                 WHERE %(record_all)s
                    OR s.before_policy IS DISTINCT FROM %(policy)s
                    OR s.before_grade IS DISTINCT FROM s.grade
                    OR s.before IS DISTINCT FROM s.figures
                 -- sorted: every customer's latest evaluation is read before
                 -- the first of this statement's is inserted (the statements
                 -- of a WITH run together)
                 ORDER BY s.id
                RETURNING id
            )
            SELECT FALSE, id FROM evaluation
             UNION ALL
            SELECT TRUE, id FROM anomaly
            """,
                compared=self._cs_compared_query(
                    figures, policy.company_id, graded_on=date if nightly else None
                ),
                anomalies=anomalies,
                total=total,
                grade=policy._cs_grade_sql(SQL.identifier("t", "total")),
                figure_pairs=SQL(", ").join(
                    SQL("%s::text, %s", key, SQL.identifier("t", key)) for key in keys
                ),
                # recorded whatever the latest evaluation, or only what changed
                record_all=SQL("FALSE") if nightly else SQL("TRUE"),
                company=policy.company_id.id,
                date=date,
                policy=policy.id,
                uid=self.env.uid,
                now=self.env.cr.now(),
            )
        )
        # the customers' standing, derived from them, is read again
        self.env["res.partner"].invalidate_model(
            [
                "cs_credit_evaluation_ids",
                "cs_credit_evaluation_id",
                "cs_credit_grade",
                "cs_credit_score",
            ]
        )
        evaluations = self.browse(row_id for is_anomaly, row_id in rows if not is_anomaly)
        return evaluations, [row_id for is_anomaly, row_id in rows if is_anomaly]

    @api.model
    def _cs_compared_query(self, figures, company, graded_on=None):
        """The rows of ``figures`` (an SQL query with the columns of
        ``cs.credit.file._cs_figures_query``) with ``before``: the figures of
        the customer's latest approved evaluation in ``company`` (NULL if
        none), what the anomaly rules compare with, and ``before_grade``,
        ``before_policy``, its grade and policy; without the customers whose
        latest evaluation is of ``graded_on`` already, when given."""
        return SQL(
            """
            SELECT f.*, latest.figures AS before, latest.grade AS before_grade,
                   latest.policy_id AS before_policy
              FROM (%s) AS f
              LEFT JOIN LATERAL (%s) AS latest ON TRUE
             WHERE %s
            """,
            figures,
            self._cs_latest_query(SQL("f.id"), company, "date", "figures", "grade", "policy_id"),
            SQL("latest.date IS NULL OR latest.date < %s", graded_on) if graded_on else SQL("TRUE"),
        )

    @api.model
    def _cs_latest_query(self, partner, company, *columns):
        """The query of ``columns`` of the latest approved evaluation in
        ``company`` of the customer ``partner`` (an SQL expression), for a
        LATERAL join: its grade's evaluation, read in the index of the latest
        evaluations whatever the history."""
        return SQL(
            """
            SELECT %s
              FROM cs_credit_evaluation e
             WHERE e.partner_id = %s
               AND e.company_id = %s
               AND e.state = 'approved'
             ORDER BY e.id DESC
             LIMIT 1
            """,
            SQL(", ").join(SQL.identifier("e", column) for column in columns),
            partner,
            company.id,
        )

    @api.model
    def _cron_evaluate_all(self, batch_size=5000):
        """Evaluate, in every company with an active policy, its customers once
        a day (the company's day): one batch per call, Odoo calls again while
        some remain, a restart resumes where it stopped.

        The first call of a company's day reads the figures of all its
        customers in one pass (``cs.credit.figure``, the day's worklist); each
        policy keeps a cursor (the last customer evaluated by id, and how many
        are left): a call scores and records the next batch of the taken
        figures after the cursor, so it costs the batch and not a search of
        every customer not yet evaluated, nor a read of every order and
        invoice. Customers already evaluated that day (by hand, or by a run
        the cursor was reset for) are skipped; customers added during the day
        wait for the next one. A customer's evaluation is recorded when its
        figures, its grade or the policy changed since its latest one: a
        night repeats no evaluation of the day before.

        :return: the number of customers still to evaluate
        """
        policies = (
            self.env["cs.credit.policy"].sudo().search([("state", "=", "active")], order="id")
        )
        Partner = self.env["res.partner"].with_context(active_test=True)
        Figure = self.env["cs.credit.figure"].sudo()
        done = 0
        for policy in policies:
            company = policy.company_id
            today = self.env["cs.followup"].with_company(company)._cs_today()
            if policy.run_date != today:
                # the day's worklist: every customer's figures in one pass
                customers = Partner._search(
                    [
                        ("parent_id", "=", False),
                        ("customer_rank", ">", 0),
                        ("company_id", "in", [company.id, False]),
                    ]
                ).select()
                policy.write(
                    {
                        "run_date": today,
                        "run_cursor": 0,
                        "run_remaining": Figure._cs_take(policy, today, customers),
                    }
                )
            if done >= batch_size or not policy.run_remaining:
                continue
            asked = batch_size - done
            ids = Figure._cs_batch(company, policy.run_cursor, asked)
            if ids:
                self.with_company(company)._evaluate_partners(
                    Partner.browse(ids), policy=policy, detect_anomalies=True, taken=True
                )
            done += len(ids)
            policy.write(
                {
                    "run_cursor": ids[-1] if ids else policy.run_cursor,
                    # fewer than asked for: the end is reached
                    "run_remaining": max(policy.run_remaining - len(ids), 1)
                    if len(ids) == asked
                    else 0,
                }
            )
        remaining = sum(policies.mapped("run_remaining"))
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        return remaining
