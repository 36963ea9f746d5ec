# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pytz import timezone, utc

from odoo import fields, models
from odoo.tools import format_datetime


class HelpdeskTicket(models.Model):
    """Tickets from a live chat (see ``discuss.channel``'s ``/ticket``): while
    the chat is open, the public replies on the ticket are posted into it; once
    it is closed they go by e-mail as every reply."""

    _inherit = "helpdesk.ticket"

    cs_livechat_channel_id = fields.Many2one(
        "discuss.channel",
        string="Live Chat",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The live chat this ticket was created from.",
    )
    cs_livechat_active = fields.Boolean(
        string="Live Chat Open",
        related="cs_livechat_channel_id.livechat_active",
        help="Public replies are also posted into the chat while it is open.",
    )

    _sql_constraints = [
        (
            "cs_livechat_channel_unique",
            "unique(cs_livechat_channel_id)",
            "A live chat can be turned into one ticket only.",
        ),
    ]

    def _message_post_after_hook(self, message, msg_vals):
        self._cs_livechat_relay(message)
        return super()._message_post_after_hook(message, msg_vals)

    def _cs_livechat_relay(self, message):
        """Post a public reply of staff into the ticket's chat while it is open,
        once the visitor's identity is known (an anonymous visitor who typed a
        customer's address is not shown the answers meant for that customer)."""
        # sudo: discuss.channel - the replying user need not be a member of the chat
        channel = self.cs_livechat_channel_id.sudo()
        if (
            self.cs_identity_required
            or not channel.livechat_active
            or message.message_type != "comment"
            or message.subtype_id != self.env.ref("mail.mt_comment")
            or not any(user._is_internal() for user in message.author_id.user_ids)
        ):
            return
        attachments = message.attachment_ids.sudo().copy(
            {"res_model": "discuss.channel", "res_id": channel.id}
        )
        channel.with_context(mail_create_nosubscribe=True).message_post(
            author_id=message.author_id.id,
            body=message.body,
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _cs_livechat_schedule_answer(self):
        """A chat bot opened these tickets (out of hours, or no operator was
        online): their specialist gets an activity to answer the customer, due
        at the next working hour of the team's calendar (the company's when
        the team has none), in the specialist's language and time zone."""
        now = fields.Datetime.now()
        for ticket in self.filtered("user_id"):
            user = ticket.user_id
            calendar = ticket.team_id.resource_calendar_id or ticket.company_id.resource_calendar_id
            due = (calendar and calendar._cs_next_work_time(now)) or now
            tz = user.tz or calendar.tz or "UTC"
            localized = ticket.with_context(lang=user.lang or self.env.lang)
            when = format_datetime(localized.env, due, tz=tz, dt_format="short")
            if due == now:
                # in working hours: the bot answered as no operator was online
                summary = localized.env._("Answer the chat no operator took")
                note = localized.env._(
                    "No operator was online when the customer asked the chat bot at "
                    "%(due)s; answer them now.",
                    due=when,
                )
            else:
                summary = localized.env._("Answer the out-of-hours chat")
                note = localized.env._(
                    "The customer asked the chat bot out of hours; answer them from "
                    "%(due)s, the next working hour.",
                    due=when,
                )
            # no "assigned to you" e-mail: its author would be the visitor (the
            # public user, without an address); the activity waits in their list
            localized.with_context(mail_activity_quick_update=True).activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=utc.localize(due).astimezone(timezone(tz)).date(),
                summary=summary,
                note=note,
                user_id=user.id,
            )
