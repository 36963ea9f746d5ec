# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from markupsafe import Markup, escape

from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_datetime, html2plaintext
from odoo.tools.mail import email_normalize, email_re

TICKET_COMMAND = "/ticket"
# A telephone number written in a chat: digits with spaces, dashes, dots or
# brackets, perhaps "+86" or "0086" in front.
PHONE_RE = re.compile(r"(?:\+|\b00)?\d[\d\s\-.()]{5,}\d")
PHONE_MIN_DIGITS = 7


class DiscussChannel(models.Model):
    """Live chat → ticket (在线客服转工单): the ``/ticket`` command of the
    operator, as ``crm_livechat``'s ``/lead``."""

    _inherit = "discuss.channel"

    cs_ticket_ids = fields.One2many(
        "helpdesk.ticket", "cs_livechat_channel_id", string="Tickets", readonly=True
    )

    def execute_command_ticket(self, **kwargs):
        """``/ticket title``: a ticket of the channel Chat from this live chat;
        the operator is told the result in the chat (a transient message)."""
        self.ensure_one()
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(
                self.env._("Only customer service staff can turn a live chat into a ticket.")
            )
        self.check_access("read")
        if self.channel_type != "livechat":
            raise UserError(self.env._("Only a live chat can be turned into a ticket."))
        text = html2plaintext(kwargs.get("body") or "").strip()
        if text.startswith(TICKET_COMMAND):
            text = text[len(TICKET_COMMAND) :].strip()
        ticket, message = self._cs_convert_visitor_to_ticket(text)
        self.env.user._bus_send_transient_message(self, message)
        return ticket.id or False

    def _cs_convert_visitor_to_ticket(self, title=""):
        """The ticket of this chat, created unless it has one or the visitor
        wrote nothing, and the message telling the operator.

        :return: (ticket or an empty recordset, message to the operator)
        """
        self.ensure_one()
        # sudo: helpdesk.ticket - the operator may not see a ticket another one
        # created from this chat; it must not be created twice.
        existing = (
            self.env["helpdesk.ticket"]
            .sudo()
            .search([("cs_livechat_channel_id", "=", self.id)], limit=1)
        )
        if existing:
            return self.env["helpdesk.ticket"], self.env._(
                "This chat is already ticket %(ticket)s: no new ticket created.",
                ticket=existing._get_html_link(title=existing.display_name),
            )
        messages = self._cs_chat_messages()
        visitors = self._cs_visitor_partners()
        visitor_messages = messages.filtered(
            lambda m: (
                (m.author_guest_id or m.author_id in visitors)
                and html2plaintext(m.body or "").strip()
            )
        )
        if not visitor_messages:
            return self.env["helpdesk.ticket"], self.env._(
                "The visitor has not written anything yet: there is nothing to turn into a ticket."
            )
        customer, note = self._cs_chat_customer(visitors, visitor_messages)
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": title
                or self.env._(
                    "Live chat with %(visitor)s",
                    visitor=customer.name or self._cs_visitor_name(),
                ),
                "description": self._cs_chat_transcript(messages),
                "channel_id": self.env.ref("cs_service_dept.helpdesk_ticket_channel_chat").id,
                "team_id": self._cs_chat_team().id,
                "partner_id": customer.id,
                "user_id": self.env.user.id,
                "cs_livechat_channel_id": self.id,
            }
        )
        if customer:
            # the replies reach the customer by e-mail once the chat is closed
            ticket.message_subscribe(customer.ids)
        if note:
            ticket.message_post(body=note, subtype_xmlid="mail.mt_note")
        return ticket, self.env._(
            "Created ticket %(ticket)s.",
            ticket=ticket._get_html_link(title=ticket.display_name),
        )

    def _cs_chat_messages(self):
        """What people wrote in the chat (not the notifications), in order."""
        return self.message_ids.filtered(lambda m: m.message_type == "comment").sorted("id")

    def _cs_visitor_partners(self):
        """The members who are not staff: neither an internal user, nor the
        operator, nor a chat bot."""
        # sudo: chatbot.script - the partners chat bots post as
        bots = self.env["chatbot.script"].sudo().search([]).operator_partner_id
        return self.with_context(active_test=False).channel_partner_ids.filtered(
            lambda p: p.partner_share and p != self.livechat_operator_id and p not in bots
        )

    def _cs_visitor_name(self):
        guests = self.channel_member_ids.guest_id
        return self.anonymous_name or guests[:1].name or self.env._("Visitor")

    def _cs_chat_transcript(self, messages):
        """The messages as HTML: author, time (in the operator's time zone) and
        text, everything escaped."""
        paragraphs = []
        for message in messages:
            author = message.author_id.name or message.author_guest_id.name
            text = html2plaintext(message.body or "").strip()
            if message.attachment_ids:
                text = "\n".join(filter(None, [text, *message.attachment_ids.mapped("name")]))
            lines = Markup("<br/>").join(escape(line) for line in text.splitlines())
            paragraphs.append(
                Markup("<p><strong>%s</strong> <small>%s</small><br/>%s</p>")
                % (
                    author or self._cs_visitor_name(),
                    format_datetime(self.env, message.date, tz=self.env.user.tz),
                    lines,
                )
            )
        return Markup("").join(paragraphs)

    def _cs_chat_team(self):
        """The team of chat tickets: the setting, else the operator's first
        team, else the company's first team."""
        Team = self.env["helpdesk.ticket.team"].sudo()
        team_id = self.env["res.partner"]._cs_get_param("livechat_team_id", 0)
        team = Team.browse(team_id).exists() if team_id else Team
        if not team:
            team = Team.search([("user_ids", "in", self.env.user.id)], limit=1)
        if not team:
            team = Team.search([("company_id", "in", [self.env.company.id, False])], limit=1)
        return team

    def _cs_chat_customer(self, visitors, visitor_messages):
        """The customer of the chat and, when none is certain, a note for the
        ticket: the visitor's own contact when logged in, else the contact of
        an e-mail address or a telephone number given in the chat (created when
        unknown)."""
        Partner = self.env["res.partner"]
        # crm_livechat's rule: a public user among the members makes the chat
        # anonymous; otherwise the members who are not staff are the customer.
        if visitors and not any(p.is_public for p in visitors):
            return visitors[:1], None
        texts = [html2plaintext(m.body or "") for m in visitor_messages]
        email = next(
            (email_normalize(found) for text in texts for found in email_re.findall(text)),
            None,
        )
        phone = next(
            (
                found.strip()
                for text in texts
                for found in PHONE_RE.findall(text)
                if len(re.sub(r"\D", "", found)) >= PHONE_MIN_DIGITS
            ),
            None,
        )
        if email:
            partner = self.env["mail.thread"]._mail_find_partner_from_emails([email])[0]
            if partner:
                return partner, None
        if phone:
            partners = Partner._cs_find_by_phone(phone)
            if len(partners) == 1:
                return partners, None
            if partners:
                return Partner, self.env._(
                    "The number %(phone)s given in the chat belongs to several contacts "
                    "(%(names)s): choose the customer.",
                    phone=phone,
                    names=", ".join(partners.mapped("display_name")),
                )
        if email or phone:
            partner = Partner.create(
                {
                    "name": email or phone,
                    "email": email or False,
                    "phone": phone or False,
                }
            )
            return partner, self.env._(
                "New contact %(contact)s created from the details given in the chat.",
                contact=partner._get_html_link(title=partner.display_name),
            )
        return Partner, self.env._(
            "The visitor gave no e-mail address or telephone number in the chat: "
            "the ticket has no customer yet."
        )
