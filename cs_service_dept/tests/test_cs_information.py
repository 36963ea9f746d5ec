# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from .common import CsCommon


class CsInformationCommon(CsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["cs.information.category"].create(
            {"name": "测试·华东市场动态", "info_type": "market", "user_id": cls.specialist.id}
        )
        cls.category_need = cls.env["cs.information.category"].create(
            {"name": "测试·客户需求", "info_type": "need", "user_id": cls.specialist_2.id}
        )
        cls.customer = cls.create_customer("上海宏达", cs_specialist_id=cls.specialist.id)
        cls.other_customer = cls.create_customer("杭州远航", cs_specialist_id=cls.specialist_2.id)
        cls.recipient = new_test_user(cls.env, login="cs_info_sales", groups="base.group_user")
        cls.recipient_2 = new_test_user(cls.env, login="cs_info_engineer", groups="base.group_user")

    @classmethod
    def create_information(cls, customer=None, category=None, user=None, **vals):
        return (
            cls.env["cs.information"]
            .with_user(user or cls.specialist)
            .create(
                {
                    "title": "竞争对手降价",
                    "partner_id": (customer or cls.customer).id,
                    "category_id": (category or cls.category).id,
                    **vals,
                }
            )
        )


class TestCsInformation(CsInformationCommon):
    def test_number_by_type_and_date(self):
        info = self.create_information(date="2026-03-05")
        need = self.create_information(category=self.category_need, date="2026-03-06")
        self.assertRegex(info.name, r"^SC-20260305-\d{4}$")
        self.assertRegex(need.name, r"^XQ-20260306-\d{4}$")
        self.assertEqual(info.info_type, "market")

    def test_category_assigns_specialist(self):
        info = self.create_information(category=self.category_need, customer=self.customer)
        self.assertEqual(info.user_id, self.specialist_2)
        # The supervisor reassigns the category: new records go to the new specialist.
        self.category.with_user(self.supervisor).user_id = self.specialist_2
        self.assertEqual(self.create_information().user_id, self.specialist_2)
        # A specialist cannot assign categories.
        with self.assertRaises(AccessError):
            self.category.with_user(self.specialist).user_id = self.specialist

    def test_region_and_form(self):
        self.customer.country_id = self.env.ref("base.cn")
        form = Form(self.env["cs.information"].with_user(self.specialist))
        form.title = "客户联系人变更"
        form.partner_id = self.customer
        form.category_id = self.category
        self.assertEqual(form.user_id, self.specialist)
        self.assertEqual(form.confidentiality, "internal")
        info = form.save()
        self.assertEqual(info.region, self.customer.cs_region)
        self.assertTrue(info.region)

    def test_confidentiality_follows_customer(self):
        self.customer.sudo().cs_confidentiality = "secret"
        info = self.create_information()
        self.assertEqual(info.confidentiality, "secret")
        with self.assertRaisesRegex(ValidationError, "more open than its customer"):
            info.confidentiality = "internal"
        with self.assertRaises(ValidationError):
            self.create_information(confidentiality="public")
        # Stricter than the customer is allowed.
        info.confidentiality = "top_secret"
        self.assertEqual(info.confidentiality, "top_secret")

    def test_customer_raised_raises_records(self):
        info = self.create_information()
        self.assertEqual(info.confidentiality, "internal")
        self.customer.sudo().cs_confidentiality = "secret"
        self.assertEqual(info.confidentiality, "secret")

    def test_specialists_see_own_customers(self):
        mine = self.create_information()
        theirs = self.create_information(
            customer=self.other_customer, category=self.category_need, user=self.specialist_2
        )
        Info = self.env["cs.information"]
        self.assertEqual(
            Info.with_user(self.specialist).search([("id", "in", (mine | theirs).ids)]), mine
        )
        with self.assertRaises(AccessError):
            theirs.with_user(self.specialist).read(["title"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.specialist).write({"title": "改"})
        self.assertEqual(
            Info.with_user(self.supervisor).search([("id", "in", (mine | theirs).ids)]),
            mine | theirs,
        )
        self.assertEqual(
            Info.with_user(self.manager).search_count([("id", "in", (mine | theirs).ids)]), 2
        )

    def test_secret_record_only_for_customer_specialist(self):
        """The category's specialist sees a record of another's customer, not a
        secret one."""
        open_info = self.create_information(customer=self.other_customer, user=self.supervisor)
        secret_info = self.create_information(
            customer=self.other_customer, user=self.supervisor, confidentiality="secret"
        )
        self.assertEqual(open_info.user_id, self.specialist)
        found = (
            self.env["cs.information"]
            .with_user(self.specialist)
            .search([("id", "in", (open_info | secret_info).ids)])
        )
        self.assertEqual(found, open_info)
        self.assertTrue(secret_info.with_user(self.specialist_2).read(["title"]))

    def test_outsider_sees_nothing_not_sent(self):
        info = self.create_information()
        with self.assertRaises(AccessError):
            info.with_user(self.recipient).read(["title"])
        self.assertFalse(self.env["cs.information"].with_user(self.recipient).search([]))
        with self.assertRaises(AccessError):
            self.env["cs.information"].with_user(self.recipient).create(
                {"title": "x", "partner_id": self.customer.id, "category_id": self.category.id}
            )

    def test_attachments_follow_the_record(self):
        mine = (
            self.env["ir.attachment"]
            .with_user(self.specialist)
            .create({"name": "visit.txt", "raw": b"notes"})
        )
        foreign = (
            self.env["ir.attachment"]
            .with_user(self.specialist_2)
            .create({"name": "other.txt", "raw": b"x"})
        )
        info = self.create_information(attachment_ids=[Command.set((mine | foreign).ids)])
        self.assertEqual((mine.res_model, mine.res_id), ("cs.information", info.id))
        self.assertFalse(foreign.res_id)


class TestCsInformationDistribution(CsInformationCommon):
    def test_distribute_to_users_and_teams(self):
        sales_team = self.env["crm.team"].create(
            {"name": "华东销售", "member_ids": [Command.link(self.recipient_2.id)]}
        )
        helpdesk_team = self.env["helpdesk.ticket.team"].create(
            {"name": "工程部", "user_ids": [Command.link(self.recipient_2.id)]}
        )
        info = self.create_information()
        info.write(
            {
                "distribute_user_ids": [Command.set(self.recipient.ids)],
                "distribute_crm_team_ids": [Command.set(sales_team.ids)],
                "distribute_helpdesk_team_ids": [Command.set(helpdesk_team.ids)],
            }
        )
        info.action_distribute()
        self.assertEqual(info.state, "distributed")
        self.assertEqual(info.recipient_ids.user_id, self.recipient | self.recipient_2)
        self.assertFalse(info.distribute_user_ids)
        ack_type = self.env.ref("cs_service_dept.mail_activity_type_cs_information_ack")
        activities = info.activity_ids.filtered(lambda a: a.activity_type_id == ack_type)
        self.assertEqual(activities.user_id, self.recipient | self.recipient_2)
        self.assertEqual((info.recipient_count, info.acknowledged_count), (2, 0))
        # Distributing again to the same people adds nobody.
        info.distribute_user_ids = self.recipient
        info.action_distribute()
        self.assertEqual(len(info.recipient_ids), 2)

    def test_distribute_needs_recipients(self):
        info = self.create_information()
        with self.assertRaisesRegex(UserError, "choose the users or teams"):
            info.action_distribute()
        self.assertEqual(info.state, "draft")
        # Someone else's record cannot be distributed by a specialist.
        theirs = self.create_information(
            customer=self.other_customer, category=self.category_need, user=self.specialist_2
        )
        theirs.distribute_user_ids = self.recipient
        with self.assertRaises(AccessError):
            theirs.with_user(self.specialist).action_distribute()
        # An outsider cannot distribute at all.
        with self.assertRaises(AccessError):
            info.with_user(self.recipient).action_distribute()

    def test_secret_goes_only_to_the_cleared(self):
        """A secret record is sent to the customer's specialist and the
        supervisors, never to someone outside the department: refused whole."""
        self.customer.sudo().cs_confidentiality = "secret"
        info = self.create_information()
        info.distribute_user_ids = self.recipient | self.supervisor
        with self.assertRaisesRegex(UserError, "not to cs_info_sales"):
            info.action_distribute()
        self.assertFalse(info.recipient_ids, "nothing half-written")
        self.assertEqual(info.state, "draft")
        with self.assertRaises(AccessError):
            info.with_user(self.recipient).read(["title"])
        info.distribute_user_ids = self.supervisor | self.specialist
        info.action_distribute()
        self.assertEqual(info.recipient_ids.user_id, self.supervisor | self.specialist)

    def _distributed(self):
        info = self.create_information()
        info.distribute_user_ids = self.recipient | self.recipient_2
        info.action_distribute()
        return info

    def test_recipient_reads_and_acknowledges(self):
        info = self._distributed()
        as_recipient = info.with_user(self.recipient)
        self.assertEqual(as_recipient.title, "竞争对手降价")
        self.assertTrue(as_recipient.can_acknowledge)
        self.assertEqual(len(as_recipient.recipient_ids), 2)
        as_recipient.action_acknowledge()
        line = info.recipient_ids.filtered(lambda r: r.user_id == self.recipient)
        self.assertTrue(line.acknowledged)
        self.assertTrue(line.acknowledge_date)
        self.assertFalse(info.with_user(self.recipient).can_acknowledge)
        self.assertEqual((info.recipient_count, info.acknowledged_count), (2, 1))
        # Their activity is done, the other recipient's is still open.
        self.assertEqual(info.activity_ids.user_id, self.recipient_2)
        self.assertTrue(any("acknowledged" in body for body in info.message_ids.mapped("body")))

    def test_activity_done_acknowledges(self):
        """Marking the activity done (activity menu, mobile app) acknowledges;
        someone else marking it done does not."""
        info = self._distributed()
        activity = info.activity_ids.filtered(lambda a: a.user_id == self.recipient)
        activity.with_user(self.recipient).action_feedback(feedback="看过了")
        lines = info.recipient_ids
        self.assertTrue(lines.filtered(lambda r: r.user_id == self.recipient).acknowledged)
        other = info.activity_ids.filtered(lambda a: a.user_id == self.recipient_2)
        other.with_user(self.specialist).action_feedback(feedback="代办")
        self.assertFalse(lines.filtered(lambda r: r.user_id == self.recipient_2).acknowledged)

    def test_recipient_cannot_do_more(self):
        info = self._distributed()
        as_recipient = info.with_user(self.recipient)
        with self.assertRaises(AccessError):
            as_recipient.write({"title": "改"})
        with self.assertRaises(AccessError):
            as_recipient.action_cancel()
        other_line = info.recipient_ids.filtered(lambda r: r.user_id == self.recipient_2)
        with self.assertRaises(AccessError):
            other_line.with_user(self.recipient).action_acknowledge()
        with self.assertRaises(AccessError):
            other_line.with_user(self.recipient).write({"acknowledged": True})
        # Nor can the specialist tick it for them.
        with self.assertRaises(AccessError):
            other_line.with_user(self.specialist).action_acknowledge()
        with self.assertRaises(AccessError):
            other_line.with_user(self.specialist).write({"acknowledged": True})
        self.assertFalse(other_line.acknowledged)

    def test_not_a_recipient(self):
        info = self._distributed()
        outsider = new_test_user(self.env, login="cs_info_nobody", groups="base.group_user")
        with self.assertRaises(AccessError):
            info.with_user(outsider).action_acknowledge()
        with self.assertRaisesRegex(UserError, "was not sent to you"):
            info.with_user(self.specialist).action_acknowledge()

    def test_cancel_drops_pending_activities(self):
        info = self._distributed()
        info.action_cancel()
        self.assertEqual(info.state, "cancel")
        self.assertFalse(info.activity_ids)
        self.assertFalse(info.with_user(self.recipient).can_acknowledge)
        info.action_draft()
        self.assertEqual(info.state, "draft")
        self.assertEqual(fields.Date.today(), info.date)
