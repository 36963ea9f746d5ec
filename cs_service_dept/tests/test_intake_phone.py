# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from ..models.cs_phone import cs_normalize_phone
from .ticket_common import CsTicketCommon


@tagged("post_install", "-at_install")
class TestIntakePhone(CsTicketCommon):
    """Requests by phone: the caller found by number, a phone ticket, the call
    logged on the customer, a callback for the specialist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.write({"phone": "+86 21 6666 0202", "cs_specialist_id": cls.specialist.id})
        cls.contact = cls.env["res.partner"].create(
            {"name": "王建国", "parent_id": cls.customer.id, "mobile": "138-2222-0303"}
        )

    def log_call(self, number, user=None, **values):
        wizard = Form(self.env["cs.log.call.wizard"].with_user(user or self.specialist))
        wizard.caller_number = number
        wizard.name = values.pop("name", "来电咨询")
        for field, value in values.items():
            setattr(wizard, field, value)
        return wizard.save()

    def open_ticket(self, wizard):
        action = wizard.action_log_call()
        return self.env["helpdesk.ticket"].browse(action["res_id"])

    def test_number_formats(self):
        cases = {
            "+86 21 6666 0202": "02166660202",
            "021-6666-0202": "02166660202",
            "(021) 6666 0202": "02166660202",
            "0086 21 66660202": "02166660202",
            "862166660202": "02166660202",
            "0755-8888 1234": "075588881234",
            "+86-755-88881234": "075588881234",
            "0571 876 5432": "05718765432",
            "+86 138 2222 0303": "13822220303",
            "0086-138-2222-0303": "13822220303",
            "8613822220303": "13822220303",
            "138 2222 0303": "13822220303",
            "021-6666 0202 转 12": "02166660202",
            "+1 650 555 0100": "+16505550100",
            "": False,
            "无": False,
        }
        for number, expected in cases.items():
            with self.subTest(number=number):
                self.assertEqual(cs_normalize_phone(number), expected)
        Partner = self.env["res.partner"]
        for number in ("021 6666 0202", "+86 (21) 6666-0202", "0086 21 66660202"):
            with self.subTest(number=number):
                self.assertEqual(Partner._cs_find_by_phone(number), self.customer)
        for number in ("13822220303", "+86 138 2222 0303", "0086 138-2222-0303"):
            with self.subTest(number=number):
                self.assertEqual(Partner._cs_find_by_phone(number), self.contact)
        self.assertFalse(Partner._cs_find_by_phone("021 6666 0203"))
        self.assertFalse(Partner._cs_find_by_phone("无"))
        # one query whatever the number of contacts
        with self.assertQueryCount(1):
            Partner._cs_find_by_phone("13822220303").ids  # noqa: B018

    def test_one_match(self):
        """The caller's mobile finds the contact: a phone ticket, identity
        checked, the call logged (one contact of the customer), a callback."""
        followups = self.env["cs.followup"].search_count([("partner_id", "=", self.customer.id)])
        wizard = self.log_call("0086 138 2222 0303", identity_confirmed=True)
        self.assertEqual(wizard.partner_id, self.contact)
        ticket = self.open_ticket(wizard)
        self.assertEqual(ticket.partner_id, self.contact)
        self.assertEqual(ticket.channel_id, self.channel_phone)
        self.assertEqual(ticket.user_id, self.specialist)
        self.assertTrue(ticket.cs_identity_confirmed)
        self.assertFalse(ticket.cs_identity_required)
        call = self.contact.message_ids.filtered(lambda m: m.mail_activity_type_id)
        self.assertEqual(call.mail_activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        self.assertIn("Call from 0086 138 2222 0303", call.body)
        self.assertFalse(self.contact.activity_ids, "the call is logged done")
        done = self.env["cs.followup"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(done), followups + 1)
        self.assertEqual(done[:1].state, "done")
        callback = ticket.activity_ids
        self.assertEqual(callback.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        self.assertEqual(callback.user_id, self.specialist)
        self.assertIn("0086 138 2222 0303", callback.summary)
        # the specialist calls back: the answer, logged as a call (one more contact)
        self.assertFalse(ticket.cs_first_response_date)
        callback.with_user(self.specialist).action_feedback(feedback="已回电，问题解决。")
        self.assertTrue(ticket.cs_first_response_date)
        self.assertIn("已回电", ticket.message_ids[:1].body)
        self.assertEqual(
            self.env["cs.followup"].search_count([("partner_id", "=", self.customer.id)]),
            followups + 2,
        )

    def test_number_of_two_customers(self):
        """Two contacts have the number: no guess, a clear message, no ticket;
        once the operator chooses, one ticket."""
        other = self.env["res.partner"].create(
            {"name": "李四", "mobile": "+86 139 1234 5678", "customer_rank": 1}
        )
        same = self.env["res.partner"].create(
            {"name": "张三", "phone": "139-1234-5678", "customer_rank": 1}
        )
        wizard = self.log_call("13912345678")
        self.assertEqual(wizard.match_count, 2)
        self.assertEqual(wizard.match_ids, other | same)
        self.assertFalse(wizard.partner_id)
        tickets = self.env["helpdesk.ticket"].search_count([])
        with self.assertRaisesRegex(UserError, "2 contacts have the number 13912345678"):
            wizard.action_log_call()
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets)
        form = Form(wizard)
        form.partner_id = same
        ticket = self.open_ticket(form.save())
        self.assertEqual(ticket.partner_id, same)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets + 1)

    def test_unknown_number(self):
        """No contact has the number: a new contact with it, and the identity
        still to check before the ticket moves on."""
        wizard = self.log_call("+86 186 1111 2222", new_contact_name="陈先生")
        self.assertFalse(wizard.partner_id)
        ticket = self.open_ticket(wizard)
        self.assertEqual(ticket.partner_id.name, "陈先生")
        self.assertEqual(ticket.partner_id.cs_mobile_normalized, "18611112222")
        self.assertTrue(ticket.cs_identity_required)
        stage = self.env["helpdesk.ticket.stage"].search(
            [("unattended", "=", False), ("closed", "=", False)], limit=1
        )
        with self.assertRaisesRegex(UserError, "Confirm the caller's identity"):
            ticket.with_user(self.specialist).stage_id = stage
        # no name given: the ticket has no customer, the call is noted on it
        ticket = self.open_ticket(self.log_call("0571 876 5432"))
        self.assertFalse(ticket.partner_id)
        self.assertIn("Call from 0571 876 5432", ticket.message_ids[:1].body)

    def test_bad_input(self):
        with self.assertRaisesRegex(UserError, "no telephone number"):
            self.log_call("无").action_log_call()
        wizard = self.env["cs.log.call.wizard"].create(
            {"caller_number": "13822220303", "name": "x"}
        )
        with self.assertRaises(AccessError):
            wizard.with_user(self.internal_user).action_log_call()

    def test_open_from_customer(self):
        action = self.contact.with_user(self.specialist).action_cs_log_call()
        self.assertEqual(action["res_model"], "cs.log.call.wizard")
        self.assertEqual(action["context"]["default_caller_number"], "138-2222-0303")
        wizard = Form(
            self.env["cs.log.call.wizard"]
            .with_user(self.specialist)
            .with_context(**action["context"])
        )
        self.assertEqual(wizard.partner_id, self.contact)

    def test_every_channel_on_the_customer(self):
        """One customer, every channel: the contacts' addresses and numbers,
        and the tickets per channel, on the customer and on its contacts."""
        self.customer.email = "service@example.cn"
        self.open_ticket(self.log_call("13822220303"))
        self.open_ticket(self.log_call("021-66660202", name="二次来电"))
        email = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
        self.env["helpdesk.ticket"].create(
            {
                "name": "邮件咨询",
                "description": "x",
                "partner_id": self.contact.id,
                "channel_id": email.id,
            }
        )
        phone = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        for partner in (self.customer, self.contact):
            summary = partner.with_user(self.specialist).cs_channel_summary
            for text in ("service@example.cn", "+86 21 6666 0202", "138-2222-0303", "王建国"):
                self.assertIn(text, summary)
            self.assertIn(f"<td>{phone.name}</td><td class='text-end'>2</td>", summary)
            self.assertIn(f"<td>{email.name}</td><td class='text-end'>1</td>", summary)
        action = self.contact.action_cs_view_tickets_by_channel()
        tickets = self.env["helpdesk.ticket"].search(action["domain"])
        self.assertEqual(len(tickets), 3)
        self.assertEqual(action["context"], {"group_by": ["channel_id"]})
