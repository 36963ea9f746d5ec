# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_compare, float_round

from odoo.addons.base_tier_validation.models.tier_validation import BASE_EXCEPTION_FIELDS

GRADES = [
    ("AAA", "AAA (Excellent)"),
    ("AA", "AA (Very Good)"),
    ("A", "A (Good)"),
    ("B", "B (Fair)"),
    ("C", "C (Poor)"),
]
# A policy is edited only as a draft; from submission on it is read-only.
EDITABLE_STATES = ("draft",)


class CsCreditPolicy(models.Model):
    _name = "cs.credit.policy"
    _description = "Credit Grading Policy"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("active", "Active"),
            ("archived", "Archived"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    window_months = fields.Integer(
        string="Analysis Window (Months)",
        default=12,
        required=True,
        help="Sales, invoices, payments and complaints of this many months are analysed.",
    )
    criterion_ids = fields.One2many(
        "cs.credit.policy.criterion", "policy_id", string="Criteria", copy=True
    )
    band_ids = fields.One2many(
        "cs.credit.policy.band", "policy_id", string="Grade Bands", copy=True
    )
    anomaly_overdue_increase = fields.Float(
        string="Overdue Increase Threshold",
        default=10000.0,
        help="An anomaly is raised when the overdue amount grows by more than "
        "this since the previous evaluation.",
    )
    anomaly_late_days_increase = fields.Float(
        string="Days Late Increase Threshold",
        default=15.0,
        help="An anomaly is raised when the average days paid late grow by more "
        "than this since the previous evaluation.",
    )
    anomaly_collapse_percent = fields.Float(
        string="Orders Collapse Threshold (%)",
        default=50.0,
        help="An anomaly is raised when the sales of the last 3 months fall by "
        "more than this percentage below the customer's own quarterly average.",
    )
    anomaly_user_id = fields.Many2one(
        "res.users",
        string="Anomaly Supervisor",
        check_company=True,
        help="The supervisor who receives, each day anomalies are detected, one "
        "activity to review them.",
    )
    # Where the nightly evaluation of the policy's customers stands: the
    # company's day it runs for, the last customer (by id) it evaluated and how
    # many it has still to do. Each cron call goes on after the cursor, so a
    # call costs its batch, not a search of every customer not yet evaluated.
    run_date = fields.Date(string="Evaluation Run Date", readonly=True, copy=False)
    run_cursor = fields.Integer(string="Evaluation Run Cursor", readonly=True, copy=False)
    run_remaining = fields.Integer(string="Customers Left to Evaluate", readonly=True, copy=False)
    anomaly_open_count = fields.Integer(
        string="Open Anomalies", compute="_compute_anomaly_open_count"
    )

    def _compute_anomaly_open_count(self):
        counts = dict(
            self.env["cs.credit.anomaly"]._read_group(
                [
                    ("company_id", "in", self.company_id.ids),
                    ("state", "in", ("open", "confirmed")),
                ],
                ["company_id"],
                ["__count"],
            )
        )
        for policy in self:
            policy.anomaly_open_count = counts.get(policy.company_id, 0)

    def action_view_anomalies(self):
        """The open anomalies of the policy's company (the digest activity of
        the nightly evaluation opens the policy, this lists what it found)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_credit_rating.cs_credit_anomaly_action"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        return action

    def action_view_night_figures(self):
        """The figures the last nightly evaluation of the policy's company
        scored (what its evaluations were computed from): Managers only."""
        self.ensure_one()
        self.env["cs.credit.figure"].check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_credit_rating.cs_credit_figure_action"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        return action

    @api.constrains("criterion_ids", "state")
    def _check_weights(self):
        for policy in self:
            total = sum(policy.criterion_ids.mapped("weight"))
            if policy.criterion_ids and float_compare(total, 100.0, 2):
                raise ValidationError(
                    self.env._(
                        "The weights of the criteria of policy %(name)s add up to "
                        "%(total)s%%; they must add up to 100%%.",
                        name=policy.name,
                        total=round(total, 2),
                    )
                )

    @api.constrains("band_ids")
    def _check_bands(self):
        for policy in self:
            bands = policy.band_ids.sorted("min_score")
            if not bands:
                continue
            expected = 0.0
            for band in bands:
                if float_compare(band.min_score, expected, 2):
                    raise ValidationError(
                        self.env._(
                            "The grade bands of policy %(name)s overlap or leave a "
                            "gap at score %(score)s: band %(grade)s starts at "
                            "%(start)s. Bands must cover 0 to 100 without gaps.",
                            name=policy.name,
                            score=expected,
                            grade=band.grade,
                            start=band.min_score,
                        )
                    )
                expected = band.max_score
            if float_compare(expected, 100.0, 2):
                raise ValidationError(
                    self.env._(
                        "The grade bands of policy %(name)s end at %(score)s; they must reach 100.",
                        name=policy.name,
                        score=expected,
                    )
                )

    def write(self, vals):
        if not self.env.su and set(vals) - set(BASE_EXCEPTION_FIELDS):
            self.check_access("write")
            self._check_editable()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._check_editable()
        return super().unlink()

    def _check_editable(self):
        """A policy is written only while it is a draft: an approved or active
        policy is read-only to everyone (a new version is drafted instead)."""
        locked = self.filtered(lambda p: p.state not in EDITABLE_STATES)
        if locked:
            raise UserError(
                self.env._(
                    "Policy %(name)s is no longer a draft: it cannot be changed. "
                    "Copy it to draft a new version and have it approved.",
                    name=locked[0].name,
                )
            )

    def _check_complete(self):
        for policy in self:
            if not policy.criterion_ids or not policy.band_ids:
                raise UserError(
                    self.env._(
                        "Policy %(name)s needs criteria and grade bands.",
                        name=policy.name,
                    )
                )

    def _cs_check_submit(self):
        self._check_complete()
        self._check_weights()
        self._check_bands()

    def _check_manager(self):
        if not self.env.user.has_group("cs_service_dept.group_cs_manager"):
            raise AccessError(
                self.env._(
                    "Only a customer service manager activates a policy or sets it as archived."
                )
            )

    def action_activate(self):
        self._check_manager()
        for policy in self:
            if policy.state != "approved":
                raise UserError(
                    self.env._(
                        "Only an approved policy can be activated (%(name)s).",
                        name=policy.name,
                    )
                )
        for company, policies in self.grouped("company_id").items():
            if len(policies) > 1:
                raise UserError(self.env._("Activate one policy at a time."))
            previous = self.search([("company_id", "=", company.id), ("state", "=", "active")])
            previous._cs_write_state({"state": "archived"})
            policies._cs_write_state({"state": "active"})
        return True

    def action_archive_policy(self):
        self._check_manager()
        self.filtered(lambda p: p.state in ("approved", "active"))._cs_write_state(
            {"state": "archived"}
        )

    def action_reset_draft(self):
        for policy in self:
            if policy.state not in ("rejected", "archived"):
                raise UserError(
                    self.env._(
                        "Only a rejected or archived policy can be set back to draft "
                        "(%(name)s); copy an active one instead.",
                        name=policy.name,
                    )
                )
        self._cs_write_state({"state": "draft"})
        self._cs_reset_reviews()

    @api.model
    def _get_active(self, company=None):
        company = company or self.env.company
        return self.sudo().search(
            [("company_id", "=", company.id), ("state", "=", "active")], limit=1
        )

    def _scoring_rules(self):
        """The criteria and bands as plain tuples, read once for a batch."""
        self.ensure_one()
        criteria = [
            (
                criterion.name,
                criterion.figure_key,
                criterion.weight,
                [
                    (line.value_from, line.has_upper, line.value_to, line.score)
                    for line in criterion.threshold_ids.sorted(lambda t: (t.value_from, t.id))
                ],
            )
            for criterion in self.criterion_ids
        ]
        bands = [(band.min_score, band) for band in self.band_ids.sorted("min_score", reverse=True)]
        return criteria, bands

    @api.model
    def _score_value(self, thresholds, value):
        """Score (0..100) of the first threshold whose range holds ``value``."""
        for value_from, has_upper, value_to, score in thresholds:
            if value >= value_from and (not has_upper or value < value_to):
                return score
        return 0.0

    def _score(self, figures, rules=None):
        """Score one customer's ``figures``: ``(total, grade, band, details)``.

        ``rules`` (from ``_scoring_rules``) are plain tuples, and nothing here
        reads a field. The nightly evaluation scores in PostgreSQL with the
        same rules (``_cs_score_sql``); both round half up, to two decimals.
        """
        criteria, bands = rules or self._scoring_rules()
        score_value = self._score_value
        details = []
        total = 0.0
        for name, key, weight, thresholds in criteria:
            value = figures.get(key, 0.0) or 0.0
            score = score_value(thresholds, value)
            weighted = self._weighted(score, weight)
            total += weighted
            details.append(
                {
                    "criterion": name,
                    "key": key,
                    "value": value,
                    "score": score,
                    "weight": weight,
                    "weighted": weighted,
                }
            )
        total = float_round(total, 2)
        band = self._band_for(total, bands)
        return total, band.grade, band, details

    @api.model
    def _weighted(self, score, weight):
        """The weighted score of a criterion: rounded half up to two decimals."""
        return float_round(score * weight / 100.0, 2)

    def _cs_score_sql(self, figure):
        """The policy's total score as an SQL expression, for the figures
        ``figure(key)`` (an SQL expression per key of FIGURE_KEYS): ``_score``
        in PostgreSQL, for the nightly evaluation of every customer. The first
        threshold holding the value gives the criterion its weighted score (0
        when none does), computed here as ``_score`` computes it; the total is
        their exact sum (each has two decimals).
        """
        criteria, _bands = self._scoring_rules()
        weighted = []
        for _name, key, weight, thresholds in criteria:
            cases = [
                SQL(
                    "WHEN %(value)s >= %(low)s AND %(value)s < %(high)s THEN %(weighted)s",
                    value=figure(key),
                    low=value_from,
                    high=value_to,
                    weighted=self._weighted(score, weight),
                )
                if has_upper
                else SQL(
                    "WHEN %s >= %s THEN %s",
                    figure(key),
                    value_from,
                    self._weighted(score, weight),
                )
                for value_from, has_upper, value_to, score in thresholds
            ]
            if cases:
                weighted.append(SQL("CASE %s ELSE 0 END", SQL(" ").join(cases)))
        if not weighted:
            return SQL("0::float8")
        return SQL("(%s)::float8", SQL(" + ").join(weighted))

    def _cs_grade_sql(self, total):
        """The grade of the SQL expression ``total`` (a score): ``_band_for``
        in PostgreSQL, the highest band whose minimum the score reaches."""
        _criteria, bands = self._scoring_rules()
        if not bands:
            return SQL("NULL::varchar")
        return SQL(
            "CASE %s ELSE %s END",
            SQL(" ").join(
                SQL("WHEN %s - %s > -0.005 THEN %s", total, min_score, band.grade)
                for min_score, band in bands
            ),
            bands[-1][1].grade,
        )

    def _band_for(self, score, bands=None):
        self.ensure_one()
        bands = bands or self._scoring_rules()[1]
        for min_score, band in bands:
            # float_compare(score, min_score, 2) >= 0 for two-decimal scores, without
            # its rounding: this runs for every customer of the nightly evaluation
            if score - min_score > -0.005:
                return band
        return bands[-1][1] if bands else self.env["cs.credit.policy.band"]
