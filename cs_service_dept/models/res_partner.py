# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, date_utils

_logger = logging.getLogger(__name__)

CONFIDENTIALITY_RANK = {"public": 0, "internal": 1, "secret": 2, "top_secret": 3}
# Context key set only by an approved cs.confidentiality.request.
CONFIDENTIALITY_APPROVED = "cs_confidentiality_approved"
# Settings (ir.config_parameter keys, without the module prefix) and their defaults.
THRESHOLDS = {
    "idle_week_days": 7,
    "call_within_days": 7,
    "idle_month_days": 30,
    "contacts_per_month": 2,
    "sales_silence_days": 60,
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The customer file (客户档案): field names are the contract the other cs_suite
    # addons and integrations use.
    cs_specialist_id = fields.Many2one(
        "res.users",
        string="Service Specialist",
        tracking=True,
        domain=[("share", "=", False)],
        index="btree_not_null",
        help="The customer service specialist (客服专员) who follows this customer up.",
    )
    cs_assigned_date = fields.Date(string="Assigned On", tracking=True)
    cs_owner = fields.Selection(
        [("sales", "Sales"), ("customer_service", "Customer Service")],
        string="Followed Up By",
        default="sales",
        tracking=True,
        help="Who follows this customer up: the salesperson, or customer service.",
    )
    cs_confidentiality = fields.Selection(
        [
            ("public", "Public"),
            ("internal", "Internal"),
            ("secret", "Secret"),
            ("top_secret", "Top Secret"),
        ],
        string="Confidentiality",
        default="internal",
        required=True,
        tracking=True,
        help="Secret and top secret customers are visible only to their specialist, "
        "supervisors and above.",
    )
    cs_region = fields.Char(
        string="Region",
        compute="_compute_cs_region",
        store=True,
        help="Province or state, else country: customers are classified by region.",
    )
    cs_category_ids = fields.Many2many(
        "cs.customer.category",
        "cs_customer_category_res_partner_rel",
        "partner_id",
        "category_id",
        string="Customer Categories",
    )
    cs_last_order_date = fields.Date(
        string="Last Order",
        readonly=True,
        copy=False,
        help="Date of the latest confirmed sale order.",
    )
    cs_last_contact_date = fields.Date(
        string="Last Contact",
        readonly=True,
        copy=False,
        help="Date of the latest follow-up done by customer service, or of the latest "
        "phone call logged as done on the customer.",
    )
    cs_dormancy = fields.Selection(
        [
            ("active", "Active"),
            ("idle_week", "Idle for a Week"),
            ("idle_month", "Idle for a Month"),
            ("sales_lapsed", "Sales Lapsed"),
        ],
        string="Dormancy",
        default="active",
        readonly=True,
        copy=False,
        index=True,
        help="Set by the dormancy follow-up scheduled action. Sales lapsed: the "
        "salesperson has logged nothing for too long but the customer still owes "
        "money, so sales keeps it.",
    )
    cs_takeover_date = fields.Date(
        string="Taken Over On",
        readonly=True,
        copy=False,
        help="When customer service took this customer over from sales.",
    )
    cs_followup_ids = fields.One2many("cs.followup", "partner_id", string="Follow-ups")
    cs_followup_count = fields.Integer(
        string="Follow-up Count", compute="_compute_cs_followup_count"
    )
    cs_repair_count = fields.Integer(string="Repairs", compute="_compute_cs_repair_count")

    @api.depends("state_id", "country_id")
    def _compute_cs_region(self):
        for partner in self:
            partner.cs_region = partner.state_id.name or partner.country_id.name or False

    def _compute_cs_followup_count(self):
        groups = self.env["cs.followup"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.cs_followup_count = counts.get(partner.id, 0)

    def _compute_cs_repair_count(self):
        counts = {}
        if self.env["repair.order"].has_access("read"):
            groups = self.env["repair.order"]._read_group(
                [("partner_id", "child_of", self.ids)],
                ["partner_id"],
                ["__count"],
            )
            for partner, count in groups:
                key = partner.commercial_partner_id.id
                counts[key] = counts.get(key, 0) + count
        for partner in self:
            partner.cs_repair_count = counts.get(partner.id, 0)

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get(CONFIDENTIALITY_APPROVED) and any(
            CONFIDENTIALITY_RANK.get(vals.get("cs_confidentiality"), 0) > 1 for vals in vals_list
        ):
            raise UserError(
                self.env._(
                    "A customer is classified secret or top secret only through an "
                    "approved confidentiality request."
                )
            )
        partners = super().create(vals_list)
        if self._cs_get_param("auto_assign", False):
            to_assign = partners.filtered(
                lambda p: (
                    not p.parent_id
                    and not p.cs_specialist_id
                    and (p.is_company or p.customer_rank)
                    and not p.user_ids
                )
            )
            if to_assign:
                to_assign._cs_assign_balanced(raise_if_full=False)
        return partners

    def write(self, vals):
        level = vals.get("cs_confidentiality")
        if (
            level
            and CONFIDENTIALITY_RANK[level] > 1
            and not self.env.context.get(CONFIDENTIALITY_APPROVED)
        ):
            raising = self.filtered(
                lambda p: CONFIDENTIALITY_RANK[p.cs_confidentiality] < CONFIDENTIALITY_RANK[level]
            )
            if raising:
                raise UserError(
                    self.env._(
                        "%(names)s: raising the confidentiality above internal needs "
                        "a confidentiality request approved by the manager and the "
                        "general manager.",
                        names=", ".join(raising.mapped("display_name")),
                    )
                )
        return super().write(vals)

    def signup_prepare(self, signup_type="signup"):
        # Every notification on a portal document of a customer without a user
        # (a new ticket's assignment, a stage mail) lands here and wrote the
        # customer's row each time, serialising a busy customer's tickets: write
        # only the customers whose signup type changes (the token does not
        # depend on the write).
        to_prepare = self.filtered(lambda p: p.sudo().signup_type != signup_type)
        return super(ResPartner, to_prepare).signup_prepare(signup_type)

    # ------------------------------------------------------------- actions

    def action_cs_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("cs_service_dept.cs_followup_action")
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {
            "default_partner_id": self.id,
            "default_specialist_id": self.cs_specialist_id.id,
        }
        return action

    def action_cs_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("repair.action_repair_order_tree")
        action["domain"] = [("partner_id", "child_of", self.id)]
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_cs_request_confidentiality(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confidentiality Request"),
            "res_model": "cs.confidentiality.request",
            "view_mode": "form",
            "target": "current",
            "context": {"default_partner_id": self.id},
        }

    # ----------------------------------------------------------- settings

    @api.model
    def _cs_get_param(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param(f"cs_service_dept.{key}")
        if value in (None, False, ""):
            return default
        if isinstance(default, bool):
            return value not in ("0", "False", "false")
        return int(value)

    @api.model
    def _cs_thresholds(self):
        return {key: self._cs_get_param(key, default) for key, default in THRESHOLDS.items()}

    # ---------------------------------------------------------- assignment

    def _cs_assign_balanced(self, specialist=None, raise_if_full=True, reassign=False):
        """Give each customer of ``self`` a specialist, balancing the load.

        With ``specialist`` all go to that one (it must be active and have room).
        Otherwise, for each customer: the active specialists with room, those whose
        specialties match the customer's categories first, then the lowest load
        relative to capacity; among equals, high-value customers go to the most
        skilled. Loads are read once with a grouped query and counted in memory, so
        the result is balanced and the cost does not depend on the batch size.
        Everything is checked before anything is written.
        """
        Specialist = self.env["cs.specialist"].sudo()
        if specialist:
            specialist = specialist.sudo()
            if not specialist.active:
                raise UserError(
                    self.env._(
                        "%(name)s is not an active specialist: customers cannot be "
                        "assigned to them.",
                        name=specialist.name,
                    )
                )
            specialists = specialist
        else:
            specialists = Specialist.search([])
        loads = defaultdict(int, specialists._get_loads())
        user_to_specialist = {s.user_id: s for s in specialists}
        plan = {}
        for partner in self:
            current = user_to_specialist.get(partner.cs_specialist_id)
            if current and not specialist and not reassign:
                continue  # already with an active specialist: keep
            if specialist and current == specialist:
                continue
            if partner.cs_specialist_id:
                loads[partner.cs_specialist_id.id] -= 1
            eligible = specialists.filtered(lambda s: loads[s.user_id.id] < s.capacity)
            if not eligible:
                if not raise_if_full:
                    if partner.cs_specialist_id:
                        loads[partner.cs_specialist_id.id] += 1
                    continue
                raise UserError(
                    self.env._(
                        "No active specialist has room for %(customer)s: raise a "
                        "capacity or add a specialist.",
                        customer=partner.display_name,
                    )
                )
            matching = eligible.filtered(lambda s, p=partner: s.specialty_ids & p.cs_category_ids)
            pool = matching or eligible
            high_value = any(partner.cs_category_ids.mapped("high_value"))
            chosen = min(
                pool,
                key=lambda s, hv=high_value: (
                    loads[s.user_id.id] / s.capacity,
                    -s.skill_level if hv else 0,
                    loads[s.user_id.id],
                    s.id,
                ),
            )
            loads[chosen.user_id.id] += 1
            if chosen.user_id != partner.cs_specialist_id:
                plan[partner] = chosen.user_id
        self._cs_apply_assignment(plan)
        return plan

    def _cs_apply_assignment(self, plan):
        """Write a {partner: user} plan: one write per specialist, history in the
        chatter (one batch of messages) and a "record the customer" activity each."""
        if not plan:
            return
        today = fields.Date.context_today(self)
        by_user = defaultdict(lambda: self.env["res.partner"])
        bodies = {}
        for partner, user in plan.items():
            by_user[user] |= partner
            if partner.cs_specialist_id:
                bodies[partner.id] = self.env._(
                    "Reassigned from %(old)s to %(new)s.",
                    old=partner.cs_specialist_id.name,
                    new=user.name,
                )
            else:
                bodies[partner.id] = self.env._("Assigned to %(new)s.", new=user.name)
        partners = self.env["res.partner"].union(*plan)
        for user, user_partners in by_user.items():
            user_partners.sudo().with_context(tracking_disable=True).write(
                {"cs_specialist_id": user.id, "cs_assigned_date": today}
            )
        partners.sudo()._message_log_batch(bodies)
        activity_type = self.env.ref(
            "cs_service_dept.mail_activity_type_record_customer",
            raise_if_not_found=False,
        ) or self.env.ref("mail.mail_activity_data_todo")
        deadline = today + timedelta(days=activity_type.delay_count or 7)
        summary = self.env._("Record the customer's details")
        note = Markup("<p>%s</p>") % self.env._(
            "Contact the salesperson within 7 days and record the customer's details (备案)."
        )
        for user, user_partners in by_user.items():
            user_partners.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=deadline,
                summary=summary,
                note=note,
                user_id=user.id,
            )

    # ---------------------------------------------------------------- cron

    @api.model
    def _cs_customer_domain(self):
        return [
            ("parent_id", "=", False),
            "|",
            ("customer_rank", ">", 0),
            ("cs_specialist_id", "!=", False),
        ]

    @api.model
    def _cron_dormancy_followup(self, batch_size=None):
        """Classify customers by dormancy and plan the follow-ups the rules ask for.

        Works on batches of customers; each batch costs a fixed number of queries
        (grouped SQL for the last order, last contact, follow-ups of the month,
        receivables and the salesperson's last note), whatever its size.
        """
        batch_size = batch_size or self._cs_get_param("cron_batch_size", 2000)
        partner_ids = self.sudo().search(self._cs_customer_domain(), order="id").ids
        total = len(partner_ids)
        thresholds = self._cs_thresholds()
        today = fields.Date.context_today(self)
        for start in range(0, total, batch_size):
            batch = self.sudo().browse(partner_ids[start : start + batch_size])
            batch._cs_dormancy_batch(today, thresholds)
            done = min(start + batch_size, total)
            self.env["ir.cron"]._notify_progress(done=done, remaining=total - done)
            # Commit each batch only when run as a scheduled action.
            if self.env.context.get("ir_cron_progress_id") and not (
                self.env.registry.in_test_mode()
            ):
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return total

    def _cs_dormancy_facts(self, today):
        """What the rules need about a batch, in a fixed number of queries."""
        ids = list(self.ids)
        cr = self.env.cr
        self.env.flush_all()
        # Last confirmed order per commercial partner.
        cr.execute(
            SQL(
                """SELECT p.commercial_partner_id, max(so.date_order)::date
                     FROM sale_order so
                     JOIN res_partner p ON p.id = so.partner_id
                    WHERE so.state = 'sale' AND p.commercial_partner_id = ANY(%s)
                 GROUP BY p.commercial_partner_id""",
                ids,
            )
        )
        last_order = dict(cr.fetchall())
        # Follow-ups: last contact, latest planned date, contacts of this month.
        month_start = date_utils.start_of(today, "month")
        month_end = date_utils.end_of(today, "month")
        cr.execute(
            SQL(
                """SELECT partner_id,
                          max(done_date) FILTER (WHERE state = 'done'),
                          max(planned_date) FILTER (WHERE state != 'cancelled'),
                          count(*) FILTER (WHERE state = 'done'
                                AND done_date BETWEEN %(start)s AND %(end)s),
                          count(*) FILTER (WHERE state = 'planned'
                                AND planned_date BETWEEN %(start)s AND %(end)s)
                     FROM cs_followup
                    WHERE partner_id = ANY(%(ids)s)
                 GROUP BY partner_id""",
                ids=ids,
                start=month_start,
                end=month_end,
            )
        )
        followups = {row[0]: row[1:] for row in cr.fetchall()}
        # Open receivables (overdue or not).
        cr.execute(
            SQL(
                """SELECT aml.partner_id, sum(aml.amount_residual)
                     FROM account_move_line aml
                     JOIN account_account acc ON acc.id = aml.account_id
                    WHERE aml.partner_id = ANY(%s)
                      AND acc.account_type = 'asset_receivable'
                      AND aml.parent_state = 'posted' AND NOT aml.reconciled
                 GROUP BY aml.partner_id
                   HAVING sum(aml.amount_residual) > 0""",
                ids,
            )
        )
        owing = {row[0] for row in cr.fetchall()}
        # The salesperson's last note or logged activity on the customer.
        cr.execute(
            SQL(
                """SELECT m.res_id, max(m.date)::date
                     FROM mail_message m
                     JOIN res_partner p ON p.id = m.res_id
                     JOIN res_users u ON u.id = p.user_id
                    WHERE m.model = 'res.partner' AND m.res_id = ANY(%s)
                      AND m.author_id = u.partner_id
                      AND m.message_type IN ('comment', 'notification')
                 GROUP BY m.res_id""",
                ids,
            )
        )
        sales_note = dict(cr.fetchall())
        # Phone calls logged as done on the customer count as contacts too.
        call_type = self.env.ref("mail.mail_activity_data_call", raise_if_not_found=False)
        calls = {}
        if call_type:
            cr.execute(
                SQL(
                    """SELECT res_id, max(date)::date
                         FROM mail_message
                        WHERE model = 'res.partner' AND res_id = ANY(%s)
                          AND mail_activity_type_id = %s
                     GROUP BY res_id""",
                    ids,
                    call_type.id,
                )
            )
            calls = dict(cr.fetchall())
        # Planned follow-ups of customers who ordered again are cancelled.
        planned = self.env["cs.followup"].search(
            [
                ("partner_id", "in", ids),
                ("state", "=", "planned"),
                ("rule", "in", ("idle_week", "idle_month", "takeover")),
            ]
        )
        return {
            "last_order": last_order,
            "followups": followups,
            "owing": owing,
            "sales_note": sales_note,
            "calls": calls,
            "planned": planned.grouped("partner_id"),
            "month_end": month_end,
        }

    def _cs_dormancy_plan(self, facts, today, thresholds):
        """Decide, in memory, the dormancy of one customer and what to plan.

        :return: (dormancy, taken over?, [(rule, planned date)], cancel planned?)
        """
        self.ensure_one()
        last_order = facts["last_order"].get(self.id)
        reference = last_order or self.create_date.date()
        idle_days = (today - reference).days
        if idle_days > thresholds["idle_month_days"]:
            dormancy = "idle_month"
        elif idle_days > thresholds["idle_week_days"]:
            dormancy = "idle_week"
        else:
            dormancy = "active"
        takeover = False
        if self.cs_owner == "sales":
            last_sales = max(
                filter(None, (last_order, facts["sales_note"].get(self.id))),
                default=self.create_date.date(),
            )
            if (today - last_sales).days > thresholds["sales_silence_days"]:
                if self.id in facts["owing"]:
                    dormancy = "sales_lapsed"
                else:
                    takeover = True
        if dormancy == "active":
            return dormancy, takeover, [], True
        if self.cs_owner == "sales" and not takeover:
            return dormancy, False, [], False  # rule 4: left to sales
        _contact, last_planned, done_month, planned_month = facts["followups"].get(
            self.id, (None, None, 0, 0)
        )
        plan = []
        if takeover:
            plan.append(("takeover", today))
            planned_month += 1
        if dormancy == "idle_week":
            if not takeover and (not last_planned or last_planned <= reference):
                call_date = today + timedelta(days=thresholds["call_within_days"])
                plan.append(("idle_week", call_date))
        else:
            missing = max(thresholds["contacts_per_month"] - done_month - planned_month, 0)
            days_left = (facts["month_end"] - today).days
            for index in range(missing):
                offset = days_left * (index + 1) // (missing + 1)
                plan.append(("idle_month", today + timedelta(days=offset)))
        return dormancy, takeover, plan, False

    def _cs_dormancy_batch(self, today, thresholds):
        facts = self._cs_dormancy_facts(today)
        updates, takeover, to_cancel, new_followups = [], [], [], []
        for partner in self:
            dormancy, taken, plan, cancel = partner._cs_dormancy_plan(facts, today, thresholds)
            last_contact = max(
                filter(
                    None,
                    (
                        facts["followups"].get(partner.id, (None,))[0],
                        facts["calls"].get(partner.id),
                    ),
                ),
                default=None,
            )
            updates.append(
                (partner.id, facts["last_order"].get(partner.id), last_contact, dormancy)
            )
            if taken:
                takeover.append(partner.id)
            if cancel:
                to_cancel.extend(facts["planned"].get(partner, []))
            new_followups.extend((partner, rule, day) for rule, day in plan)

        self._cs_write_dormancy(updates)
        if takeover:
            self._cs_take_over(self.browse(takeover), today)
        if to_cancel:
            self.env["cs.followup"].union(*to_cancel)._cs_cancel_reordered()
        if new_followups:
            self.env["cs.followup"]._cs_create_planned(
                [
                    (partner, rule, "phone", planned_date, partner.cs_specialist_id.id)
                    for partner, rule, planned_date in new_followups
                ]
            )

    def _cs_write_dormancy(self, updates):
        """Store the dates and dormancy of a batch in one UPDATE."""
        if not updates:
            return
        ids, orders, contacts, states = zip(*updates, strict=True)
        self.env.cr.execute(
            SQL(
                """UPDATE res_partner p
                      SET cs_last_order_date = v.last_order,
                          cs_last_contact_date = v.last_contact,
                          cs_dormancy = v.dormancy
                     FROM unnest(%s::int[], %s::date[], %s::date[], %s::varchar[])
                          AS v(id, last_order, last_contact, dormancy)
                    WHERE p.id = v.id
                      AND (p.cs_last_order_date IS DISTINCT FROM v.last_order
                           OR p.cs_last_contact_date IS DISTINCT FROM v.last_contact
                           OR p.cs_dormancy IS DISTINCT FROM v.dormancy)""",
                list(ids),
                list(orders),
                list(contacts),
                list(states),
            )
        )
        self.invalidate_model(["cs_last_order_date", "cs_last_contact_date", "cs_dormancy"])

    @api.model
    def _cs_take_over(self, partners, today):
        """Customer service takes over customers the salesperson left."""
        partners.with_context(tracking_disable=True).write(
            {"cs_owner": "customer_service", "cs_takeover_date": today}
        )
        silence = self._cs_get_param("sales_silence_days", 60)
        body = self.env._(
            "Taken over by customer service: the salesperson has logged nothing for "
            "more than %(days)s days and the customer owes nothing.",
            days=silence,
        )
        partners._message_log_batch({partner.id: body for partner in partners})
        unassigned = partners.filtered(lambda p: not p.cs_specialist_id)
        if unassigned:
            unassigned._cs_assign_balanced(raise_if_full=False)
