# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .cs_phone import cs_normalize_phone

CONFIDENTIALITY_RANK = {"public": 0, "internal": 1, "secret": 2, "top_secret": 3}
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
    cs_high_value = fields.Boolean(
        string="High-Value Customer",
        compute="_compute_cs_high_value",
        store=True,
        help="In a customer category marked high value, itself or its company: its "
        "tickets get one priority level more.",
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
    cs_handover_date = fields.Date(
        string="Handed to Sales On",
        readonly=True,
        copy=False,
        tracking=True,
        help="When customer service explicitly handed this customer to sales. Until "
        "then the dormancy rules call every customer who has a specialist.",
    )
    cs_handover_reason = fields.Char(
        string="Hand-over Reason", readonly=True, copy=False, tracking=True
    )
    cs_dormancy_todo = fields.Selection(
        [("plan", "Plan Contacts"), ("takeover", "Take Over"), ("cancel", "Cancel Contacts")],
        string="Dormancy To Do",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Set by the daily classification: what the dormancy scheduled action "
        "still has to do for this customer.",
    )
    cs_followup_ids = fields.One2many("cs.followup", "partner_id", string="Follow-ups")
    cs_followup_count = fields.Integer(
        string="Follow-up Count", compute="_compute_cs_followup_count"
    )
    cs_repair_count = fields.Integer(string="Repairs", compute="_compute_cs_repair_count")
    # a caller is found by number (cs.log.call.wizard): cs_phone.cs_normalize_phone
    cs_phone_normalized = fields.Char(
        string="Normalized Phone", compute="_compute_cs_phone_normalized", store=True, index=True
    )
    cs_mobile_normalized = fields.Char(
        string="Normalized Mobile", compute="_compute_cs_phone_normalized", store=True, index=True
    )
    cs_channel_summary = fields.Html(
        string="Channel Identities", compute="_compute_cs_channel_summary", sanitize=False
    )
    # WeChat senders (models/cs_wechat.py): one contact per id and company
    cs_wechat_openid = fields.Char(
        string="WeChat OpenID",
        index="btree_not_null",
        copy=False,
        help="The customer's id on the company's WeChat Official Account.",
    )
    cs_wecom_external_userid = fields.Char(
        string="WeCom External User ID",
        index="btree_not_null",
        copy=False,
        help="The customer's id in the company's WeCom customer service.",
    )

    @api.depends("cs_category_ids.high_value", "commercial_partner_id.cs_category_ids.high_value")
    def _compute_cs_high_value(self):
        # as superuser: only the flag counts, not who may read the categories
        for partner in self.sudo():
            categories = partner.cs_category_ids | partner.commercial_partner_id.cs_category_ids
            partner.cs_high_value = any(categories.mapped("high_value"))

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

    def _compute_cs_channel_summary(self):
        """One customer, every channel: the addresses and numbers the customer
        and its contacts reach the department from, and their tickets per
        channel (one grouped read for all the customers shown)."""
        Ticket = self.env["helpdesk.ticket"]
        counts = defaultdict(list)
        if Ticket.has_access("read"):
            groups = Ticket._read_group(
                [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
                ["commercial_partner_id", "channel_id"],
                ["__count"],
                order="commercial_partner_id, channel_id",
            )
            for partner, channel, count in groups:
                counts[partner.id].append((channel.name or self.env._("No channel"), count))
        heads = (
            self.env._("Contact"),
            self.env._("E-mail"),
            self.env._("Phone"),
            self.env._("WeChat"),
        )
        channel_heads = (self.env._("Channel"), self.env._("Tickets"))
        row = Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
        for partner in self:
            contacts = partner.commercial_partner_id | partner.commercial_partner_id.child_ids
            identities = Markup("").join(
                row
                % (
                    contact.name or "",
                    contact.email or "",
                    ", ".join(filter(None, (contact.phone, contact.mobile))),
                    ", ".join(
                        filter(None, (contact.cs_wechat_openid, contact.cs_wecom_external_userid))
                    ),
                )
                for contact in contacts
                if contact.email
                or contact.phone
                or contact.mobile
                or contact.cs_wechat_openid
                or contact.cs_wecom_external_userid
            )
            channels = Markup("").join(
                Markup("<tr><td>%s</td><td class='text-end'>%s</td></tr>") % line
                for line in counts.get(partner.commercial_partner_id.id, [])
            )
            partner.cs_channel_summary = Markup(
                "<table class='table table-sm o_cs_channel_identities'><thead><tr>"
                "<th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>%s</tbody></table>"
                "<table class='table table-sm o_cs_channel_tickets'><thead><tr>"
                "<th>%s</th><th class='text-end'>%s</th></tr></thead><tbody>%s</tbody></table>"
            ) % (*heads, identities, *channel_heads, channels)

    @api.constrains("cs_wechat_openid", "cs_wecom_external_userid", "company_id")
    def _check_cs_wechat_ids(self):
        Partner = self.with_context(active_test=False)
        for field in ("cs_wechat_openid", "cs_wecom_external_userid"):
            values = [value for value in self.mapped(field) if value]
            if not values:
                continue
            twice = Partner._read_group(
                [(field, "in", values)], [field, "company_id"], having=[("__count", ">", 1)]
            )
            if twice:
                raise ValidationError(
                    self.env._(
                        "The WeChat id %(wechat_id)s already belongs to another contact "
                        "of the company.",
                        wechat_id=twice[0][0],
                    )
                )

    @api.depends("phone", "mobile")
    def _compute_cs_phone_normalized(self):
        for partner in self:
            partner.cs_phone_normalized = cs_normalize_phone(partner.phone)
            partner.cs_mobile_normalized = cs_normalize_phone(partner.mobile)

    # ------------------------------------------------------------------ CRUD

    def _cs_computed_fields(self):
        """Fields the suite computes on customers: no client writes them
        (a client setting the high-value flag or a credit grade would skip the
        categories or the approvals they come from). Modules add theirs."""
        return {"cs_high_value"}

    def _cs_check_computed_fields(self, fnames):
        written = self._cs_computed_fields() & set(fnames)
        if written and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(fields)s: computed for the customer, not written.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(written)
                    ),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_check_computed_fields(
            set().union(*vals_list)
            | {key[8:] for key in self.env.context if key.startswith("default_")}
        )
        # Secret levels come from an approved request (which writes as superuser).
        if not self.env.su and any(
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
        self._cs_check_computed_fields(vals)
        if "cs_confidentiality" in vals and not self.env.su:
            changing = self.filtered(lambda p: p.cs_confidentiality != vals["cs_confidentiality"])
            if changing:
                raise UserError(
                    self.env._(
                        "%(names)s: a customer's confidentiality level changes only through "
                        "a confidentiality request reviewed by the manager and approved by "
                        "the general manager.",
                        names=", ".join(changing.mapped("display_name")),
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

    def action_cs_hand_to_sales(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Hand Over to Sales"),
            "res_model": "cs.handover.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": [fields.Command.set(self.ids)]},
        }

    def action_cs_view_tickets_by_channel(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt.helpdesk_ticket_action"
        )
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"group_by": ["channel_id"]}
        return action

    def action_cs_log_call(self):
        self.ensure_one()
        return self.env["cs.log.call.wizard"]._cs_open(
            partner=self, number=self.mobile or self.phone
        )

    @api.model
    def _cs_find_by_phone(self, number):
        """The contacts whose phone or mobile is ``number``, however written."""
        normalized = cs_normalize_phone(number)
        if not normalized:
            return self.browse()
        return self.search(
            [
                "|",
                ("cs_phone_normalized", "=", normalized),
                ("cs_mobile_normalized", "=", normalized),
            ]
        )

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
    def _cs_get_param(self, key, default, module="cs_service_dept"):
        """The setting ``module.key`` of the suite, typed like ``default`` (its
        value when unset or not a number)."""
        value = self.env["ir.config_parameter"].sudo().get_param(f"{module}.{key}")
        if value in (None, False, ""):
            return default
        if isinstance(default, bool):
            return value not in ("0", "False", "false")
        try:
            return int(value)
        except ValueError:
            return default

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
        # The history is read by everyone: in the company's language, whoever (or
        # whichever scheduled action) assigns.
        chatter_env = self.with_context(lang=self.env.company.partner_id.lang or self.env.lang).env
        for partner, user in plan.items():
            by_user[user] |= partner
            if partner.cs_specialist_id:
                bodies[partner.id] = chatter_env._(
                    "Reassigned from %(old)s to %(new)s.",
                    old=partner.cs_specialist_id.name,
                    new=user.name,
                )
            else:
                bodies[partner.id] = chatter_env._("Assigned to %(new)s.", new=user.name)
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
        for user, user_partners in by_user.items():
            # The activity is the specialist's: in their language.
            user_env = self.with_context(lang=user.lang or self.env.lang).env
            summary = user_env._("Record the customer's details")
            note = Markup("<p>%s</p>") % user_env._(
                "Contact the salesperson within 7 days and record the customer's details (备案)."
            )
            user_partners.sudo().with_context(mail_activity_quick_update=True).activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=deadline,
                summary=summary,
                note=note,
                user_id=user.id,
            )

    # ------------------------------------------------------------ hand-over

    def _cs_hand_to_sales(self, reason):
        """Hand customers explicitly to sales (rule 4): sales follows them up and the
        dormancy rules leave them alone until sales is silent for too long (rule 3).
        The planned dormancy follow-ups are cancelled; the date and reason go to the
        chatter."""
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise UserError(self.env._("Only customer service hands customers over to sales."))
        self.check_access("write")
        reason = (reason or "").strip()
        if not reason:
            raise UserError(self.env._("Give the reason for handing the customer to sales."))
        today = self.env["cs.followup"]._cs_today()
        self.sudo().write(
            {
                "cs_owner": "sales",
                "cs_handover_date": today,
                "cs_handover_reason": reason,
                "cs_dormancy_todo": False,
            }
        )
        planned = (
            self.env["cs.followup"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.ids),
                    ("state", "=", "planned"),
                    ("rule", "!=", "manual"),
                ]
            )
        )
        planned.write({"state": "cancelled"})
        planned.activity_id.unlink()
        body = self.env._(
            "Handed over to sales on %(date)s: %(reason)s",
            date=fields.Date.to_string(today),
            reason=reason,
        )
        self.sudo()._message_log_batch({partner.id: body for partner in self})
