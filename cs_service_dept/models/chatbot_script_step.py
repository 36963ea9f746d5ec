# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.tools import html2plaintext, plaintext2html

KB_ANSWER_LIMIT = 3


class ChatbotScriptStep(models.Model):
    """Chat bot steps of the department (#17, out of hours): answer what the
    visitor asked from the knowledge base, and open a ticket with the chat."""

    _inherit = "chatbot.script.step"

    step_type = fields.Selection(
        selection_add=[
            ("cs_kb_answer", "Answer from Knowledge Base"),
            ("cs_create_ticket", "Create Ticket"),
        ],
        ondelete={"cs_kb_answer": "cascade", "cs_create_ticket": "cascade"},
    )
    cs_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Ticket Team",
        ondelete="set null",
        help="'Create Ticket' steps: the team of the ticket. Empty: the team whose "
        "working hours the chat's out-of-hours rule follows, else the live chat team of "
        "the settings.",
    )

    def _process_step(self, discuss_channel):
        self.ensure_one()
        if self.step_type == "cs_kb_answer":
            # sudo: discuss.channel - the bot moves the chat to its step, as core does
            discuss_channel.sudo().chatbot_current_step_id = self.id
            return self._cs_process_step_kb_answer(discuss_channel)
        posted_message = super()._process_step(discuss_channel)
        if self.step_type == "cs_create_ticket":
            self._cs_process_step_create_ticket(discuss_channel)
        return posted_message

    def _cs_process_step_kb_answer(self, discuss_channel):
        """Post the best published articles for the visitor's last message."""
        bot = self.chatbot_script_id.operator_partner_id
        asked = (
            discuss_channel.message_ids.filtered(
                lambda m: m.message_type == "comment" and m.author_id != bot
            )
            .sorted("id", reverse=True)[:1]
            .body
        )
        # sudo: cs.knowledge.article - the visitor reads published answers only
        suggestions = (
            self.env["cs.knowledge.article"]
            .sudo()
            ._cs_suggest(html2plaintext(asked or ""), limit=KB_ANSWER_LIMIT)
        )
        if not suggestions:
            body = plaintext2html(self.env._("I found no article answering your question."))
        else:
            lang = self.env.context.get("lang") or self.env.user.lang
            parts = [plaintext2html(self.message)] if self.message else []
            for article, __ in suggestions:
                question, answer = article._cs_answer_in(lang)
                parts.append(Markup("<p><b>%s</b></p>%s") % (question, answer))
            body = Markup("").join(parts)
        return discuss_channel._chatbot_post_message(self.chatbot_script_id, body)

    def _cs_rule_team(self, discuss_channel):
        """The team whose working hours the out-of-hours rule of the chat's
        live chat channel follows, for this step's script: the ticket goes
        where the bot answered for, and its answer is due on that calendar."""
        rules = discuss_channel.livechat_channel_id.rule_ids.filtered(
            lambda r: r.chatbot_script_id == self.chatbot_script_id and r.cs_outside_working_hours
        )
        return rules.sorted("sequence").cs_team_id[:1]

    def _cs_process_step_create_ticket(self, discuss_channel):
        """A chat ticket with the conversation, for the contact the visitor gave."""
        values = self._chatbot_prepare_customer_values(
            discuss_channel, create_partner=False, update_partner=False
        )
        # sudo: helpdesk.ticket - the visitor (public) asks for a ticket through the bot
        Ticket = self.env["helpdesk.ticket"].sudo()
        channel = discuss_channel.sudo()
        if Ticket.search_count([("cs_livechat_channel_id", "=", channel.id)]):
            return Ticket
        messages = channel._cs_chat_messages()
        visitors = channel._cs_visitor_partners()
        customer, note = channel._cs_chat_customer(
            visitors, messages.filtered(lambda m: m.author_guest_id or m.author_id in visitors)
        )
        ticket = Ticket.create(
            {
                "name": self.env._(
                    "Out-of-hours chat: %(script)s", script=self.chatbot_script_id.title
                ),
                "description": values["description"] + channel._cs_chat_transcript(messages),
                "channel_id": self.env.ref("cs_service_dept.helpdesk_ticket_channel_chat").id,
                "team_id": (
                    self.cs_team_id or self._cs_rule_team(channel) or channel._cs_chat_team()
                ).id,
                "partner_id": customer.id,
                # not helpdesk_mgmt's default, the current user: the visitor
                # (public) here; the customer's specialist or the team's
                "user_id": False,
                "cs_livechat_channel_id": channel.id,
                # recognised from what an anonymous visitor typed: anyone may
                # type a customer's address; confirmed before the chat is answered
                "cs_identity_to_check": bool(customer) and self.env.user._is_public(),
            }
        )
        if not ticket.user_id:
            ticket._cs_assign_balanced()
        if customer:
            ticket.message_subscribe(customer.ids)
        if note:
            ticket.message_post(body=note, subtype_xmlid="mail.mt_note")
        ticket._cs_livechat_schedule_answer()
        return ticket
