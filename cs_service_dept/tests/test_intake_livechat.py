# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import format_datetime

from .livechat_common import CsLivechatCommon


@tagged("post_install", "-at_install")
class TestIntakeLivechat(CsLivechatCommon):
    """Live chat → ticket: the operator's /ticket command, the transcript, the
    customer matched, and the ticket's replies back into the chat."""

    def test_ticket_from_chat(self):
        """The visitor gives a known address: a chat ticket of the chat team for
        that customer, the transcript as description, the link to the chat."""
        chat = self.new_chat(guest_name="Visitor 42")
        self.visitor_says(chat, "你好，打印机卡纸了")
        self.operator_says(chat, "请留下您的邮箱")
        self.visitor_says(chat, "我的邮箱是 HuaMei@Example.com ，谢谢")
        ticket, notices = self.run_ticket_command(chat, "/ticket 打印机卡纸")
        self.assertTrue(ticket)
        self.assertEqual(ticket.name, "打印机卡纸")
        self.assertEqual(ticket.channel_id, self.channel_chat)
        self.assertEqual(ticket.team_id, self.chat_team)
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(ticket.user_id, self.operator)
        self.assertEqual(ticket.cs_livechat_channel_id, chat)
        self.assertTrue(ticket.cs_livechat_active)
        self.assertEqual(chat.cs_ticket_ids, ticket)
        self.assertIn(self.customer, ticket.message_partner_ids)
        description = str(ticket.description)
        for text in ("Visitor 42", "Operator Zhou", "你好，打印机卡纸了", "请留下您的邮箱"):
            self.assertIn(text, description)
        # in order, each with its time
        self.assertLess(description.index("打印机卡纸了"), description.index("请留下"))
        message = chat.message_ids.sorted("id")[0]
        self.assertIn(format_datetime(self.env, message.date, tz="UTC"), description)
        self.assertEqual(len(notices), 1)
        self.assertIn("Created ticket", notices[0])
        self.assertRegex(notices[0], f"data-oe-model=.helpdesk.ticket. data-oe-id=.{ticket.id}.")

    def test_transcript_escaped(self):
        """What the visitor typed is text: markup in it stays visible as text,
        line breaks are kept."""
        chat = self.new_chat()
        self.visitor_says(chat, "<script>alert('x')</script> & <b>粗体</b>")
        self.visitor_says(chat, Markup("第一行<br>第二行"))
        ticket, __ = self.run_ticket_command(chat)
        description = str(ticket.description)
        self.assertNotIn("<script>", description)
        self.assertNotIn("<b>", description)
        self.assertIn(
            "&lt;script&gt;alert('x')&lt;/script&gt; &amp; &lt;b&gt;粗体&lt;/b&gt;", description
        )
        self.assertIn("第一行<br>第二行", description)

    def test_logged_in_visitor(self):
        """A customer logged in on the portal is the ticket's customer; without a
        title the ticket is named after them."""
        portal = new_test_user(
            self.env, login="cs_chat_portal", groups="base.group_portal", name="林晓"
        )
        chat = self.new_chat(visitor_user=portal)
        self.visitor_says(chat, "订单什么时候发货？", visitor_user=portal)
        ticket, __ = self.run_ticket_command(chat)
        self.assertEqual(ticket.partner_id, portal.partner_id)
        self.assertEqual(ticket.name, "Live chat with 林晓")

    def test_known_phone(self):
        self.customer.phone = "+86 21 6666 0202"
        chat = self.new_chat()
        self.visitor_says(chat, "请回电 021-6666-0202")
        ticket, __ = self.run_ticket_command(chat)
        self.assertEqual(ticket.partner_id, self.customer)

    def test_new_contact(self):
        """Unknown address or number: a new contact with what was given, and a
        note saying so."""
        chat = self.new_chat()
        self.visitor_says(chat, "我的手机 139 0000 1111")
        ticket, __ = self.run_ticket_command(chat)
        self.assertEqual(ticket.partner_id.phone, "139 0000 1111")
        self.assertEqual(ticket.partner_id._cs_find_by_phone("13900001111"), ticket.partner_id)
        self.assertIn("New contact", ticket.message_ids[0].body)
        chat = self.new_chat()
        self.visitor_says(chat, "new.buyer@example.org")
        ticket, __ = self.run_ticket_command(chat)
        self.assertEqual(ticket.partner_id.email, "new.buyer@example.org")

    def test_no_customer(self):
        """Nothing to recognise the visitor by, or a number two contacts share:
        a ticket without customer and a note, no contact created."""
        Partner = self.env["res.partner"]
        partners = Partner.search_count([])
        chat = self.new_chat()
        self.visitor_says(chat, "你好 想问一下保修")
        ticket, __ = self.run_ticket_command(chat)
        self.assertFalse(ticket.partner_id)
        self.assertIn("no customer", ticket.message_ids[0].body)
        self.assertFalse(ticket.message_partner_ids.filtered("partner_share"))
        Partner.create(
            [{"name": "甲", "mobile": "13800000101"}, {"name": "乙", "phone": "138 0000 0101"}]
        )
        chat = self.new_chat()
        self.visitor_says(chat, "电话 +86 138-0000-0101")
        ticket, __ = self.run_ticket_command(chat)
        self.assertFalse(ticket.partner_id)
        self.assertIn("several contacts", ticket.message_ids[0].body)
        self.assertIn("甲", ticket.message_ids[0].body)
        self.assertEqual(Partner.search_count([]), partners + 2)

    def test_empty_chat(self):
        """The visitor wrote nothing (the operator's greeting alone): no ticket,
        the operator is told why."""
        chat = self.new_chat()
        self.operator_says(chat, "您好，请问有什么可以帮您？")
        Ticket = self.env["helpdesk.ticket"]
        count = Ticket.search_count([])
        ticket, notices = self.run_ticket_command(chat, "/ticket 空")
        self.assertFalse(ticket)
        self.assertEqual(Ticket.search_count([]), count)
        self.assertEqual(len(notices), 1)
        self.assertIn("has not written anything yet", notices[0])

    def test_second_command(self):
        """/ticket again on the same chat: no duplicate, the existing ticket named."""
        chat = self.new_chat()
        self.visitor_says(chat, "退货怎么办理？")
        ticket, __ = self.run_ticket_command(chat, "/ticket 退货")
        again, notices = self.run_ticket_command(chat, "/ticket 退货")
        self.assertFalse(again)
        self.assertEqual(chat.cs_ticket_ids, ticket)
        self.assertIn("already ticket", notices[0])
        self.assertRegex(notices[0], f"data-oe-id=.{ticket.id}.")

    def test_team(self):
        """The team of the setting, else the operator's team."""
        other = self.env["helpdesk.ticket.team"].create({"name": "Other (test)"})
        self.env["ir.config_parameter"].sudo().set_param(
            "cs_service_dept.livechat_team_id", str(other.id)
        )
        chat = self.new_chat()
        self.visitor_says(chat, "咨询")
        self.assertEqual(self.run_ticket_command(chat)[0].team_id, other)
        self.env["ir.config_parameter"].sudo().set_param("cs_service_dept.livechat_team_id", "")
        chat = self.new_chat()
        self.visitor_says(chat, "咨询")
        self.assertEqual(self.run_ticket_command(chat)[0].team_id, self.chat_team)

    def test_rights(self):
        """Only customer service staff in the chat run /ticket: an internal user
        outside the department, the visitor (portal or guest), a specialist not
        in the chat are refused, as RPC clients; only a live chat converts."""
        Ticket = self.env["helpdesk.ticket"]
        portal = new_test_user(self.env, login="cs_chat_portal", groups="base.group_portal")
        chat = self.new_chat(visitor_user=portal)
        self.visitor_says(chat, "你好", visitor_user=portal)
        chat.sudo().channel_partner_ids += self.internal_user.partner_id
        count = Ticket.search_count([])
        for user in (self.internal_user, portal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                chat.with_user(user).with_context(cs_livechat_ticket=True).execute_command_ticket(
                    body="/ticket x"
                )
        guest_chat = self.new_chat()
        self.visitor_says(guest_chat, "你好")
        guest = guest_chat.channel_member_ids.guest_id
        with self.assertRaises(AccessError):
            guest_chat.with_user(self.env.ref("base.public_user")).with_context(
                guest=guest
            ).execute_command_ticket(body="/ticket x")
        with self.assertRaises(AccessError):
            chat.with_user(self.specialist).execute_command_ticket(body="/ticket x")
        self.assertEqual(Ticket.search_count([]), count)
        group = self.env["discuss.channel"].create({"name": "Team", "channel_type": "group"})
        group.channel_partner_ids += self.operator.partner_id
        with self.assertRaises(UserError):
            group.with_user(self.operator).execute_command_ticket(body="/ticket x")

    def test_reply_into_open_chat(self):
        """While the chat is open, staff's public replies on the ticket are also
        posted into it (notes and the customer's own messages are not)."""
        chat = self.new_chat()
        self.visitor_says(chat, "jane.doe@example.net 保修期多久？")
        ticket, __ = self.run_ticket_command(chat)
        in_chat = len(chat.message_ids)
        ticket.with_user(self.operator).message_post(
            body="内部备注", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        ticket.message_post(
            body="客户的回复",
            author_id=ticket.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(len(chat.message_ids), in_chat)
        ticket.with_user(self.operator).message_post(
            body=Markup("<p>保修期为<b>两年</b>。</p>"),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        ticket.with_user(self.supervisor).message_post(
            body="主管补充说明", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        posted = chat.message_ids.sorted("id")[in_chat:]
        self.assertEqual(len(posted), 2)
        self.assertEqual(posted[0].author_id, self.operator.partner_id)
        self.assertEqual(posted[0].body, Markup("<p>保修期为<b>两年</b>。</p>"))
        self.assertEqual(posted[0].message_type, "comment")
        self.assertEqual(posted[1].author_id, self.supervisor.partner_id)
        self.assertIn("主管补充说明", posted[1].body)

    def test_reply_by_mail_once_closed(self):
        """The chat closed, a reply goes to the customer by e-mail only."""
        chat = self.new_chat()
        self.visitor_says(chat, "jane.doe@example.net 保修期多久？")
        ticket, __ = self.run_ticket_command(chat)
        customer = ticket.partner_id
        chat.sudo()._close_livechat_session()
        self.assertFalse(ticket.cs_livechat_active)
        in_chat = len(chat.message_ids)
        reply = ticket.with_user(self.operator).message_post(
            body="保修期为两年。", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(len(chat.message_ids), in_chat)
        self.assertTrue(
            self.env["mail.notification"].search_count(
                [
                    ("mail_message_id", "=", reply.id),
                    ("res_partner_id", "=", customer.id),
                    ("notification_type", "=", "email"),
                ]
            )
        )
