# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import fields, models
from odoo.tools import html2plaintext

from .cs_wechat import REPLY_WINDOW, CsWechatApiError
from .cs_wechat_message import PLATFORMS

_logger = logging.getLogger(__name__)


class CsWechatMixin(models.AbstractModel):
    """Tickets that came by WeChat: a public reply of the department goes back
    through the platform while its 48-hour window is open; after it, by e-mail
    when the customer has an address (the followers' notification), else as a
    callback activity for the ticket's specialist. ``_cs_wechat_reply_route``
    decides, for the sending and for the e-mail recipients alike."""

    _name = "cs.wechat.mixin"
    _description = "WeChat Ticket"
    _inherit = ["mail.thread"]

    cs_wechat_platform = fields.Selection(
        PLATFORMS, string="WeChat Platform", readonly=True, copy=False
    )
    cs_wechat_last_message_date = fields.Datetime(
        string="Last WeChat Message",
        readonly=True,
        copy=False,
        help="When the customer last wrote on WeChat: replies go back through WeChat "
        "for 48 hours after it.",
    )

    def _cs_wechat_reply_route(self, message):
        """How the message posted on this ticket reaches the customer: "api",
        "email", "activity", or None (not a public reply of the department on a
        WeChat ticket)."""
        self.ensure_one()
        # the ticket's own fields first: most tickets are not WeChat tickets
        if not (
            self.cs_wechat_platform
            and self.partner_id
            and message.message_type == "comment"
            and message.subtype_id
            and not message.subtype_id.internal
            and self.env.user._is_internal()
        ):
            return None
        author_users = message.sudo().author_id.user_ids
        if not (author_users and all(user._is_internal() for user in author_users)):
            return None
        last = self.cs_wechat_last_message_date
        if last and fields.Datetime.now() - last < REPLY_WINDOW:
            return "api"
        return "email" if self.partner_id.email else "activity"

    def _message_post_after_hook(self, message, msg_vals):
        result = super()._message_post_after_hook(message, msg_vals)
        route = self._cs_wechat_reply_route(message)
        if route == "api":
            self._cs_wechat_reply(message)
        elif route == "activity":
            self._cs_wechat_callback_activity()
        return result

    def _notify_get_recipients(self, message, msg_vals, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals, **kwargs)
        # The customer of a WeChat ticket gets e-mails only once the window is
        # closed (else the reply went by WeChat, or no address to write to).
        if (
            len(self) == 1
            and self.cs_wechat_platform
            and self._cs_wechat_reply_route(message) != "email"
        ):
            recipients = [data for data in recipients if data["id"] != self.partner_id.id]
        return recipients

    def _cs_wechat_reply(self, message):
        """Send the reply's text through the platform; a refusal is logged and
        noted on the ticket, never raised."""
        text = html2plaintext(message.body or "").strip()
        if not text:
            return
        ticket = self.sudo()
        try:
            self.env["cs.wechat"].sudo()._cs_wechat_send(ticket, text)
        except CsWechatApiError as error:
            _logger.warning(
                "WeChat reply on ticket %s (id %s) not sent: %s", self.number, self.id, error
            )
            ticket.message_post(
                body=self.env._(
                    "The reply could not be sent by WeChat (error %(code)s: %(error)s). "
                    "Contact the customer another way.",
                    code=error.errcode,
                    error=error.errmsg,
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    def _cs_wechat_callback_activity(self):
        """The WeChat window is closed and the customer has no e-mail: the
        specialist calls back."""
        user = self.user_id or self.env.user
        self.sudo().with_context(lang=user.lang or self.env.lang).activity_schedule(
            "mail.mail_activity_data_call",
            user_id=user.id,
            summary=self.with_context(lang=user.lang or self.env.lang).env._(
                "Call back: the WeChat reply window is closed"
            ),
            note=self.with_context(lang=user.lang or self.env.lang).env._(
                "The customer last wrote on WeChat more than 48 hours ago and has no "
                "e-mail address: the reply cannot reach them. Call them back."
            ),
        )
