# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import GROUP_SPECIALIST
from .livechat_common import GROUP_LIVECHAT_USER


@tagged("post_install", "-at_install")
class TestLivechatTicketTour(HttpCase):
    """A visitor opens a live chat on the website; the operator types /ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.operator = new_test_user(
            cls.env,
            login="tour_chat_operator",
            groups=f"{GROUP_SPECIALIST},{GROUP_LIVECHAT_USER}",
            name="Operator Zhou",
        )
        cls.env["bus.presence"].create({"user_id": cls.operator.id, "status": "online"})
        cls.livechat_channel = cls.env["im_livechat.channel"].create(
            {"name": "Website (tour)", "user_ids": [Command.set(cls.operator.ids)]}
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "华美贸易 (tour)", "email": "huamei.tour@example.com"}
        )

    def test_livechat_ticket(self):
        # the visitor, not logged in, as the website's chat window does
        self.authenticate(None, None)
        data = self.make_jsonrpc_request(
            "/im_livechat/get_session",
            {"anonymous_name": "Visitor", "channel_id": self.livechat_channel.id},
        )
        chat = self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])
        self.assertEqual(chat.livechat_operator_id, self.operator.partner_id)
        for body in ("你好，打印机卡纸了", "邮箱 huamei.tour@example.com"):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "discuss.channel",
                    "thread_id": chat.id,
                    "post_data": {"body": body, "message_type": "comment"},
                },
            )
        self.assertEqual(len(chat.message_ids.filtered("author_guest_id")), 2)
        self.start_tour(
            f"/odoo/discuss?active_id=discuss.channel_{chat.id}",
            "cs_service_dept_livechat_ticket",
            login="tour_chat_operator",
        )
        ticket = chat.cs_ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.name, "打印机卡纸")
        self.assertEqual(ticket.partner_id, self.customer)
        chat_channel = self.env.ref("cs_service_dept.helpdesk_ticket_channel_chat")
        self.assertEqual(ticket.channel_id, chat_channel)
        self.assertIn("你好，打印机卡纸了", str(ticket.description))
