# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

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

    def ticket_from_bot(self, body="发票抬头写错了 huamei@example.com"):
        """The bot's 'Create Ticket' step after the visitor wrote ``body``."""
        self.operator.tz = "Asia/Shanghai"
        self.chat_team.resource_calendar_id = self.env["resource.calendar"].create(
            {"name": "Shanghai office (test)", "tz": "Asia/Shanghai"}
        )
        chat = self.new_chat()
        self.visitor_says(chat, body)
        # as /chatbot/step/trigger: the public visitor, the step read with sudo
        public = self.env.ref("base.public_user")
        guest = chat.channel_member_ids.guest_id
        self.step_ticket.with_user(public).sudo()._process_step(
            chat.with_user(public).with_context(guest=guest)
        )
        return chat.cs_ticket_ids

    @freeze_time("2026-12-11 12:00:00")  # Friday 20:00 in Shanghai
    def test_ticket_due_next_working_hour(self):
        ticket = self.ticket_from_bot()
        self.assertEqual(ticket.user_id, self.operator)
        activity = ticket.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.operator)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        # Monday 8:00 in Shanghai (Sunday 0:00 UTC would be the 13th)
        self.assertEqual(activity.date_deadline, date(2026, 12, 14))
        self.assertIn("8:00", str(activity.note))
        self.assertEqual(activity.summary, "Answer the out-of-hours chat")

    @freeze_time("2026-12-10 02:00:00")  # Thursday 10:00 in Shanghai
    def test_ticket_due_now_in_working_hours(self):
        """In working hours the bot answered because no operator was online:
        the activity says so, in the specialist's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "cs_service_dept")]
        )._update_translations(["zh_CN"])
        self.operator.lang = "zh_CN"
        ticket = self.ticket_from_bot()
        activity = ticket.activity_ids
        self.assertEqual(activity.date_deadline, date(2026, 12, 10))
        self.assertIn("10:00", str(activity.note))
        self.assertEqual(activity.summary, "回复无客服人员接待的聊天")
        self.assertIn("没有客服人员在线", str(activity.note))

    def test_anonymous_visitor_identity_checked_before_replies(self):
        """Anyone may type a customer's address in the chat: the bot's ticket
        waits for the specialist to confirm who the visitor is, and the
        specialist's replies reach the chat only then."""
        ticket = self.ticket_from_bot()
        chat = ticket.cs_livechat_channel_id
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertTrue(ticket.cs_identity_to_check)
        self.assertTrue(ticket.cs_identity_required)

        def chat_bodies():
            return " ".join(chat.sudo().message_ids.mapped("body"))

        ticket.with_user(self.operator).message_post(
            body="您的发票已重开", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertNotIn("您的发票已重开", chat_bodies())
        ticket.with_user(self.operator).action_cs_confirm_identity()
        self.assertFalse(ticket.cs_identity_required)
        ticket.with_user(self.operator).message_post(
            body="新发票已寄出", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertIn("新发票已寄出", chat_bodies())

    def test_ticket_team_of_the_rule(self):
        """A 'Create Ticket' step without a team opens the ticket in the team
        whose working hours the out-of-hours rule followed, not in the live
        chat team of the settings."""
        night_team = self.env["helpdesk.ticket.team"].create(
            {"name": "Night desk (test)", "user_ids": [Command.set(self.operator.ids)]}
        )
        self.env["im_livechat.channel.rule"].create(
            {
                "channel_id": self.livechat_channel.id,
                "chatbot_script_id": self.script.id,
                "cs_outside_working_hours": True,
                "cs_team_id": night_team.id,
            }
        )
        self.step_ticket.cs_team_id = False
        ticket = self.ticket_from_bot()
        self.assertEqual(ticket.team_id, night_team)
        # the step's own team comes first
        self.step_ticket.cs_team_id = self.chat_team
        other = self.ticket_from_bot()
        self.assertEqual(other.team_id, self.chat_team)

    def test_ticket_unassigned_no_activity(self):
        self.step_ticket.cs_team_id = self.env["helpdesk.ticket.team"].create(
            {"name": "Nobody (test)"}
        )
        ticket = self.ticket_from_bot("发票抬头写错了")
        self.assertTrue(ticket)
        self.assertFalse(ticket.user_id)
        self.assertFalse(ticket.activity_ids)
