# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, date_utils, html2plaintext, plaintext2html

METHOD_ACTIVITY_TYPE = {
    "phone": "mail.mail_activity_data_call",
    "email": "mail.mail_activity_data_email",
}
# ir.config_parameter: the local date of the last classification of all customers.
CLASSIFIED_ON = "cs_service_dept.dormancy_classified_on"
DORMANCY_RULES = ("idle_week", "idle_month", "takeover")
PROTECTED_FIELDS = ("state", "done_date", "rule", "activity_id", "repair_id")


def spread_dates(today, month_end, count, busy=()):
    """``count`` dates from ``today`` to ``month_end``, one a day where possible and
    evenly spread; days in ``busy`` (already planned) are used last."""
    if count <= 0:
        return []
    days = [today + timedelta(days=offset) for offset in range((month_end - today).days + 1)]
    free = [day for day in days if day not in busy] or days
    if count <= len(free):
        return [free[index * len(free) // count] for index in range(count)]
    return sorted(free[index % len(free)] for index in range(count))


class CsFollowup(models.Model):
    """A contact customer service plans with a customer (客户跟进)."""

    _name = "cs.followup"
    _description = "Customer Follow-up"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain=[("parent_id", "=", False)],
    )
    rule = fields.Selection(
        [
            ("idle_week", "No Order for a Week"),
            ("idle_month", "No Order for a Month"),
            ("takeover", "Taken Over from Sales"),
            ("revisit", "Revisit after Service"),
            ("maintenance", "Maintenance Due"),
            ("manual", "Manual"),
        ],
        required=True,
        default="manual",
        readonly=True,
        help="Why this follow-up was planned.",
    )
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("visit", "Visit"),
            ("letter", "Letter"),
            ("chat", "Chat"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    planned_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    done_date = fields.Date(readonly=True, copy=False)
    specialist_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    outcome = fields.Html(string="Outcome Notes")
    activity_id = fields.Many2one(
        "mail.activity",
        string="Customer Activity",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The activity on the customer that reminds the specialist.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    repair_id = fields.Many2one(
        "repair.order",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The accepted repair this revisit is about, or the maintenance proposed.",
    )
    planned_count = fields.Integer(string="Planned Contacts", compute="_compute_counts", store=True)
    done_count = fields.Integer(string="Done Contacts", compute="_compute_counts", store=True)

    @api.depends("state")
    def _compute_counts(self):
        for followup in self:
            followup.planned_count = int(followup.state != "cancelled")
            followup.done_count = int(followup.state == "done")

    @api.model_create_multi
    def create(self, vals_list):
        """Each planned follow-up with a specialist is also an activity on the
        customer; the activities of a batch are created in one ``create``."""
        if not self.env.su:
            for vals in vals_list:
                self._cs_check_protected(vals, creating=True)
        self._cs_prepare_activities(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._cs_check_protected(vals)
        return super().write(vals)

    @api.model
    def _cs_check_protected(self, vals, creating=False):
        """What a follow-up did (done, when, under which rule, with which activity)
        is recorded by its buttons and the scheduled action only: a client writing
        those fields would count contacts that never happened."""
        protected = set(PROTECTED_FIELDS) & set(vals)
        if (
            creating
            and vals.get("state", "planned") == "planned"
            and vals.get("rule", "manual") == "manual"
        ):
            protected -= {"state", "rule"}
        if protected:
            raise AccessError(
                self.env._(
                    "Set only through the buttons of a follow-up: %(fields)s.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(protected)
                    ),
                )
            )

    @api.model
    def _cs_prepare_activities(self, vals_list):
        """Create the customer activities of planned follow-ups (one ORM ``create``
        for the batch) and put their ids in ``vals_list``. The summary is in the
        specialist's language."""
        todo = [
            vals
            for vals in vals_list
            if vals.get("specialist_id")
            and not vals.get("activity_id")
            and vals.get("state", "planned") == "planned"
        ]
        if not todo:
            return
        model_id = self.env["ir.model"]._get_id("res.partner")
        users = self.env["res.users"].sudo().browse({vals["specialist_id"] for vals in todo})
        labels = {}
        for lang in set(users.mapped("lang")):
            labels[lang] = self.with_context(lang=lang)._cs_activity_type_and_summary()
        user_lang = {user.id: user.lang for user in users}
        today = self._cs_today()
        activity_vals = []
        for vals in todo:
            activity_type, summary = labels[user_lang[vals["specialist_id"]]]
            method = vals.get("method", "phone")
            activity_vals.append(
                {
                    "res_model_id": model_id,
                    "res_model": "res.partner",  # else precomputed record by record
                    "res_id": vals["partner_id"],
                    "activity_type_id": activity_type(method).id,
                    "user_id": vals["specialist_id"],
                    "date_deadline": vals.get("planned_date") or today,
                    "summary": summary(method, vals.get("rule", "manual")),
                    "automated": True,
                }
            )
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(activity_vals)
        )
        for vals, activity in zip(todo, activities, strict=True):
            vals["activity_id"] = activity.id

    @api.model
    def _cs_activity_type_and_summary(self):
        """Functions giving the activity type and summary of a follow-up's activity,
        in the language of the context."""
        types = {
            method: self.env.ref(xmlid, raise_if_not_found=False)
            for method, xmlid in METHOD_ACTIVITY_TYPE.items()
        }
        todo_type = self.env.ref("mail.mail_activity_data_todo")
        methods = dict(self._fields["method"]._description_selection(self.env))
        rules = dict(self._fields["rule"]._description_selection(self.env))

        def activity_type(method):
            return types.get(method) or todo_type

        def summary(method, rule):
            return self.env._(
                "Follow-up (%(method)s): %(rule)s", method=methods[method], rule=rules[rule]
            )

        return activity_type, summary

    def _check_planned(self):
        not_planned = self.filtered(lambda f: f.state != "planned")
        if not_planned:
            raise UserError(
                self.env._(
                    "Only planned follow-ups can be done or cancelled: %(names)s.",
                    names=", ".join(not_planned.mapped("display_name")),
                )
            )

    def action_done(self):
        self._check_planned()
        self.check_access("write")
        self.sudo()._cs_mark_done()
        for followup in self.filtered("activity_id"):
            followup.activity_id.sudo().action_feedback(
                feedback=html2plaintext(followup.outcome or "").strip()
                or self.env._("Follow-up done.")
            )
        return True

    def action_cancel(self):
        self._check_planned()
        self.check_access("write")
        self.sudo().write({"state": "cancelled"})
        self.activity_id.sudo().unlink()
        return True

    def _cs_mark_done(self, feedback=None):
        """Mark planned follow-ups done today (company's time zone), with the
        feedback as outcome, and move their customers' last-contact date."""
        today = self._cs_today()
        vals = {"state": "done", "done_date": today}
        if feedback:
            vals["outcome"] = plaintext2html(feedback)
        self.write(vals)
        customers = self.partner_id.sudo().filtered(
            lambda p: not p.cs_last_contact_date or p.cs_last_contact_date < today
        )
        customers.write({"cs_last_contact_date": today})

    def _cs_cancel_reordered(self):
        """The customer ordered again: cancel what the dormancy rules planned. The
        chatter line is in the company's language."""
        self.write({"state": "cancelled"})
        self.activity_id.sudo().unlink()
        lang = self.env.company.partner_id.lang or self.env.lang
        text = self.with_context(lang=lang).env._("Cancelled: the customer has ordered again.")
        body = Markup("<p>%s</p>") % text
        self._message_log_batch({followup.id: body for followup in self})

    # ------------------------------------------------------------ local time

    @api.model
    def _cs_tz(self):
        """The department's time zone: the company's; when the company has none,
        its administrator's (who set the database up), never the time zone of
        whoever asks: "today" is the same day for every user of the company."""
        if tz := self.env.company.partner_id.tz:
            return tz
        # cached lookup (env.ref would query the record's existence every call)
        admin_id = self.env["ir.model.data"]._xmlid_to_res_id(
            "base.user_admin", raise_if_not_found=False
        )
        return (admin_id and self.env["res.users"].sudo().browse(admin_id).tz) or "UTC"

    @api.model
    def _cs_today(self):
        return fields.Date.context_today(self.with_context(tz=self._cs_tz()))

    @api.model
    def _cs_local_date(self, value):
        """The local date of a UTC datetime."""
        return fields.Datetime.context_timestamp(self.with_context(tz=self._cs_tz()), value).date()

    # --------------------------------------------------------------- crons

    @api.model
    def _cron_plan_dormancy(self, batch_size=None):
        """The dormancy follow-up (客户跟进): once a day classify every customer in one
        statement, then plan the follow-ups of one batch of the customers that need
        something per call; Odoo calls again while some remain.

        :return: the number of customers still to process
        """
        followups = self.sudo()
        Partner = self.env["res.partner"].sudo()
        batch_size = batch_size or Partner._cs_get_param("cron_batch_size", 2000)
        today = followups._cs_today()
        params = self.env["ir.config_parameter"].sudo()
        if params.get_param(CLASSIFIED_ON) != fields.Date.to_string(today):
            followups._cs_classify_customers(today)
            params.set_param(CLASSIFIED_ON, fields.Date.to_string(today))
        domain = [("cs_dormancy_todo", "!=", False)]
        partners = Partner.search(domain, order="id", limit=batch_size)
        if partners:
            followups._cs_plan_batch(partners, today)
        remaining = Partner.search_count(domain) if len(partners) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(partners), remaining=remaining)
        return remaining

    @api.model
    def _cs_classify_customers(self, today):
        """Classify every customer in one statement (the suite's own columns):
        last order, last contact, dormancy and what the batches must do."""
        thresholds = self.env["res.partner"]._cs_thresholds()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
WITH cust AS (
    SELECT p.id, p.cs_owner, p.cs_specialist_id, p.cs_handover_date,
           p.cs_last_contact_date,
           (p.create_date AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS created
      FROM res_partner p
     WHERE p.active AND p.parent_id IS NULL
       AND (p.customer_rank > 0 OR p.cs_specialist_id IS NOT NULL)
), last_order AS (
    SELECT p.commercial_partner_id AS pid,
           (max(so.date_order) AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS d
      FROM sale_order so JOIN res_partner p ON p.id = so.partner_id
     WHERE so.state = 'sale'
  GROUP BY 1
), fu AS (
    SELECT partner_id AS pid,
           max(done_date) FILTER (WHERE state = 'done') AS last_contact,
           max(planned_date) FILTER (WHERE state != 'cancelled') AS last_planned,
           count(*) FILTER (WHERE (state = 'done' AND done_date BETWEEN %(start)s AND %(end)s)
                               OR (state = 'planned'
                                   AND planned_date BETWEEN %(start)s AND %(end)s)) AS contacts,
           bool_or(state = 'planned' AND rule IN %(rules)s) AS rule_planned
      FROM cs_followup
  GROUP BY 1
), owing AS (
    SELECT aml.partner_id AS pid
      FROM account_move_line aml JOIN account_account a ON a.id = aml.account_id
     WHERE a.account_type = 'asset_receivable' AND aml.parent_state = 'posted'
       AND NOT aml.reconciled
  GROUP BY 1 HAVING sum(aml.amount_residual) > 0
), note AS (
    SELECT m.res_id AS pid, (max(m.date) AT TIME ZONE 'UTC' AT TIME ZONE %(tz)s)::date AS d
      FROM mail_message m
      JOIN res_partner p ON p.id = m.res_id
      JOIN res_users u ON u.id = p.user_id
     WHERE m.model = 'res.partner' AND m.author_id = u.partner_id
       AND m.message_type IN ('comment', 'notification')
  GROUP BY 1
), facts AS (
    SELECT c.id, lo.d AS last_order,
           greatest(c.cs_last_contact_date, f.last_contact) AS last_contact,
           %(today)s - coalesce(lo.d, c.created) AS idle,
           coalesce(lo.d, c.created) AS reference, f.last_planned,
           coalesce(f.contacts, 0) AS contacts, coalesce(f.rule_planned, FALSE) AS rule_planned,
           o.pid IS NOT NULL AS owing,
           c.cs_owner = 'sales'
               AND %(today)s - coalesce(greatest(lo.d, n.d), c.created) > %(silence)s
               AS silent,
           c.cs_owner = 'customer_service'
               OR (c.cs_specialist_id IS NOT NULL AND c.cs_handover_date IS NULL) AS covered
      FROM cust c
      LEFT JOIN last_order lo ON lo.pid = c.id
      LEFT JOIN fu f ON f.pid = c.id
      LEFT JOIN owing o ON o.pid = c.id
      LEFT JOIN note n ON n.pid = c.id
), classified AS (
    SELECT id, last_order, last_contact,
           CASE WHEN silent AND owing THEN 'sales_lapsed'
                WHEN idle > %(month)s THEN 'idle_month'
                WHEN idle > %(week)s THEN 'idle_week'
                ELSE 'active' END AS dormancy,
           CASE WHEN silent AND NOT owing THEN 'takeover'
                WHEN idle <= %(week)s THEN CASE WHEN rule_planned THEN 'cancel' END
                WHEN NOT covered THEN NULL
                WHEN idle > %(month)s THEN CASE WHEN contacts < %(per_month)s THEN 'plan' END
                WHEN last_planned IS NULL OR last_planned <= reference THEN 'plan'
           END AS todo
      FROM facts
)
UPDATE res_partner p
   SET cs_last_order_date = c.last_order,
       cs_last_contact_date = c.last_contact,
       cs_dormancy = c.dormancy,
       cs_dormancy_todo = c.todo
  FROM classified c
 WHERE p.id = c.id
   AND (p.cs_last_order_date IS DISTINCT FROM c.last_order
        OR p.cs_last_contact_date IS DISTINCT FROM c.last_contact
        OR p.cs_dormancy IS DISTINCT FROM c.dormancy
        OR p.cs_dormancy_todo IS DISTINCT FROM c.todo)
""",
                tz=self._cs_tz(),
                today=today,
                start=date_utils.start_of(today, "month"),
                end=date_utils.end_of(today, "month"),
                rules=DORMANCY_RULES,
                silence=thresholds["sales_silence_days"],
                month=thresholds["idle_month_days"],
                week=thresholds["idle_week_days"],
                per_month=thresholds["contacts_per_month"],
            )
        )
        self.env["res.partner"].invalidate_model(
            ["cs_last_order_date", "cs_last_contact_date", "cs_dormancy", "cs_dormancy_todo"]
        )

    @api.model
    def _cs_plan_batch(self, partners, today):
        """Do what the classification left to do for a batch of customers: take
        over, cancel, or plan the contacts of rules 1-3, in a fixed number of
        queries whatever the batch size."""
        thresholds = self.env["res.partner"]._cs_thresholds()
        todo = partners.grouped("cs_dormancy_todo")
        takeover = todo.get("takeover", partners.browse())
        if takeover:
            self._cs_take_over(takeover, today)
        cancel = todo.get("cancel")
        if cancel:
            self.search(
                [
                    ("partner_id", "in", cancel.ids),
                    ("state", "=", "planned"),
                    ("rule", "in", DORMANCY_RULES),
                ]
            )._cs_cancel_reordered()
        to_plan = takeover | todo.get("plan", partners.browse())
        month = self._cs_month_contacts(to_plan, today)
        month_end = date_utils.end_of(today, "month")
        plan = []
        for partner in to_plan:
            reference = partner.cs_last_order_date or self._cs_local_date(partner.create_date)
            idle = (today - reference).days
            contacts, busy = month.get(partner.id, (0, ()))
            rows = []
            if partner in takeover:
                rows.append(("takeover", today))
            if idle > thresholds["idle_month_days"]:
                missing = thresholds["contacts_per_month"] - contacts - len(rows)
                busy = set(busy) | {day for _rule, day in rows}
                rows += [
                    ("idle_month", day) for day in spread_dates(today, month_end, missing, busy)
                ]
            elif idle > thresholds["idle_week_days"] and not rows:
                rows.append(("idle_week", today + timedelta(days=thresholds["call_within_days"])))
            plan += [(partner, rule, day) for rule, day in rows]
        self._cs_create_planned(plan)
        self.env.cr.execute(
            SQL(
                "UPDATE res_partner SET cs_dormancy_todo = NULL WHERE id = ANY(%s)",
                partners.ids,
            )
        )
        partners.invalidate_recordset(["cs_dormancy_todo"])

    @api.model
    def _cs_month_contacts(self, partners, today):
        """{customer id: (contacts done or planned this month, planned days)}."""
        if not partners:
            return {}
        self.flush_model()
        self.env.cr.execute(
            SQL(
                """SELECT partner_id,
                          count(*),
                          array_agg(planned_date) FILTER (WHERE state = 'planned')
                     FROM cs_followup
                    WHERE partner_id = ANY(%(ids)s)
                      AND ((state = 'done' AND done_date BETWEEN %(start)s AND %(end)s)
                           OR (state = 'planned'
                               AND planned_date BETWEEN %(start)s AND %(end)s))
                 GROUP BY partner_id""",
                ids=partners.ids,
                start=date_utils.start_of(today, "month"),
                end=date_utils.end_of(today, "month"),
            )
        )
        return {pid: (count, days or ()) for pid, count, days in self.env.cr.fetchall()}

    @api.model
    def _cs_create_planned(self, plan):
        """Write the follow-ups the dormancy rules plan: their activities (and so the
        specialists following the customers) through the ORM in one ``create``, the
        follow-ups themselves, the suite's own table, with one ``INSERT``.

        :param plan: list of (customer, rule, planned date)
        :return: the new follow-ups
        """
        if not plan:
            return self.browse()
        vals_list = [
            {
                "partner_id": partner.id,
                "rule": rule,
                "method": "phone",
                "planned_date": day,
                "specialist_id": partner.cs_specialist_id.id,
            }
            for partner, rule, day in plan
        ]
        self._cs_prepare_activities(vals_list)
        self.env.flush_all()
        now = self.env.cr.now()
        self.env.cr.execute(
            SQL(
                """INSERT INTO cs_followup
                          (partner_id, rule, method, planned_date, specialist_id,
                           activity_id, state, company_id, planned_count, done_count,
                           create_uid, create_date, write_uid, write_date)
                   SELECT v.partner_id, v.rule, 'phone', v.planned_date, v.specialist_id,
                          v.activity_id, 'planned', %(company)s, 1, 0,
                          %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(partners)s::int[], %(rules)s::varchar[],
                                 %(dates)s::date[], %(specialists)s::int[],
                                 %(activities)s::int[])
                          AS v(partner_id, rule, planned_date, specialist_id, activity_id)
                RETURNING id""",
                company=self.env.company.id,
                uid=self.env.uid,
                now=now,
                partners=[vals["partner_id"] for vals in vals_list],
                rules=[vals["rule"] for vals in vals_list],
                dates=[vals["planned_date"] for vals in vals_list],
                specialists=[vals["specialist_id"] or None for vals in vals_list],
                activities=[vals.get("activity_id") for vals in vals_list],
            )
        )
        followups = self.browse([row[0] for row in self.env.cr.fetchall()])
        self.env["res.partner"].invalidate_model(["cs_followup_ids"])
        return followups

    @api.model
    def _cs_take_over(self, partners, today):
        """Customer service takes over customers the salesperson left (rule 3). The
        chatter line is in the company's language."""
        partners.with_context(tracking_disable=True).write(
            {
                "cs_owner": "customer_service",
                "cs_takeover_date": today,
                "cs_handover_date": False,
                "cs_handover_reason": False,
            }
        )
        silence = self.env["res.partner"]._cs_get_param("sales_silence_days", 60)
        lang = self.env.company.partner_id.lang or self.env.lang
        body = self.with_context(lang=lang).env._(
            "Taken over by customer service: the salesperson has logged nothing for "
            "more than %(days)s days and the customer owes nothing.",
            days=silence,
        )
        partners._message_log_batch({partner.id: body for partner in partners})
        unassigned = partners.filtered(lambda p: not p.cs_specialist_id)
        if unassigned:
            unassigned.with_context(lang=lang)._cs_assign_balanced(raise_if_full=False)
