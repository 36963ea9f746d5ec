# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, format_date

OPEN_STATES = ("open", "confirmed")
# What a confirmed anomaly blocks (the sales of this customer in this company):
# fixed once a Manager decided on the anomaly.
DECIDED_FIELDS = {"partner_id", "company_id", "kind"}


class CsCreditAnomaly(models.Model):
    _name = "cs.credit.anomaly"
    _description = "Credit Anomaly"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "detected_on desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["partner_id"]

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
        "res.company", required=True, default=lambda self: self.env.company
    )
    kind = fields.Selection(
        [
            ("overdue_jump", "Overdue amount jump"),
            ("late_days_jump", "Days paid late jump"),
            ("payment_bounced", "Payment bounced"),
            ("orders_collapse", "Orders collapse"),
            ("market_info", "Market information"),
        ],
        required=True,
        default="market_info",
        tracking=True,
    )
    detected_on = fields.Date(default=fields.Date.context_today, required=True)
    previous_value = fields.Float()
    current_value = fields.Float()
    state = fields.Selection(
        [
            ("open", "Open"),
            ("confirmed", "Confirmed"),
            ("resolved", "Resolved"),
            ("dismissed", "Dismissed"),
        ],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )
    user_id = fields.Many2one(
        "res.users", string="Supervisor", tracking=True, index=True, check_company=True
    )
    description = fields.Text()
    notes = fields.Html()
    grade_change_ids = fields.One2many("cs.credit.grade.change", "anomaly_id")

    @api.depends("partner_id", "kind")
    @api.depends_context("lang")
    def _compute_display_name(self):
        # in the reader's language (anomalies are mostly created by the cron)
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for rec in self:
            rec.display_name = f"{rec.partner_id.name or ''} - {kinds.get(rec.kind, '')}"

    def init(self):
        self.env.cr.execute(
            """
            CREATE UNIQUE INDEX IF NOT EXISTS cs_credit_anomaly_open_uniq
                ON cs_credit_anomaly (partner_id, kind)
             WHERE state IN ('open', 'confirmed') AND kind != 'market_info'
            """
        )

    @api.model_create_multi
    def create(self, vals_list):
        # The department reports anomalies; only a Manager decides on them.
        if not self.env.su and any(vals.get("state", "open") != "open" for vals in vals_list):
            raise AccessError(self.env._("An anomaly is reported open; a manager decides on it."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if "state" in vals and any(rec.state != vals["state"] for rec in self):
                raise AccessError(
                    self.env._("Only a customer service manager confirms or dismisses an anomaly.")
                )
            decided = self.filtered(lambda a: a.state != "open")
            if decided and DECIDED_FIELDS & set(vals):
                raise UserError(
                    self.env._(
                        "Anomaly %(name)s has been decided on: its customer, company and "
                        "kind no longer change. Report a new anomaly instead.",
                        name=decided[0].display_name,
                    )
                )
        return super().write(vals)

    def _check_state(self, allowed, action):
        if not self.env.user.has_group("cs_service_dept.group_cs_manager"):
            raise AccessError(
                self.env._("Only a customer service manager confirms or dismisses an anomaly.")
            )
        self.check_access("write")
        for rec in self:
            if rec.state not in allowed:
                raise UserError(
                    self.env._(
                        "Anomaly %(name)s cannot be %(action)s in its current state.",
                        name=rec.display_name,
                        action=action,
                    )
                )

    def action_confirm(self):
        self._check_state(("open",), self.env._("confirmed"))
        self.sudo().write({"state": "confirmed"})

    def action_resolve(self):
        self._check_state(OPEN_STATES, self.env._("resolved"))
        self.sudo().write({"state": "resolved"})

    def action_dismiss(self):
        self._check_state(OPEN_STATES, self.env._("dismissed"))
        self.sudo().write({"state": "dismissed"})

    def action_reopen(self):
        self._check_state(("resolved", "dismissed"), self.env._("reopened"))
        self.sudo().write({"state": "open"})

    def action_create_grade_change(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.credit.grade.change",
            "view_mode": "form",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_anomaly_id": self.id,
                "default_reason": self.description or self.display_name,
            },
        }

    @api.model
    def _default_supervisor(self, policy):
        if policy.anomaly_user_id:
            return policy.anomaly_user_id
        group = self.env.ref("cs_service_dept.group_cs_supervisor")
        return group.sudo().users.filtered(lambda u: not u.share)[:1]

    @api.model
    def _detect(self, policy, figures):
        """Raise anomalies from the current ``figures`` (an SQL query with the
        columns of ``cs.credit.file._cs_figures_query``) against the latest
        approved evaluation of each customer in ``policy``'s company
        (``_cs_detect_query``), in one statement whatever the number of
        customers."""
        # the orders, invoices, payments and tickets read, the evaluations compared
        self.env.flush_all()
        rows = self.env.execute_query(
            SQL(
                "WITH f AS (%s), anomaly AS (%s) SELECT id FROM anomaly",
                self.env["cs.credit.evaluation"]._cs_compared_query(figures, policy.company_id),
                self._cs_detect_query(policy, SQL.identifier("f")),
            )
        )
        return self._cs_detected(policy, [anomaly_id for (anomaly_id,) in rows])

    @api.model
    def _cs_detect_query(self, policy, source):
        """The statement inserting the anomalies of the customers of
        ``source`` (an SQL relation: ``id``, the columns of
        ``cs.credit.file._cs_figures_query``, and ``before``, the figures of
        the customer's latest approved evaluation in ``policy``'s company or
        NULL) and returning their ids, with the policy's thresholds: the
        overdue amount or the average days paid late grew by more than their
        threshold, more payments bounced, or the sales of the last 3 months
        fell below the customer's own quarterly average by more than the
        collapse percentage. Idempotent: a customer never gets a second open
        anomaly of a kind.

        The suite's own table, written where the figures are, not carried to
        Python: no creation log, no default or company check per record (the
        values come from the policy and the evaluations). ``_cs_detected``
        then does what the ORM would have.
        """
        company = policy.company_id
        return SQL(
            """
            WITH c AS MATERIALIZED (
                SELECT s.id,
                       s.overdue_amount AS overdue,
                       s.avg_days_late AS late,
                       s.bounced_count AS bounced,
                       s.sales_amount / %(quarters)s AS average,
                       s.recent_sales_amount AS recent,
                       COALESCE(jsonb_typeof(s.before) = 'object' AND s.before != '{}', FALSE)
                           AS known,
                       COALESCE((s.before->>'overdue_amount')::float8, 0) AS overdue_before,
                       COALESCE((s.before->>'avg_days_late')::float8, 0) AS late_before,
                       COALESCE((s.before->>'bounced_count')::float8, 0) AS bounced_before
                  FROM %(source)s AS s
            )
            INSERT INTO cs_credit_anomaly
                   (partner_id, company_id, kind, previous_value, current_value, user_id,
                    detected_on, state, create_uid, write_uid, create_date, write_date)
            SELECT k.id, %(company)s, k.kind, k.before, k.now, %(user)s,
                   %(today)s, 'open', %(uid)s, %(uid)s, %(at)s, %(at)s
              FROM (
                    -- one pass of the compared figures per rule
                    SELECT id, 'overdue_jump', overdue_before, overdue FROM c
                     WHERE known AND overdue - overdue_before > %(overdue_increase)s
                     UNION ALL
                    SELECT id, 'late_days_jump', late_before, late FROM c
                     WHERE known AND late - late_before > %(late_increase)s
                     UNION ALL
                    SELECT id, 'payment_bounced', bounced_before, bounced FROM c
                     WHERE bounced > bounced_before
                     UNION ALL
                    SELECT id, 'orders_collapse', ROUND(average::numeric, 2)::float8, recent FROM c
                     WHERE %(collapse)s AND average > 0 AND recent < average * %(share)s
                   ) AS k(id, kind, before, now)
            -- the open anomalies' unique index (never market information)
            -- tells those already raised, however many this statement inserts
            ON CONFLICT (partner_id, kind)
               WHERE state IN ('open', 'confirmed') AND kind != 'market_info'
               DO NOTHING
            RETURNING id
            """,
            source=source,
            quarters=max(policy.window_months / 3.0, 1.0),
            overdue_increase=policy.anomaly_overdue_increase,
            late_increase=policy.anomaly_late_days_increase,
            collapse=policy.window_months > 3,
            share=1 - policy.anomaly_collapse_percent / 100.0,
            company=company.id,
            user=self._default_supervisor(policy).id or None,
            today=self.env["cs.followup"].with_company(company)._cs_today(),
            uid=self.env.uid,
            at=self.env.cr.now(),
        )

    @api.model
    def _cs_detected(self, policy, anomaly_ids):
        """What the ORM does after creating the anomalies ``anomaly_ids``
        (inserted by ``_cs_detect_query``): the fields depending on them are
        recomputed, and the supervisor gets one activity a day for them."""
        anomalies = self.sudo().browse(anomaly_ids)
        anomalies.modified(["partner_id", "state", "kind", "company_id"], create=True)
        supervisor = self._default_supervisor(policy)
        if supervisor and anomalies:
            today = self.env["cs.followup"].with_company(policy.company_id)._cs_today()
            self._cs_notify_supervisor(policy, supervisor, today)
        return anomalies.sudo(False)

    @api.model
    def _cs_notify_supervisor(self, policy, supervisor, today):
        """Give ``supervisor`` one to-do on ``policy`` for the anomalies
        detected on ``today``, kept up to date by each batch of the night.

        One activity a day rather than one per anomaly: a night can raise
        thousands (a slow season collapses many customers' orders at once),
        which one activity per anomaly would bury the supervisor's to-do list
        under; the anomalies themselves carry the supervisor as their
        responsible and are listed from the policy.
        """
        count = self.sudo().search_count(
            [
                ("company_id", "=", policy.company_id.id),
                ("detected_on", "=", today),
                ("user_id", "=", supervisor.id),
                ("state", "in", OPEN_STATES),
            ]
        )
        activity_type = self.env.ref("cs_credit_rating.mail_activity_type_review_anomalies")
        # read by the supervisor, in their language
        reader = self.with_context(lang=supervisor.lang).env
        values = {
            "summary": reader._("Review credit anomalies: %(count)s new", count=count),
            "note": Markup("<p>%s</p>")
            % reader._(
                "The credit evaluation of %(date)s raised %(count)s anomalies. "
                "The policy's Open Anomalies button lists them.",
                date=format_date(reader, today),
                count=count,
            ),
        }
        activity = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", policy._name),
                    ("res_id", "=", policy.id),
                    ("activity_type_id", "=", activity_type.id),
                    ("user_id", "=", supervisor.id),
                    ("date_deadline", "=", today),
                ],
                limit=1,
            )
        )
        if activity:
            activity.write(values)
        else:
            policy.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=today,
                user_id=supervisor.id,
                **values,
            )
