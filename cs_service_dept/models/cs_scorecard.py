# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, date_utils

from .cs_ticket_report import HANDLING_TARGET_TYPES
from .res_config_settings import SCORECARD_TARGETS, SCORECARD_WEIGHTS

# Metrics of the scorecard, in the order they are shown. Rates are percent.
METRICS = [
    ("handling", "Handling Time (working h)"),
    ("fcr", "First-contact Resolution (%)"),
    ("followup", "Follow-ups on Time (%)"),
    ("complaint", "Complaints as Responsible"),
    ("sla", "Deadlines Met (%)"),
    ("satisfaction", "Customer Satisfaction (%)"),
    ("revisit", "Return Visits on Time (%)"),
]


class CsScorecard(models.Model):
    """Monthly scorecard of a specialist (客服人员考核): the department's figures
    of the month against its targets, weighted into a score and ranked among
    the month's specialists. Computed for all specialists at once
    (``_cs_compute_month``), reviewed by the supervisor, approved by the
    Manager (cs.approval.mixin); the specialist then reads their own.

    Recomputing a month (a specialist joined, a late ticket was closed) only
    rewrites the cards still to review. Submitted and approved cards are
    frozen: their figures, score, rank and number of ranked specialists stay
    as they were submitted. The cards to review are ranked among all the
    month's cards, the frozen ones at their frozen score, and count them all
    (so a card added later can share a rank with a frozen one, and frozen
    cards keep the count they were ranked with). Cancelled cards are left as
    they are and are not ranked."""

    _name = "cs.scorecard"
    _description = "Specialist Scorecard"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_from desc, rank, id"
    _check_company_auto = True
    _cs_rejected_state = "draft"

    name = fields.Char(compute="_compute_name", store=True)
    user_id = fields.Many2one(
        "res.users",
        string="Specialist",
        required=True,
        readonly=True,
        index=True,
        ondelete="cascade",
    )
    date_from = fields.Date(string="Month", required=True, readonly=True, index=True)
    date_to = fields.Date(string="Month End", required=True, readonly=True)
    line_ids = fields.One2many("cs.scorecard.line", "scorecard_id", string="Figures", readonly=True)
    score = fields.Float(readonly=True, digits=(16, 1), aggregator="avg", tracking=True)
    rank = fields.Integer(readonly=True, aggregator="min")
    specialist_count = fields.Integer(
        string="Ranked Specialists", readonly=True, help="Specialists scored this month."
    )
    remarks = fields.Html(string="Supervisor's Remarks")
    incentive_ids = fields.One2many(
        "cs.reward.penalty", "scorecard_id", string="Incentive Notices", readonly=True
    )
    incentive_count = fields.Integer(compute="_compute_incentive_count")
    state = fields.Selection(
        [
            ("draft", "To Review"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "user_month_uniq",
            "unique(user_id, date_from, company_id)",
            "A specialist has one scorecard a month.",
        ),
    ]

    @api.depends("user_id.name", "date_from")
    def _compute_name(self):
        for card in self:
            card.name = (
                f"{card.date_from.strftime('%Y-%m')} {card.user_id.name or ''}".strip()
                if card.date_from
                else card.user_id.name
            )

    def _compute_incentive_count(self):
        groups = (
            self.env["cs.reward.penalty"]
            .sudo()
            ._read_group([("scorecard_id", "in", self.ids)], ["scorecard_id"], ["__count"])
        )
        counts = {card.id: count for card, count in groups}
        for card in self:
            card.incentive_count = counts.get(card.id, 0)

    def write(self, vals):
        if not self.env.su and set(vals) & {"remarks"}:
            self.check_access("write")
            locked = self.filtered(lambda card: card.state != "draft")
            if locked:
                msg = self.env._(
                    "The scorecard %(scorecard)s has been submitted: its remarks cannot "
                    "be changed any more.",
                    scorecard=locked[0].display_name,
                )
                raise UserError(msg)
        return super().write(vals)

    def _cs_protected_fields(self):
        # the figures are the month's computation: only the remarks are edited
        return super()._cs_protected_fields() | {
            "user_id",
            "date_from",
            "date_to",
            "line_ids",
            "score",
            "rank",
            "specialist_count",
            "company_id",
        }

    # ------------------------------------------------------------- actions

    def _check_supervisor(self):
        if not self.env.user.has_group("cs_service_dept.group_cs_supervisor"):
            raise AccessError(self.env._("Only a supervisor reviews and submits scorecards."))

    def action_submit(self):
        """The supervisor, having reviewed them, submits scorecards to the Manager."""
        self._check_supervisor()
        return self.action_cs_submit()

    def action_cancel(self):
        self._check_supervisor()
        self._cs_check_state(["draft", "to_approve"])
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def action_draft(self):
        self._check_supervisor()
        self._cs_check_state(["cancel"])
        self._cs_write_state({"state": "draft"})
        return True

    def action_view_incentives(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_service_dept.cs_reward_penalty_action"
        )
        action["domain"] = [("scorecard_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_propose_incentives(self):
        """Reward notices for the month's best-ranked approved scorecards and
        improvement notices for those below the threshold, as drafts of the
        reward/penalty notices the Manager approves, for the amounts of the
        company's settings. Scorecards that already have a notice get none
        more."""
        self._check_supervisor()
        self._cs_check_state(["approved"])
        settings = self._cs_scorecard_settings()
        top = int(settings["reward_top"])
        vals_list = []
        for card in self.filtered(lambda c: not c.sudo().incentive_ids):
            month = card.date_from.strftime("%Y-%m")
            score = f"{card.score:.1f}"
            if card.rank and card.rank <= top:
                kind = "reward"
                reason = self.env._(
                    "Reward: ranked %(rank)s of %(count)s specialists in %(month)s with a "
                    "score of %(score)s.",
                    rank=card.rank,
                    count=card.specialist_count,
                    month=month,
                    score=score,
                )
            elif card.score < settings["improvement_score"]:
                kind = "penalty"
                threshold = f"{settings['improvement_score']:.0f}"
                weakest = card.line_ids.filtered("measured").sorted("score")[:2]
                figures = ", ".join(line._cs_metric_label() for line in weakest)
                reason = self.env._(
                    "Improvement plan: a score of %(score)s in %(month)s, below %(threshold)s. "
                    "Weakest figures: %(figures)s.",
                    score=score,
                    month=month,
                    threshold=threshold,
                    figures=figures or self.env._("no data"),
                )
            else:
                continue
            vals_list.append(
                {
                    "user_id": card.user_id.id,
                    "kind": kind,
                    "amount": card.company_id.cs_scorecard_reward_amount
                    if kind == "reward"
                    else card.company_id.cs_scorecard_improvement_amount,
                    "reason": reason,
                    "scorecard_id": card.id,
                    "company_id": card.company_id.id,
                }
            )
        notices = self.env["cs.reward.penalty"].create(vals_list)
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_service_dept.cs_reward_penalty_action"
        )
        action["domain"] = [("id", "in", notices.ids)]
        return action

    # -------------------------------------------------------------- approval

    def _cs_refusal(self, user):
        """Nobody approves their own scorecard (a manager who is also a specialist)."""
        refusal = super()._cs_refusal(user)
        if not refusal and user == self.user_id:
            refusal = self.env._(
                "You cannot approve %(document)s: it is your own scorecard. Another "
                "manager has to approve it.",
                document=self.display_name,
            )
        return refusal

    def _cs_on_approved(self):
        for card in self:
            card.message_post(
                body=self.env._("Approved: the specialist can now read the scorecard."),
                subtype_xmlid="mail.mt_note",
            )
            card.message_subscribe(partner_ids=card.user_id.partner_id.ids)

    def _cs_on_rejected(self):
        for card in self:
            card.message_post(
                body=self.env._("The scorecard was rejected and is back to review."),
                subtype_xmlid="mail.mt_note",
            )

    # ------------------------------------------------------------ computing

    @api.model
    def _cs_scorecard_settings(self):
        """Weights (by metric), the targets of each metric and the incentive
        settings, from the settings. Refused when the weights do not sum to 100
        (a parameter written around the settings form)."""
        ICP = self.env["ir.config_parameter"].sudo()

        def number(key, default):
            try:
                return float(ICP.get_param(key) or default)
            except ValueError:
                return float(default)

        weights = {
            metric: number(key, default) for metric, (key, default) in SCORECARD_WEIGHTS.items()
        }
        if any(weight < 0 for weight in weights.values()) or round(sum(weights.values())) != 100:
            total = f"{sum(weights.values()):g}"
            msg = self.env._(
                "The weights of the scorecard must be positive and sum to 100 (now %(total)s).",
                total=total,
            )
            raise UserError(msg)
        settings = {
            name: number(key, default) for name, (key, default) in SCORECARD_TARGETS.items()
        }
        kpi = self.env["cs.ticket.report"]._cs_kpi_targets()
        settings["weights"] = weights
        settings["targets"] = {
            "handling": kpi["handling_hours"],
            "fcr": kpi["fcr_rate"],
            "followup": settings["followup_rate"],
            "complaint": 0.0,
            "sla": settings["sla_rate"],
            "satisfaction": kpi["satisfaction_rate"],
            "revisit": kpi["revisit_rate"],
        }
        return settings

    @api.model
    def _cs_month_bounds(self, date_from, date_to):
        """The month's first and next month's first instant in the department's
        time zone, as naive UTC datetimes."""
        tz = pytz.timezone(self.env["cs.followup"]._cs_tz())
        return [
            tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
            for day in (date_from, date_to + timedelta(days=1))
        ]

    @api.model
    def _cs_scorecard_metric_values(self, users, date_from, date_to, company):
        """The month's figures of ``users``: ``{user_id: {metric: (value, basis)}}``
        where ``basis`` is how many things were measured (0: not measured, the
        metric is left out of the score). One query per metric whatever the
        number of specialists. Modules add their metrics by extending this
        method (cs_survey: satisfaction and revisits)."""
        start, stop = self._cs_month_bounds(date_from, date_to)
        result = {user.id: {} for user in users}
        # Tickets closed in the month: the figures of the KPI report.
        rows = (
            self.env["cs.ticket.report"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("user_id", "in", users.ids),
                    ("closed_date", ">=", start),
                    ("closed_date", "<", stop),
                ],
                ["user_id", "request_type"],
                [
                    "__count",
                    "handling_working_hours:sum",
                    "fcr_rate:sum",
                    "handling_on_target_rate:sum",
                    "handling_on_target_rate:count",
                    "investigation_on_time_rate:sum",
                    "investigation_on_time_rate:count",
                    "solution_on_time_rate:sum",
                    "solution_on_time_rate:count",
                    "sla_attainment_rate:sum",
                    "sla_attainment_rate:count",
                ],
            )
        )
        tickets = {}
        for user, request_type, count, hours, fcr, *deadlines in rows:
            acc = tickets.setdefault(user.id, [0, 0.0, 0, 0.0, 0.0, 0])
            if request_type in HANDLING_TARGET_TYPES:
                acc[0] += count
                acc[1] += hours or 0.0
            acc[2] += count
            acc[3] += fcr or 0.0
            acc[4] += sum(deadlines[0::2], 0.0)
            acc[5] += sum(deadlines[1::2])
        for user_id, (handled, hours, closed, fcr, met, deadlines) in tickets.items():
            result[user_id]["handling"] = (hours / handled if handled else 0.0, handled)
            result[user_id]["fcr"] = (fcr / closed if closed else 0.0, closed)
            result[user_id]["sla"] = (met / deadlines if deadlines else 0.0, deadlines)
        # Follow-ups planned in the month: done by their planned date.
        self.env["cs.followup"].flush_model(
            ["specialist_id", "company_id", "planned_date", "done_date", "state"]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT specialist_id, COUNT(*),
                       COUNT(*) FILTER (WHERE state = 'done' AND done_date <= planned_date)
                  FROM cs_followup
                 WHERE specialist_id IN %(users)s AND company_id = %(company)s
                   AND planned_date BETWEEN %(date_from)s AND %(date_to)s
                   AND state != 'cancelled'
                 GROUP BY specialist_id
                """,
                users=tuple(users.ids) or (0,),
                company=company.id,
                date_from=date_from,
                date_to=date_to,
            )
        )
        for user_id, planned, on_time in self.env.cr.fetchall():
            result[user_id]["followup"] = (100.0 * on_time / planned, planned)
        # Complaints registered in the month where they were found responsible.
        complaints = dict(
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group(
                [
                    ("company_id", "=", company.id),
                    ("cs_request_type", "=", "complaint"),
                    ("cs_responsible_user_id", "in", users.ids),
                    ("create_date", ">=", start),
                    ("create_date", "<", stop),
                ],
                ["cs_responsible_user_id"],
                ["__count"],
            )
        )
        for user in users:
            # always measured: no complaint is the full score
            result[user.id]["complaint"] = (float(complaints.get(user, 0)), 1)
        return result

    @api.model
    def _cs_metric_score(self, metric, value, target, settings):
        """0 to 100: how far the figure reaches its target."""
        if metric == "complaint":
            return max(0.0, 100.0 - settings["complaint_points"] * value)
        if metric == "handling":
            return 100.0 if value <= target else 100.0 * target / value
        return min(100.0, 100.0 * value / target) if target else 100.0

    @api.model
    def _cs_compute_month(self, date_from, company=None):
        """Compute (or recompute) the scorecards of every active specialist of
        ``company`` for the month of ``date_from``, score and rank them.
        Scorecards already submitted or approved are frozen: left as they are,
        the others are ranked among them at their frozen score (see the class
        docstring). Refused for a month not yet over."""
        if not self.env.su and not self.env.user.has_group("cs_service_dept.group_cs_supervisor"):
            raise AccessError(self.env._("Only a supervisor computes the scorecards."))
        company = company or self.env.company
        date_from = date_utils.start_of(fields.Date.to_date(date_from), "month")
        date_to = date_utils.end_of(date_from, "month")
        if date_to >= self.env["cs.followup"]._cs_today():
            month = date_from.strftime("%Y-%m")
            msg = self.env._(
                "The month %(month)s is not over yet: its scorecards can be computed from "
                "%(date)s.",
                month=month,
                date=date_to + timedelta(days=1),
            )
            raise UserError(msg)
        settings = self._cs_scorecard_settings()
        cards = self.sudo()
        existing = cards.search([("date_from", "=", date_from), ("company_id", "=", company.id)])
        kept = existing.filtered(lambda card: card.state != "draft")
        frozen = kept.filtered(lambda card: card.state in ("to_approve", "approved"))
        specialists = (
            self.env["cs.specialist"]
            .sudo()
            .search([("user_id.company_ids", "in", company.id), ("user_id.active", "=", True)])
        )
        users = specialists.user_id - kept.user_id
        values = self._cs_scorecard_metric_values(users, date_from, date_to, company)
        scores = {}
        lines = {}
        for user in users:
            figures = values.get(user.id, {})
            # no complaint counts only for a specialist who worked this month
            if not figures.get("complaint", (0.0, 0))[0] and not any(
                basis for metric, (__, basis) in figures.items() if metric != "complaint"
            ):
                figures.pop("complaint", None)
            total = weight_sum = 0.0
            user_lines = []
            for sequence, (metric, __) in enumerate(METRICS):
                value, basis = figures.get(metric, (0.0, 0))
                target = settings["targets"][metric]
                weight = settings["weights"][metric]
                score = self._cs_metric_score(metric, value, target, settings) if basis else 0.0
                if basis and weight:
                    total += weight * score
                    weight_sum += weight
                user_lines.append(
                    {
                        "sequence": sequence,
                        "metric": metric,
                        "value": value,
                        "basis": basis,
                        "measured": bool(basis),
                        "target": target,
                        "weight": weight,
                        "score": score,
                    }
                )
            scores[user.id] = round(total / weight_sum, 1) if weight_sum else 0.0
            lines[user.id] = user_lines
        all_scores = [*scores.values(), *frozen.mapped("score")]
        count = len(all_scores)

        def rank(score):
            return 1 + sum(1 for other in all_scores if other > score)

        drafts = existing - kept
        drafts.line_ids.unlink()
        (drafts - drafts.filtered(lambda card: card.user_id in users)).unlink()
        drafts = drafts.exists()
        for card in drafts:
            card.write(
                {
                    "score": scores[card.user_id.id],
                    "rank": rank(scores[card.user_id.id]),
                    "specialist_count": count,
                }
            )
        create_users = users - drafts.user_id
        new_cards = cards.with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        ).create(
            [
                {
                    "user_id": user.id,
                    "date_from": date_from,
                    "date_to": date_to,
                    "company_id": company.id,
                    "score": scores[user.id],
                    "rank": rank(scores[user.id]),
                    "specialist_count": count,
                }
                for user in create_users
            ]
        )
        all_cards = drafts | new_cards
        self.env["cs.scorecard.line"].sudo().create(
            [
                {"scorecard_id": card.id, **vals}
                for card in all_cards
                for vals in lines[card.user_id.id]
            ]
        )
        return (all_cards | kept).sudo(False)

    @api.model
    def action_cs_compute_month(self, date_from):
        """Compute the month's scorecards (the wizard's button) and show them."""
        cards = self._cs_compute_month(fields.Date.to_date(date_from))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_service_dept.cs_scorecard_action"
        )
        action["domain"] = [("id", "in", cards.ids)]
        action["context"] = {"create": False}
        return action
