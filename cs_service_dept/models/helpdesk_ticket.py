# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL, html2plaintext

# The documents of a return or an exchange, and their count on the ticket.
RETURN_DOCUMENTS = {
    "stock.picking": "cs_return_count",
    "account.move": "cs_credit_note_count",
    "sale.order": "cs_replacement_count",
}
# Priority given by the request type when the ticket is created without one.
TYPE_PRIORITY = {"complaint": "2", "repair": "1", "consultation": "1", "suggestion": "0"}
SUGGESTION_LIMIT = 5


class HelpdeskTicket(models.Model):
    _name = "helpdesk.ticket"
    _inherit = [
        "helpdesk.ticket",
        "cs.complaint.mixin",
        "cs.intake.mixin",
        "cs.wechat.mixin",
        "cs.triage.mixin",
    ]

    cs_request_type = fields.Selection(
        selection=[
            ("consultation", "Consultation"),
            ("complaint", "Complaint"),
            ("repair", "Repair"),
            ("suggestion", "Suggestion"),
        ],
        string="Request Type",
        default="consultation",
        required=True,
        tracking=True,
        index=True,
    )
    cs_identity_confirmed = fields.Boolean(
        string="Identity Confirmed",
        copy=False,
        tracking=True,
        help="Phone requests: the caller's identity was checked against the customer file.",
    )
    cs_identity_to_check = fields.Boolean(
        string="Identity to Check",
        copy=False,
        readonly=True,
        help="The customer was recognised from an e-mail address or a telephone number "
        "an anonymous chat visitor typed: who they are is confirmed before they are "
        "answered in the chat.",
    )
    cs_identity_required = fields.Boolean(
        string="Identity Check Needed",
        compute="_compute_cs_identity_required",
        help="A phone request whose caller, or a chat whose anonymous visitor, has not "
        "been identified yet.",
    )
    cs_first_response_date = fields.Datetime(
        string="First Response",
        copy=False,
        readonly=True,
        help="When the customer was first answered (first message sent to them).",
    )
    cs_handling_hours = fields.Float(
        string="Handling Hours",
        compute="_compute_cs_handling_hours",
        store=True,
        help="Hours from creation to closing.",
    )
    cs_handling_working_hours = fields.Float(
        string="Handling Working Hours",
        compute="_compute_cs_working_hours",
        store=True,
        help="Working hours of the team's calendar (the company's when the team has none) "
        "from creation to closing: nights, weekends and holidays do not count.",
    )
    cs_first_response_working_hours = fields.Float(
        string="First Response Working Hours",
        compute="_compute_cs_working_hours",
        store=True,
        help="Working hours of the team's calendar from creation to the first response.",
    )
    cs_escalated_count = fields.Integer(string="Escalations", copy=False, readonly=True)
    cs_reopened_count = fields.Integer(string="Reopenings", copy=False, readonly=True)
    cs_first_contact_resolution = fields.Boolean(
        string="First-contact Resolution",
        compute="_compute_cs_first_contact_resolution",
        store=True,
        help="Closed without escalation or reopening.",
    )
    cs_article_ids = fields.Many2many(
        comodel_name="cs.knowledge.article",
        relation="cs_knowledge_article_helpdesk_ticket_rel",
        column1="ticket_id",
        column2="article_id",
        string="Articles Used",
        copy=False,
    )
    cs_suggested_article_ids = fields.Many2many(
        comodel_name="cs.knowledge.article",
        string="Suggested Articles",
        compute="_compute_cs_suggested_article_ids",
    )
    cs_suggestion_reasons = fields.Html(
        string="Why These Articles",
        compute="_compute_cs_suggested_article_ids",
        sanitize=False,
        help="The words of the ticket each suggested article matched, strongest first.",
    )
    cs_can_create_article = fields.Boolean(
        string="Can Create Article",
        compute="_compute_cs_can_create_article",
        help="Answered or closed without an article: its answer can become one.",
    )
    cs_reward_penalty_ids = fields.One2many(
        comodel_name="cs.reward.penalty",
        inverse_name="ticket_id",
        string="Reward/Penalty Notices",
    )
    cs_reward_penalty_count = fields.Integer(
        string="Notices", compute="_compute_cs_reward_penalty_count"
    )
    cs_repair_ids = fields.One2many("repair.order", "ticket_id", string="Repairs")
    cs_repair_count = fields.Integer(string="Repair Count", compute="_compute_cs_repair_count")
    # returns and exchanges (退换): wizards/cs_return_wizard.py
    cs_return_outcome = fields.Selection(
        [("return", "Return"), ("exchange", "Exchange")],
        string="Return or Exchange",
        readonly=True,
        copy=False,
        tracking=True,
    )
    cs_return_picking_ids = fields.One2many("stock.picking", "cs_ticket_id", string="Returns")
    cs_credit_note_ids = fields.One2many("account.move", "cs_ticket_id", string="Credit Notes")
    cs_replacement_order_ids = fields.One2many(
        "sale.order", "cs_ticket_id", string="Replacement Orders"
    )
    cs_return_count = fields.Integer(string="Return Count", compute="_compute_cs_return_counts")
    cs_credit_note_count = fields.Integer(
        string="Credit Note Count", compute="_compute_cs_return_counts"
    )
    cs_replacement_count = fields.Integer(
        string="Replacements", compute="_compute_cs_return_counts"
    )

    @api.depends("channel_id", "cs_identity_to_check", "cs_identity_confirmed")
    def _compute_cs_identity_required(self):
        phone = self._cs_phone_channel()
        for ticket in self:
            ticket.cs_identity_required = not ticket.cs_identity_confirmed and (
                (bool(phone) and ticket.channel_id == phone) or ticket.cs_identity_to_check
            )

    @api.depends("create_date", "closed_date")
    def _compute_cs_handling_hours(self):
        for ticket in self:
            if ticket.create_date and ticket.closed_date:
                delta = ticket.closed_date - ticket.create_date
                ticket.cs_handling_hours = delta.total_seconds() / 3600
            else:
                ticket.cs_handling_hours = 0.0

    @api.depends(
        "create_date",
        "closed_date",
        "cs_first_response_date",
        "team_id.resource_calendar_id",
        "company_id.resource_calendar_id",
    )
    def _compute_cs_working_hours(self):
        by_calendar = self.grouped(
            lambda t: t.team_id.resource_calendar_id or t.company_id.resource_calendar_id
        )
        for calendar, tickets in by_calendar.items():
            if not calendar:
                tickets.cs_handling_working_hours = 0.0
                tickets.cs_first_response_working_hours = 0.0
                continue
            spans = [(t.create_date, t.closed_date) for t in tickets]
            spans += [(t.create_date, t.cs_first_response_date) for t in tickets]
            hours = calendar._cs_work_hours_batch(spans)
            for ticket, handling, first in zip(
                tickets, hours[: len(tickets)], hours[len(tickets) :], strict=True
            ):
                ticket.cs_handling_working_hours = handling
                ticket.cs_first_response_working_hours = first

    @api.depends("closed_date", "cs_escalated_count", "cs_reopened_count")
    def _compute_cs_first_contact_resolution(self):
        for ticket in self:
            ticket.cs_first_contact_resolution = bool(
                ticket.closed_date
                and not ticket.cs_escalated_count
                and not ticket.cs_reopened_count
            )

    @api.depends("name", "description")
    def _compute_cs_suggested_article_ids(self):
        Article = self.env["cs.knowledge.article"]
        label = self.env._("matched")
        for ticket in self:
            text = Markup("<p>%s</p>%s") % (ticket.name or "", ticket.description or "")
            limit = SUGGESTION_LIMIT + len(ticket.cs_article_ids)
            suggestions = [
                (article, terms)
                for article, terms in Article._cs_suggest(text, limit=limit, is_html=True)
                if article not in ticket.cs_article_ids
            ][:SUGGESTION_LIMIT]
            ticket.cs_suggested_article_ids = [article.id for article, __ in suggestions]
            reasons = Markup("").join(
                Markup("<li><b>%s</b> (%s: %s)</li>") % (article.name, label, ", ".join(terms[:6]))
                for article, terms in suggestions
            )
            ticket.cs_suggestion_reasons = reasons and Markup("<ul>%s</ul>") % reasons

    @api.depends("closed", "cs_first_response_date", "cs_article_ids")
    def _compute_cs_can_create_article(self):
        for ticket in self:
            ticket.cs_can_create_article = bool(
                (ticket.closed or ticket.cs_first_response_date) and not ticket.cs_article_ids
            )

    def _compute_cs_reward_penalty_count(self):
        if not self.env["cs.reward.penalty"].has_access("read"):
            # e.g. the responsible department's contact, outside the department
            self.cs_reward_penalty_count = 0
            return
        counts = dict(
            self.env["cs.reward.penalty"]._read_group(
                [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
            )
        )
        for ticket in self:
            ticket.cs_reward_penalty_count = counts.get(ticket, 0)

    def _compute_cs_repair_count(self):
        counts = {}
        if self.env["repair.order"].has_access("read"):
            counts = dict(
                self.env["repair.order"]._read_group(
                    [("ticket_id", "in", self.ids)], ["ticket_id"], ["__count"]
                )
            )
        for ticket in self:
            ticket.cs_repair_count = counts.get(ticket, 0)

    def _compute_cs_return_counts(self):
        # the documents' own rules decide what the smart buttons open; the
        # number of documents linked to a ticket one may read is no secret
        counts = {
            model: dict(
                self.env[model]
                .sudo()
                ._read_group([("cs_ticket_id", "in", self.ids)], ["cs_ticket_id"], ["__count"])
            )
            for model in RETURN_DOCUMENTS
        }
        for ticket in self:
            for model, fname in RETURN_DOCUMENTS.items():
                ticket[fname] = counts[model].get(ticket, 0)

    @api.onchange("partner_id")
    def _onchange_partner_id_cs_specialist(self):
        specialist = self.partner_id.commercial_partner_id.cs_specialist_id or (
            self.partner_id.cs_specialist_id
        )
        if specialist and not self.user_id:
            self.user_id = specialist

    @api.onchange("cs_request_type")
    def _onchange_cs_request_type(self):
        self.priority = self._cs_default_priority(self.cs_request_type, self.partner_id)

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        partners = self.env["res.partner"].browse(
            {vals["partner_id"] for vals in vals_list if vals.get("partner_id")}
        )
        for vals in vals_list:
            request_type = vals.get("cs_request_type") or self.env.context.get(
                "default_cs_request_type", "consultation"
            )
            partner = partners.browse(vals.get("partner_id"))
            if "priority" not in vals and not self.env.context.get("default_priority"):
                vals["priority"] = self._cs_default_priority(request_type, partner)
            if request_type == "complaint" and not vals.get("cs_complaint_state"):
                vals["cs_complaint_state"] = "registered"
            if partner and not vals.get("user_id"):
                specialist = partner.cs_specialist_id or (
                    partner.commercial_partner_id.cs_specialist_id
                )
                if specialist:
                    vals["user_id"] = specialist.id
        to_balance = [
            vals
            for vals in vals_list
            if vals.get("team_id") and not vals.get("user_id") and "user_id" not in vals
        ]
        if to_balance:
            teams = self.env["helpdesk.ticket.team"].browse({v["team_id"] for v in to_balance})
            picker = self._cs_balanced_picker(teams)
            for vals in to_balance:
                user = picker(teams.browse(vals["team_id"]))
                if user:
                    vals["user_id"] = user.id
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("stage_id"):
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if not stage.unattended:
                self._cs_check_identity()
            if not stage.closed:
                reopened = self.filtered("closed")
                if reopened:
                    for ticket in reopened:
                        # few records: a reopening is a user action on one ticket
                        super(HelpdeskTicket, ticket).write(
                            {"cs_reopened_count": ticket.cs_reopened_count + 1}
                        )
        result = super().write(vals)
        if vals.get("cs_first_response_date"):
            self.ticket_sla_ids._cs_first_response_reached()
        return result

    # ---------------------------------------------------
    # Mail
    # ---------------------------------------------------

    def _message_post_after_hook(self, message, msg_vals):
        # First response: the first public message an internal user sends.
        if (
            not self.cs_first_response_date
            and message.message_type in ("comment", "email_outgoing")
            and message.subtype_id
            and not message.subtype_id.internal
            and message.author_id
            and message.author_id != self.partner_id
            and any(not user.share for user in message.author_id.user_ids)
        ):
            self.sudo().cs_first_response_date = message.create_date or fields.Datetime.now()
        return super()._message_post_after_hook(message, msg_vals)

    # ---------------------------------------------------
    # SLA (OCA helpdesk_mgmt_sla): models/helpdesk_ticket_sla.py
    # ---------------------------------------------------

    def set_sla(self):
        """OCA's (at creation, and public): the lines are created as superuser
        once the user may edit the tickets; clients create no line."""
        self.check_access("write")
        return super(HelpdeskTicket, self.sudo()).set_sla()

    def refresh_sla(self):
        """OCA's "Set SLA" button: as superuser once the user may edit the ticket."""
        self.check_access("write")
        return super(HelpdeskTicket, self.sudo()).refresh_sla()

    def _get_sla_ticket_domain(self):
        return [
            *super()._get_sla_ticket_domain(),
            # read as superuser (set_sla): the ticket's company's SLAs only
            ("company_id", "in", [False, self.company_id.id]),
            "|",
            ("cs_request_type", "=", False),
            ("cs_request_type", "=", self.cs_request_type),
        ]

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    def action_cs_confirm_identity(self):
        self.write({"cs_identity_confirmed": True})
        for ticket in self:
            ticket.message_post(
                body=self.env._("The caller's identity was confirmed."),
                subtype_xmlid="mail.mt_note",
            )

    def action_cs_escalate(self):
        """Hand an unanswered request over to the team's escalation team."""
        for ticket in self:
            if not ticket.team_id.cs_escalation_team_id:
                raise UserError(
                    self.env._(
                        "The team of %(ticket)s has no escalation team.",
                        ticket=ticket.display_name,
                    )
                )
        for ticket in self:
            target = ticket.team_id.cs_escalation_team_id
            ticket.write(
                {
                    "team_id": target.id,
                    "user_id": False,
                    "cs_escalated_count": ticket.cs_escalated_count + 1,
                }
            )
            ticket.message_post(
                body=self.env._("Escalated to the team %(team)s.", team=target.name),
                subtype_xmlid="mail.mt_note",
            )
        self.filtered(lambda t: not t.user_id)._cs_assign_balanced()

    def action_cs_answer_with_article(self, article):
        """Draft the reply to the customer with the article's answer, in the
        customer's script (zh_TW customers read Traditional), in the composer
        to check and send; the article is counted as used."""
        self.ensure_one()
        article.ensure_one()
        self.check_access("write")
        subject, body = article._cs_answer_in(self.partner_id.lang or self.env.lang)
        self.cs_article_ids = [Command.link(article.id)]
        article.sudo().use_count += 1
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Answer with an Article"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_subject": subject,
                "default_body": body,
                "default_partner_ids": self.partner_id.ids,
                "default_subtype_id": self.env.ref("mail.mt_comment").id,
            },
        }

    def action_cs_create_article(self):
        """Draft a knowledge article from this answered ticket and open it."""
        self.ensure_one()
        article = self.env["cs.knowledge.article"]._cs_create_from_ticket(self)
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.knowledge.article",
            "res_id": article.id,
            "view_mode": "form",
        }

    def action_cs_create_repair(self):
        """Open a repair (or maintenance) of the ticket's customer, linked both ways."""
        self.ensure_one()
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(self.env._("Only customer service creates repairs from tickets."))
        self.check_access("write")
        if not self.partner_id:
            raise UserError(
                self.env._("Set the customer of %(ticket)s first.", ticket=self.display_name)
            )
        repair = self.env["repair.order"].create(
            {
                "ticket_id": self.id,
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id or self.env.company.id,
                "cs_fault_description": html2plaintext(self.description or "").strip() or self.name,
            }
        )
        self.message_post(
            body=self.env._("Repair %(repair)s created.", repair=repair.name),
            subtype_xmlid="mail.mt_note",
        )
        return repair._cs_open_form()

    def action_cs_return_exchange(self):
        """Open the return or exchange of the ticket's product (退换)."""
        self.ensure_one()
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(self.env._("Only customer service handles returns and exchanges."))
        self.check_access("write")
        if not self.partner_id:
            raise UserError(
                self.env._("Set the customer of %(ticket)s first.", ticket=self.display_name)
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return or Exchange"),
            "res_model": "cs.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_cs_view_returns(self):
        return self._cs_view_return_documents("stock.action_picking_tree_all")

    def action_cs_view_credit_notes(self):
        return self._cs_view_return_documents("account.action_move_out_refund_type")

    def action_cs_view_replacements(self):
        return self._cs_view_return_documents("sale.action_orders")

    def _cs_view_return_documents(self, xmlid):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = [("cs_ticket_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_cs_view_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("repair.action_repair_order_tree")
        action["domain"] = [("ticket_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    @api.model
    def _cs_default_priority(self, request_type, partner):
        """Priority of a new ticket from its request type and its customer's value.

        A customer in a high-value tier (a customer category marked high value, on
        the contact or its company) gets one level more, up to "3". Modules that
        value customers otherwise (e.g. a credit grade) extend this hook.
        """
        priority = int(TYPE_PRIORITY.get(request_type, "1"))
        # the flag is stored on the customer: read with its row, no query of
        # the categories for every ticket created
        if partner.sudo().cs_high_value:
            priority += 1
        return str(min(priority, 3))

    def _cs_check_identity(self):
        for ticket in self:
            if ticket.cs_identity_required:
                raise UserError(
                    self.env._(
                        "Confirm the caller's identity on %(ticket)s first.",
                        ticket=ticket.display_name,
                    )
                )

    @api.model
    def _cs_phone_channel(self):
        return self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone", raise_if_not_found=False)

    def _cs_close_stage(self):
        for ticket in self.filtered(lambda t: not t.closed):
            stage = ticket.team_id._get_applicable_stages().filtered("closed")[:1]
            if not stage:
                stage = self.env["helpdesk.ticket.stage"].search(
                    [("closed", "=", True), ("team_ids", "=", False)], limit=1
                )
            if stage:
                ticket.stage_id = stage

    @api.model
    def _cs_balanced_picker(self, teams):
        """Return a function giving, for a team, its member with the fewest open
        tickets (each pick counts as one more).

        The members and their open tickets are read in one grouped statement for
        all the teams: it runs on every ticket created, before the customer gets
        an answer."""
        self.env["helpdesk.ticket"].flush_model(["team_id", "user_id", "stage_id", "active"])
        self.env["helpdesk.ticket.team"].flush_model(["user_ids"])
        self.env["helpdesk.ticket.stage"].flush_model(["closed"])
        self.env["res.users"].flush_model(["active"])
        rows = self.env.execute_query(
            SQL(
                """
            SELECT member.helpdesk_ticket_team_id, member.res_users_id, COUNT(ticket.id)
              FROM helpdesk_ticket_team_res_users_rel member
              JOIN res_users u ON u.id = member.res_users_id AND u.active
              LEFT JOIN helpdesk_ticket ticket
                     ON ticket.team_id = member.helpdesk_ticket_team_id
                    AND ticket.user_id = member.res_users_id
                    AND ticket.active
                    AND ticket.stage_id IN (SELECT id FROM helpdesk_ticket_stage
                                             WHERE closed IS NOT TRUE)
             WHERE member.helpdesk_ticket_team_id = ANY(%s)
             GROUP BY member.helpdesk_ticket_team_id, member.res_users_id
            """,
                teams.ids,
            )
        )
        load = defaultdict(dict)
        for team_id, user_id, count in rows:
            load[team_id][user_id] = count

        def pick(team):
            members = load.get(team.id)
            if not members:
                return self.env["res.users"]
            user_id = min(members, key=lambda uid: (members[uid], uid))
            members[user_id] += 1
            return self.env["res.users"].browse(user_id)

        return pick

    def _cs_assign_balanced(self):
        """Give each ticket to the member of its team with the fewest open tickets."""
        pick = self._cs_balanced_picker(self.team_id)
        for ticket in self:
            user = pick(ticket.team_id)
            if user:
                ticket.user_id = user
