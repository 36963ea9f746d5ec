# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo import Command

from .common import GROUP_SPECIALIST
from .ticket_common import CsTicketCommon

GROUP_LIVECHAT_USER = "im_livechat.im_livechat_group_user"


class CsLivechatCommon(CsTicketCommon):
    """A live chat channel answered by a specialist, a chat team, and chats
    with a guest visitor or a logged-in customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator = cls.cs_user(
            "cs_chat_operator",
            f"{GROUP_SPECIALIST},{GROUP_LIVECHAT_USER}",
            name="Operator Zhou",
            tz="UTC",
        )
        cls.chat_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Chat (test)", "user_ids": [Command.set(cls.operator.ids)]}
        )
        cls.env["ir.config_parameter"].sudo().set_param(
            "cs_service_dept.livechat_team_id", str(cls.chat_team.id)
        )
        cls.livechat_channel = cls.env["im_livechat.channel"].create(
            {"name": "Website (test)", "user_ids": [Command.set(cls.operator.ids)]}
        )
        cls.channel_chat = cls.env.ref("cs_service_dept.helpdesk_ticket_channel_chat")

    @classmethod
    def new_chat(cls, visitor_user=None, guest_name="Visitor"):
        """An open live chat between the operator and a guest (or a logged-in
        ``visitor_user``), as ``/im_livechat/get_session`` creates it."""
        chat = cls.env["discuss.channel"].create(
            {
                "name": f"{guest_name} {cls.operator.name}",
                "channel_type": "livechat",
                "livechat_active": True,
                "livechat_channel_id": cls.livechat_channel.id,
                "livechat_operator_id": cls.operator.partner_id.id,
                "anonymous_name": False if visitor_user else guest_name,
                "channel_member_ids": [Command.create({"partner_id": cls.operator.partner_id.id})],
            }
        )
        if visitor_user:
            chat._add_members(users=visitor_user, post_joined_message=False)
        else:
            guest = cls.env["mail.guest"].create({"name": guest_name})
            chat._add_members(guests=guest, post_joined_message=False)
        return chat

    def visitor_says(self, chat, body, visitor_user=None):
        """The visitor posts ``body`` as the chat's guest, or as ``visitor_user``."""
        if visitor_user:
            # sudo: as /mail/message/post, which posts on the channel of the
            # member (the author stays the user)
            return (
                chat.with_user(visitor_user).sudo().message_post(body=body, message_type="comment")
            )
        guest = chat.channel_member_ids.guest_id
        public = self.env.ref("base.public_user")
        return (
            chat.with_user(public)
            .with_context(guest=guest)
            .message_post(body=body, message_type="comment")
        )

    def operator_says(self, chat, body):
        return chat.with_user(self.operator).message_post(body=body, message_type="comment")

    def run_ticket_command(self, chat, body="/ticket", user=None):
        """Type ``body`` in the chat as ``user`` (the operator): the ticket id
        the RPC returns and the transient messages the user received."""
        user = user or self.operator
        sent = self.env.cr.precommit.data.setdefault("bus.bus.values", [])
        before = len(sent)
        ticket_id = chat.with_user(user).execute_command_ticket(body=body)
        notices = []
        for value in self.env.cr.precommit.data.get("bus.bus.values", [])[before:]:
            message = json.loads(value["message"])
            if message["type"] == "discuss.channel/transient_message":
                self.assertEqual(message["payload"]["thread"]["id"], chat.id)
                target = json.loads(value["channel"])[1:]
                self.assertEqual(target, ["res.partner", user.partner_id.id])
                notices.append(message["payload"]["body"])
        return self.env["helpdesk.ticket"].browse(ticket_id), notices
