# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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
        """Post a public reply of staff into the ticket's chat while it is open."""
        # sudo: discuss.channel - the replying user need not be a member of the chat
        channel = self.cs_livechat_channel_id.sudo()
        if (
            not channel.livechat_active
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
