# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

METHOD_ACTIVITY_TYPE = {
    "phone": "mail.mail_activity_data_call",
    "email": "mail.mail_activity_data_email",
}


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
    planned_count = fields.Integer(string="Planned Contacts", compute="_compute_counts", store=True)
    done_count = fields.Integer(string="Done Contacts", compute="_compute_counts", store=True)

    @api.depends("state")
    def _compute_counts(self):
        for followup in self:
            followup.planned_count = int(followup.state != "cancelled")
            followup.done_count = int(followup.state == "done")

    @api.model_create_multi
    def create(self, vals_list):
        """Each planned follow-up is also an activity on the customer, created in
        one batch so the cron's cost does not grow with the follow-ups."""
        model_id = self.env["ir.model"]._get_id("res.partner")
        todo = [
            vals
            for vals in vals_list
            if vals.get("specialist_id")
            and not vals.get("activity_id")
            and vals.get("state", "planned") == "planned"
        ]
        if todo:
            activity_type, summary = self._cs_activity_type_and_summary()
            activities = (
                self.env["mail.activity"]
                .sudo()
                .with_context(mail_activity_quick_update=True)
                .create(
                    [
                        {
                            "res_model_id": model_id,
                            "res_id": vals["partner_id"],
                            "activity_type_id": activity_type(vals.get("method", "phone")).id,
                            "user_id": vals["specialist_id"],
                            "date_deadline": vals.get("planned_date")
                            or fields.Date.context_today(self),
                            "summary": summary(
                                vals.get("method", "phone"), vals.get("rule", "manual")
                            ),
                        }
                        for vals in todo
                    ]
                )
            )
            for vals, activity in zip(todo, activities, strict=True):
                vals["activity_id"] = activity.id
        return super().create(vals_list)

    @api.model
    def _cs_activity_type_and_summary(self):
        """Functions giving the activity type and summary of a follow-up's activity."""
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

    @api.model
    def _cs_create_planned(self, plan):
        """Plan the follow-ups of the dormancy cron, set-based.

        Writes what ``create`` writes (the follow-ups, an activity on the customer
        for each one that has a specialist, the specialist following the customer,
        the specialist's activity counter) with two ``INSERT ... SELECT``, so that
        planning 100,000 follow-ups does not cost 100,000 ORM creates.

        :param plan: list of (customer, rule, method, planned date, specialist id)
        :return: the new follow-ups
        """
        if not plan:
            return self.browse()
        self.env.flush_all()
        cr = self.env.cr
        now = cr.now()
        uid = self.env.uid
        activity_type, summary = self._cs_activity_type_and_summary()
        with_activity = [row for row in plan if row[4]]
        activity_ids = {}
        if with_activity:
            users = self.env["res.users"].sudo().browse({row[4] for row in with_activity})
            tz = {user.id: user.tz for user in users}
            cr.execute(
                SQL(
                    "SELECT nextval('mail_activity_id_seq') FROM generate_series(1, %s)",
                    len(with_activity),
                )
            )
            ids = [row[0] for row in cr.fetchall()]
            activity_ids = {id(row): new_id for row, new_id in zip(with_activity, ids, strict=True)}
            columns = list(
                zip(
                    *(
                        (
                            activity_ids[id(row)],
                            partner.id,
                            partner.display_name,
                            activity_type(method).id,
                            summary(method, rule),
                            user_id,
                            tz[user_id] or None,
                            planned_date,
                        )
                        for row in with_activity
                        for partner, rule, method, planned_date, user_id in [row]
                    ),
                    strict=True,
                )
            )
            cr.execute(
                SQL(
                    """INSERT INTO mail_activity
                              (id, res_model_id, res_model, res_id, res_name,
                               activity_type_id, summary, user_id, user_tz,
                               date_deadline, active,
                               create_uid, create_date, write_uid, write_date)
                       SELECT v.id, %(model_id)s, 'res.partner', v.res_id, v.res_name,
                              v.type_id, v.summary, v.user_id, v.user_tz,
                              v.deadline, TRUE, %(uid)s, %(now)s, %(uid)s, %(now)s
                         FROM unnest(%(ids)s::int[], %(res_ids)s::int[],
                                     %(names)s::varchar[], %(types)s::int[],
                                     %(summaries)s::varchar[], %(users)s::int[],
                                     %(tzs)s::varchar[], %(deadlines)s::date[])
                              AS v(id, res_id, res_name, type_id, summary, user_id,
                                   user_tz, deadline)""",
                    model_id=self.env["ir.model"]._get_id("res.partner"),
                    uid=uid,
                    now=now,
                    ids=list(columns[0]),
                    res_ids=list(columns[1]),
                    names=list(columns[2]),
                    types=list(columns[3]),
                    summaries=list(columns[4]),
                    users=list(columns[5]),
                    tzs=list(columns[6]),
                    deadlines=list(columns[7]),
                )
            )
        partners, rules, methods, dates, specialists = zip(*plan, strict=True)
        cr.execute(
            SQL(
                """INSERT INTO cs_followup
                          (partner_id, rule, method, planned_date, specialist_id,
                           activity_id, state, company_id, planned_count, done_count,
                           create_uid, create_date, write_uid, write_date)
                   SELECT v.partner_id, v.rule, v.method, v.planned_date, v.specialist_id,
                          v.activity_id, 'planned', %(company)s, 1, 0,
                          %(uid)s, %(now)s, %(uid)s, %(now)s
                     FROM unnest(%(partners)s::int[], %(rules)s::varchar[],
                                 %(methods)s::varchar[], %(dates)s::date[],
                                 %(specialists)s::int[], %(activities)s::int[])
                          AS v(partner_id, rule, method, planned_date, specialist_id,
                               activity_id)
                RETURNING id""",
                company=self.env.company.id,
                uid=uid,
                now=now,
                partners=[partner.id for partner in partners],
                rules=list(rules),
                methods=list(methods),
                dates=list(dates),
                specialists=[user_id or None for user_id in specialists],
                activities=[activity_ids.get(id(row)) for row in plan],
            )
        )
        followups = self.browse([row[0] for row in cr.fetchall()])
        self.env.invalidate_all()
        if with_activity:
            self._cs_after_bulk_activities(with_activity)
        return followups

    @api.model
    def _cs_after_bulk_activities(self, rows):
        """What ``mail.activity.create`` does after inserting: the specialist follows
        the customer (default subtypes, existing followers kept, as
        ``message_subscribe`` does) and the specialist's counter of activities due is
        updated."""
        today = fields.Date.today()
        per_user = defaultdict(set)
        due = defaultdict(int)
        for partner, _rule, _method, planned_date, user_id in rows:
            per_user[user_id].add(partner.id)
            if planned_date <= today:
                due[user_id] += 1
        users = self.env["res.users"].sudo()
        followers = self.env["mail.followers"].sudo()
        new_followers = []
        for user_id, partner_ids in per_user.items():
            user_partner = users.browse(user_id).partner_id.filtered("active")
            if not user_partner:
                continue
            new, _update = followers._add_default_followers(
                "res.partner", sorted(partner_ids), user_partner.ids
            )
            new_followers.extend(
                (res_id, values["partner_id"], values["subtype_ids"][0][2])
                for res_id, values_list in new.items()
                for values in values_list
            )
        if new_followers:
            subscriptions = [
                (res_id, partner_id, subtype_id)
                for res_id, partner_id, subtype_ids in new_followers
                for subtype_id in subtype_ids
            ]
            self.env.cr.execute(
                SQL(
                    """WITH fol AS (
                           INSERT INTO mail_followers (res_model, res_id, partner_id)
                           SELECT 'res.partner', v.res_id, v.partner_id
                             FROM unnest(%s::int[], %s::int[]) AS v(res_id, partner_id)
                           RETURNING id, res_id, partner_id)
                       INSERT INTO mail_followers_mail_message_subtype_rel
                              (mail_followers_id, mail_message_subtype_id)
                       SELECT fol.id, v.subtype_id
                         FROM fol
                         JOIN unnest(%s::int[], %s::int[], %s::int[])
                              AS v(res_id, partner_id, subtype_id)
                           ON v.res_id = fol.res_id AND v.partner_id = fol.partner_id""",
                    [row[0] for row in new_followers],
                    [row[1] for row in new_followers],
                    [row[0] for row in subscriptions],
                    [row[1] for row in subscriptions],
                    [row[2] for row in subscriptions],
                )
            )
            followers.invalidate_model()
            self.env["res.partner"].invalidate_model(["message_follower_ids"])
        for user_id, count in due.items():
            users.browse(user_id)._bus_send(
                "mail.activity/updated", {"activity_created": True, "count_diff": count}
            )

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
        today = fields.Date.context_today(self)
        self.write({"state": "done", "done_date": today})
        for followup in self:
            if followup.activity_id:
                followup.activity_id.sudo().action_feedback(
                    feedback=followup.outcome or self.env._("Follow-up done.")
                )
        customers = self.partner_id.sudo().filtered(
            lambda p: not p.cs_last_contact_date or p.cs_last_contact_date < today
        )
        customers.write({"cs_last_contact_date": today})
        return True

    def action_cancel(self):
        self._check_planned()
        self.write({"state": "cancelled"})
        self.activity_id.sudo().unlink()
        return True

    def _cs_cancel_reordered(self):
        """The customer ordered again: cancel what the dormancy rules planned."""
        self.write({"state": "cancelled"})
        self.activity_id.sudo().unlink()
        body = Markup("<p>%s</p>") % self.env._("Cancelled: the customer has ordered again.")
        self._message_log_batch({followup.id: body for followup in self})
