# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import file_open


@tagged("post_install", "-at_install")
class TestLivechatChatbotTour(HttpCase):
    """A visitor chats out of hours on the support page of the demo channel:
    the demo bot "Out of hours assistant" answers from the knowledge base and,
    as it did not help, opens a ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.livechat_channel = cls.env.ref("im_livechat.im_livechat_channel_data")
        cls.script = cls.env.ref("cs_service_dept.chatbot_script_out_of_hours_demo")
        cls.team = cls.env.ref("cs_service_dept.helpdesk_ticket_team_service_demo")
        # an operator is online, but the team never works: out of hours
        cls.operator = cls.env.ref("cs_service_dept.user_zhangwei_demo")
        cls.env["bus.presence"].search([("user_id", "=", cls.operator.id)]).unlink()
        cls.env["bus.presence"].create({"user_id": cls.operator.id, "status": "online"})
        cls.team.resource_calendar_id = cls.env["resource.calendar"].create(
            {"name": "Never (test)", "attendance_ids": [Command.clear()]}
        )
        cls.env["cs.knowledge.article"].create(
            {
                "name": "如何修改发票抬头",
                "answer": "<p>请提供正确的抬头和纳税人识别号。</p>",
                "state": "published",
            }
        )

    def test_out_of_hours_chat_bot(self):
        self.assertIn(self.operator, self.livechat_channel.available_operator_ids)
        with file_open("cs_service_dept/static/tests/livechat/out_of_hours_visitor.js") as f:
            code = f.read()
        self.browser_js(
            f"/im_livechat/support/{self.livechat_channel.id}",
            code,
            ready="window.odoo && odoo.livechatReady !== undefined",
            timeout=120,
        )
        chat = self.env["discuss.channel"].search(
            [("livechat_channel_id", "=", self.livechat_channel.id)], order="id desc", limit=1
        )
        self.assertEqual(chat.livechat_operator_id, self.script.operator_partner_id)
        ticket = chat.cs_ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id.email, "huamei.bot@example.com")
        self.assertEqual(ticket.team_id, self.team)
        self.assertIn("发票抬头写错了怎么改", str(ticket.description))
        self.assertTrue(ticket.user_id)
        self.assertEqual(ticket.activity_ids.user_id, ticket.user_id)
