# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .livechat_common import CsLivechatCommon


@tagged("post_install", "-at_install")
class TestLivechatChatbot(CsLivechatCommon):
    """The out-of-hours bot: knowledge-base answers, then a ticket when they
    did not help."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Article = cls.env["cs.knowledge.article"]
        Article.search([]).write({"active": False})
        cls.article_invoice = Article.create(
            {
                "name": "如何修改发票抬头",
                "answer": "<p>请提供正确的抬头和纳税人识别号。</p>",
                "state": "published",
            }
        )
        Step = cls.env["chatbot.script.step"]
        cls.script = cls.env["chatbot.script"].create({"title": "Out of hours (test)"})
        cls.step_ask, cls.step_kb, cls.step_helped = Step.create(
            [
                {
                    "chatbot_script_id": cls.script.id,
                    "sequence": 1,
                    "step_type": "free_input_single",
                    "message": "What is your question?",
                },
                {
                    "chatbot_script_id": cls.script.id,
                    "sequence": 2,
                    "step_type": "cs_kb_answer",
                    "message": "These articles may answer it:",
                },
                {
                    "chatbot_script_id": cls.script.id,
                    "sequence": 3,
                    "step_type": "question_selection",
                    "message": "Did this help?",
                    "answer_ids": [Command.create({"name": "Yes"}), Command.create({"name": "No"})],
                },
            ]
        )
        cls.answer_no = cls.step_helped.answer_ids.filtered(lambda a: a.name == "No")
        cls.step_email, cls.step_ticket = Step.create(
            [
                {
                    "chatbot_script_id": cls.script.id,
                    "sequence": 4,
                    "step_type": "question_email",
                    "message": "Your e-mail address?",
                    "triggering_answer_ids": [Command.link(cls.answer_no.id)],
                },
                {
                    "chatbot_script_id": cls.script.id,
                    "sequence": 5,
                    "step_type": "cs_create_ticket",
                    "message": "A ticket is open: we answer in working hours.",
                    "triggering_answer_ids": [Command.link(cls.answer_no.id)],
                    "cs_team_id": cls.chat_team.id,
                },
            ]
        )

    def answer(self, chat, body, script_answer=None):
        """The visitor answers the current step; the bot goes on as
        /chatbot/step/trigger does."""
        message = self.visitor_says(chat, body)
        if script_answer:
            self.env["chatbot.message"].search(
                [("mail_message_id", "=", message.id)]
            ).user_script_answer_id = script_answer
        step = chat.chatbot_current_step_id._process_answer(chat, message.body)
        step._process_step(chat)
        return step

    def test_kb_answer_then_ticket(self):
        chat = self.new_chat()
        chat.sudo().write(
            {
                "chatbot_current_step_id": False,
                "livechat_operator_id": self.script.operator_partner_id.id,
            }
        )
        self.step_ask._process_step(chat)
        self.assertEqual(self.answer(chat, "发票抬头写错了怎么改"), self.step_kb)
        bot_message = chat.message_ids.sorted("id")[-1]
        self.assertEqual(bot_message.author_id, self.script.operator_partner_id)
        self.assertIn("如何修改发票抬头", bot_message.body)
        self.assertIn("纳税人识别号", bot_message.body)
        self.step_helped._process_step(chat)
        self.assertEqual(self.answer(chat, "No", self.answer_no), self.step_email)
        self.assertEqual(self.answer(chat, "huamei@example.com"), self.step_ticket)
        ticket = chat.cs_ticket_ids
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(ticket.team_id, self.chat_team)
        self.assertEqual(ticket.channel_id, self.channel_chat)
        self.assertIn("发票抬头写错了怎么改", str(ticket.description))

    def test_kb_no_article(self):
        chat = self.new_chat()
        self.step_ask._process_step(chat)
        self.answer(chat, "🙂🙂")
        self.assertIn("no article", chat.message_ids.sorted("id")[-1].body)
