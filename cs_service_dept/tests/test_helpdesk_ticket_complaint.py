# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from .ticket_common import CsTicketCommon


class TestComplaintFlow(CsTicketCommon):
    def _walk_to(self, ticket, state):
        """Move a complaint, as its specialist, up to ``state`` (approval by the manager)."""
        steps = [
            ("assessed", lambda t: t.action_cs_assess_reasonable()),
            (
                "forwarded",
                lambda t: (
                    t.write({"cs_department_id": self.department.id}),
                    t.action_cs_forward(),
                ),
            ),
            (
                "responsibility",
                lambda t: (
                    t.write(
                        {"cs_responsible_user_id": self.supervisor.id, "cs_cause_id": self.cause.id}
                    ),
                    t.action_cs_set_responsibility(),
                ),
            ),
            (
                "solution_proposed",
                lambda t: (
                    t.write(
                        {
                            "cs_solution": "<p>免费更换</p>",
                            "cs_solution_deadline": "2026-11-25 17:00:00",
                        }
                    ),
                    t.action_cs_propose_solution(),
                ),
            ),
            ("approved", lambda t: t.with_user(self.manager).action_cs_approve_solution()),
            (
                "implemented",
                lambda t: (
                    t.write({"cs_implementation_result": "<p>已更换</p>"}),
                    t.action_cs_implement(),
                ),
            ),
            ("confirmed", lambda t: t.action_cs_confirm_satisfied()),
        ]
        for step_state, step in steps:
            step(ticket if step_state == "approved" else ticket.with_user(self.specialist))
            self.assertEqual(ticket.cs_complaint_state, step_state)
            if step_state == state:
                return

    @freeze_time("2026-11-20 10:00:00")
    def test_complaint_end_to_end(self):
        """A complaint walks every step; each step is in the chatter; close stores
        the lesson learned and closes the ticket."""
        ticket = self.create_complaint(user=self.specialist)
        self.assertEqual(ticket.cs_complaint_state, "registered")
        self.assertEqual(ticket.priority, "2", "complaints get a high priority")
        count = len(ticket.message_ids)
        self._walk_to(ticket, "confirmed")
        self.assertGreaterEqual(len(ticket.message_ids) - count, 7)
        self.assertEqual(ticket.validation_status, "validated")
        self.assertEqual(ticket.review_ids.done_by, self.manager)
        ticket.cs_complaint_summary = "出厂检验增加核对项"
        ticket.action_cs_close_complaint()
        self.assertEqual(ticket.cs_complaint_state, "closed")
        self.assertTrue(ticket.closed)
        self.assertTrue(ticket.closed_date)
        self.assertTrue(ticket.cs_customer_satisfied)
        # The customer received the solution and the result (mail templates).
        customer_msgs = ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_comment")
        )
        self.assertIn("免费更换", " ".join(customer_msgs.mapped("body")))
        self.assertIn("已更换", " ".join(customer_msgs.mapped("body")))

    def test_unreasonable_complaint_explained(self):
        ticket = self.create_complaint(user=self.specialist)
        with self.assertRaises(UserError):
            ticket.action_cs_assess_unreasonable()
        self.assertEqual(ticket.cs_complaint_state, "registered")
        ticket.cs_explanation = "<p>运费由客户承担</p>"
        ticket.action_cs_assess_unreasonable()
        self.assertEqual(ticket.cs_complaint_state, "explained")
        self.assertTrue(ticket.closed)
        self.assertTrue(
            ticket.message_ids.filtered(lambda m: "运费由客户承担" in (m.body or "")),
            "the explanation was sent to the customer",
        )

    @freeze_time("2026-11-20 10:00:00")
    def test_approve_requires_manager(self):
        ticket = self.create_complaint(user=self.specialist)
        self._walk_to(ticket, "solution_proposed")
        self.assertEqual(ticket.cs_requester_id, self.specialist)
        as_specialist = ticket.with_user(self.specialist)
        with self.assertRaisesRegex(UserError, "requested it yourself"):
            as_specialist.action_cs_approve_solution()
        # Not by writing the step either, whatever the context says.
        with self.assertRaises(AccessError):
            as_specialist.write({"cs_complaint_state": "approved"})
        with self.assertRaises(AccessError):
            as_specialist.with_context(skip_validation_check=True).write(
                {"cs_complaint_state": "approved"}
            )
        # A manager writing the step directly does not approve it.
        with self.assertRaises(AccessError):
            ticket.with_user(self.manager).write({"cs_complaint_state": "approved"})
        self.assertEqual(ticket.cs_complaint_state, "solution_proposed")
        ticket.with_user(self.manager).action_cs_approve_solution()
        self.assertEqual(ticket.cs_complaint_state, "approved")

    @freeze_time("2026-11-20 10:00:00")
    def test_manager_validates_from_tier_buttons(self):
        """Proposing requests the approval; the Manager may validate from the tier
        buttons and the complaint moves on by itself."""
        ticket = self.create_complaint(user=self.specialist)
        self._walk_to(ticket, "solution_proposed")
        ticket.invalidate_recordset()
        self.assertEqual(ticket.validation_status, "pending")
        # Under approval, the solution is locked but the ticket stays workable.
        as_specialist = ticket.with_user(self.specialist)
        with self.assertRaises(ValidationError):
            as_specialist.cs_solution_deadline = "2026-11-30 17:00:00"
        with self.assertRaises(ValidationError):
            as_specialist.with_context(skip_validation_check=True).write(
                {"cs_solution_deadline": "2026-11-30 17:00:00"}
            )
        as_specialist.notes = "<p>客户来电询问进度</p>"
        self.assertTrue(ticket.with_user(self.manager).cs_can_approve)
        self.assertFalse(as_specialist.cs_can_approve)
        ticket.with_user(self.manager).validate_tier()
        ticket.invalidate_recordset()
        self.assertEqual(ticket.validation_status, "validated")
        self.assertEqual(ticket.cs_complaint_state, "approved")

    @freeze_time("2026-11-20 10:00:00")
    def test_implement_before_approval_refused(self):
        ticket = self.create_complaint(user=self.specialist)
        self._walk_to(ticket, "solution_proposed")
        ticket.cs_implementation_result = "<p>done</p>"
        with self.assertRaisesRegex(UserError, "approved before"):
            ticket.action_cs_implement()
        self.assertEqual(ticket.cs_complaint_state, "solution_proposed")
        self.assertFalse(ticket.cs_implemented_date)

    @freeze_time("2026-11-20 10:00:00")
    def test_deadline_in_the_past_refused(self):
        ticket = self.create_complaint(user=self.specialist)
        self._walk_to(ticket, "responsibility")
        with self.assertRaises(ValidationError):
            ticket.write({"cs_solution": "<p>x</p>", "cs_solution_deadline": "2026-11-19 17:00:00"})
        self.assertEqual(ticket.cs_complaint_state, "responsibility")
        self.assertFalse(ticket.cs_solution_deadline)

    @freeze_time("2026-11-20 10:00:00")
    def test_close_without_confirmation_refused(self):
        ticket = self.create_complaint(user=self.specialist)
        self._walk_to(ticket, "implemented")
        ticket.cs_complaint_summary = "lesson"
        with self.assertRaisesRegex(UserError, "not confirmed"):
            ticket.action_cs_close_complaint()
        self.assertEqual(ticket.cs_complaint_state, "implemented")
        self.assertFalse(ticket.closed)
        ticket.action_cs_confirm_satisfied()
        ticket.cs_complaint_summary = False
        with self.assertRaises(UserError):
            ticket.action_cs_close_complaint()

    @freeze_time("2026-11-20 10:00:00")
    def test_not_satisfied_back_to_new_proposal(self):
        ticket = self.create_complaint(user=self.specialist)
        self._walk_to(ticket, "implemented")
        ticket.action_cs_confirm_unsatisfied()
        self.assertEqual(ticket.cs_complaint_state, "solution_proposed")
        self.assertFalse(ticket.review_ids, "the approval is reset")
        self.assertEqual(ticket.validation_status, "no")
        self.assertFalse(ticket.cs_solution_deadline)
        self.assertEqual(ticket.cs_reopened_count, 1)
        ticket.cs_solution_deadline = "2026-11-27 17:00:00"
        ticket.with_user(self.specialist).action_cs_propose_solution()
        with self.assertRaises(UserError):
            ticket.with_user(self.specialist).action_cs_approve_solution()
        ticket.with_user(self.manager).action_cs_approve_solution()
        self.assertEqual(ticket.cs_complaint_state, "approved")

    def test_wrong_step_refused(self):
        ticket = self.create_complaint(user=self.specialist)
        with self.assertRaises(UserError):
            ticket.action_cs_forward()
        consultation = self.create_ticket("咨询", user_id=self.specialist.id)
        with self.assertRaises(UserError):
            consultation.action_cs_assess_reasonable()


class TestInvestigationDeadline(CsTicketCommon):
    def _forward(self, ticket):
        ticket.action_cs_assess_reasonable()
        ticket.cs_department_id = self.department
        ticket.action_cs_forward()

    @freeze_time("2026-11-20 10:00:00")  # a Friday
    def test_friday_forward_due_monday(self):
        ticket = self.create_complaint(user=self.specialist)
        self._forward(ticket)
        self.assertEqual(ticket.cs_forward_date, self.dt("2026-11-20 10:00:00"))
        self.assertEqual(ticket.cs_investigation_deadline, self.dt("2026-11-23 10:00:00"))

    @freeze_time("2026-11-20 10:00:00")
    def test_holiday_skipped(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "公司假日",
                "calendar_id": self.calendar.id,
                "date_from": "2026-11-23 00:00:00",
                "date_to": "2026-11-23 23:59:59",
            }
        )
        ticket = self.create_complaint(user=self.specialist)
        self._forward(ticket)
        self.assertEqual(ticket.cs_investigation_deadline, self.dt("2026-11-24 10:00:00"))

    def test_overdue_cron(self):
        team = self.env["helpdesk.ticket.team"].create(
            {
                "name": "投诉组",
                "user_id": self.supervisor.id,
                "user_ids": [(6, 0, self.specialist.ids)],
            }
        )
        with freeze_time("2026-11-20 10:00:00"):
            late = self.create_complaint("late", user=self.specialist, team_id=team.id)
            self._forward(late)
        with freeze_time("2026-11-23 09:00:00"):
            on_time = self.create_complaint("on time", user=self.specialist)
            self._forward(on_time)
        Ticket = self.env["helpdesk.ticket"]
        with freeze_time("2026-11-23 11:00:00"):
            Ticket._cron_cs_investigation_overdue()
            self.assertTrue(late.cs_investigation_overdue)
            self.assertFalse(on_time.cs_investigation_overdue)
            activity = late.activity_ids
            self.assertEqual(len(activity), 1)
            self.assertEqual(activity.user_id, self.supervisor)
            Ticket._cron_cs_investigation_overdue()
            self.assertEqual(len(late.activity_ids), 1, "idempotent")
            self.assertFalse(on_time.activity_ids)


class TestTicketDefaults(CsTicketCommon):
    def test_specialist_default_assignee_and_priority(self):
        self.customer.cs_specialist_id = self.specialist_2
        ticket = self.create_ticket("咨询")
        self.assertEqual(ticket.user_id, self.specialist_2)
        self.assertEqual(ticket.priority, "1")
        self.assertFalse(ticket.cs_complaint_state)
        contact = self.env["res.partner"].create({"name": "王先生", "parent_id": self.customer.id})
        ticket = self.create_ticket("联系人", partner_id=contact.id)
        self.assertEqual(ticket.user_id, self.specialist_2, "the company's specialist")

    def test_priority_from_type_and_customer_value(self):
        """A high-value customer's request is one level more urgent than its type says."""
        self.assertEqual(self.create_ticket("建议", cs_request_type="suggestion").priority, "0")
        self.assertEqual(self.create_ticket("投诉", cs_request_type="complaint").priority, "2")
        vip = self.env["cs.customer.category"].create(
            {"name": "重点客户", "category_type": "value_tier", "high_value": True}
        )
        earlier = self.env["res.partner"].create({"name": "赵先生", "parent_id": self.customer.id})
        self.customer.cs_category_ids = vip
        self.assertEqual(self.create_ticket("建议", cs_request_type="suggestion").priority, "1")
        self.assertEqual(self.create_ticket("投诉", cs_request_type="complaint").priority, "3")
        contact = self.env["res.partner"].create({"name": "李女士", "parent_id": self.customer.id})
        ticket = self.create_ticket("咨询", partner_id=contact.id)
        self.assertEqual(ticket.priority, "2", "the company's value counts for its contacts")
        # the flag stored on the customers follows their categories
        self.assertTrue(earlier.cs_high_value, "a contact created before the category")
        vip.high_value = False
        self.assertFalse((self.customer | earlier | contact).filtered("cs_high_value"))
        self.assertEqual(self.create_ticket("咨询", partner_id=contact.id).priority, "1")

    def test_team_balanced_assignment(self):
        team = self.env["helpdesk.ticket.team"].create(
            {"name": "热线", "user_ids": [(6, 0, (self.specialist | self.specialist_2).ids)]}
        )
        self.customer.cs_specialist_id = False
        self.create_ticket("a", team_id=team.id, user_id=self.specialist.id)
        ticket = self.create_ticket("b", team_id=team.id)
        self.assertEqual(ticket.user_id, self.specialist_2, "the least loaded member")

    def test_phone_identity_required(self):
        ticket = self.create_complaint(user=self.specialist, channel_id=self.channel_phone.id)
        self.assertTrue(ticket.cs_identity_required)
        with self.assertRaisesRegex(UserError, "identity"):
            ticket.action_cs_assess_reasonable()
        with self.assertRaisesRegex(UserError, "identity"):
            ticket.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        ticket.action_cs_confirm_identity()
        self.assertFalse(ticket.cs_identity_required)
        ticket.action_cs_assess_reasonable()
        self.assertEqual(ticket.cs_complaint_state, "assessed")

    def test_first_contact_resolution_and_reopening(self):
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        new = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        ticket = self.create_ticket("咨询", user_id=self.specialist.id)
        ticket.stage_id = done
        self.assertTrue(ticket.cs_first_contact_resolution)
        ticket.stage_id = new
        self.assertEqual(ticket.cs_reopened_count, 1)
        ticket.stage_id = done
        self.assertFalse(ticket.cs_first_contact_resolution)

    def test_first_response_date(self):
        ticket = self.create_ticket("咨询", user_id=self.specialist.id)
        ticket.message_post(body="internal", subtype_xmlid="mail.mt_note")
        self.assertFalse(ticket.cs_first_response_date)
        ticket.message_post(
            body="customer writes",
            author_id=self.customer.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertFalse(ticket.cs_first_response_date)
        ticket.with_user(self.specialist).message_post(
            body="answer", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertTrue(ticket.cs_first_response_date)

    def test_registration_card_report(self):
        ticket = self.create_complaint("货物破损", user=self.specialist)
        text = self.render_pdf_text("cs_service_dept.action_report_complaint_card", ticket.ids)
        self.assertIn(ticket.number, text)
        self.assertIn("华美贸易", text)
        self.assertIn("货物破损", text)


class TestTicketForms(CsTicketCommon):
    def test_form_as_specialist(self):
        """The form (with the tier validation additions) works for a specialist."""
        self.customer.cs_specialist_id = self.specialist_2
        with Form(self.env["helpdesk.ticket"].with_user(self.specialist)) as form:
            form.name = "外壳划痕"
            form.description = "<p>外壳有划痕</p>"
            form.cs_request_type = "complaint"
            self.assertEqual(form.priority, "2")
            form.user_id = self.env["res.users"]
            form.partner_id = self.customer
            self.assertEqual(form.user_id, self.specialist_2)
        ticket = form.record
        self.assertEqual(ticket.cs_complaint_state, "registered")
        self.assertEqual(ticket.partner_email, "huamei@example.com")

    def test_reward_penalty_form(self):
        complaint = self.create_complaint(user=self.specialist)
        with Form(self.env["cs.reward.penalty"].with_user(self.specialist)) as form:
            form.ticket_id = complaint
            form.user_id = self.specialist_2
            form.kind = "reward"
            form.amount = 100
            form.reason = "客户表扬"
        self.assertEqual(form.record.state, "draft")


class TestCronQueries(CsTicketCommon):
    def _count(self, func):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.cr.sql_log_count - start

    def test_overdue_cron_queries_do_not_grow(self):
        Ticket = self.env["helpdesk.ticket"]

        def forwarded(count):
            with freeze_time("2026-11-20 10:00:00"):
                tickets = Ticket.browse()
                for i in range(count):
                    ticket = self.create_complaint(f"late {i}", user=self.specialist)
                    ticket.action_cs_assess_reasonable()
                    ticket.cs_department_id = self.department
                    ticket.action_cs_forward()
                    tickets |= ticket
            return tickets

        with freeze_time("2026-11-24 12:00:00"):
            Ticket._cron_cs_investigation_overdue()  # warm up, flags the demo data
        one = forwarded(1)
        with freeze_time("2026-11-24 12:00:00"):
            queries_one = self._count(Ticket._cron_cs_investigation_overdue)
        five = forwarded(5)
        with freeze_time("2026-11-24 12:00:00"):
            queries_five = self._count(Ticket._cron_cs_investigation_overdue)
        self.assertTrue(all((one | five).mapped("cs_investigation_overdue")))
        self.assertLessEqual(queries_five, queries_one)


class TestComplaintDepartmentContact(CsTicketCommon):
    """The responsible department's contact is told and records the findings."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = new_test_user(
            cls.env, login="cs_quality_contact", groups="base.group_user", lang="en_US"
        )
        cls.department.user_id = cls.contact

    def _forwarded(self):
        ticket = self.create_complaint(user=self.specialist)
        ticket = ticket.with_user(self.specialist)
        ticket.action_cs_assess_reasonable()
        ticket.cs_department_id = self.department
        ticket.action_cs_forward()
        return ticket

    @freeze_time("2026-11-20 10:00:00")
    def test_contact_gets_activity_and_records_findings(self):
        ticket = self._forwarded()
        activity = ticket.activity_ids.filtered(lambda a: a.user_id == self.contact)
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            activity.date_deadline, ticket.cs_investigation_deadline.date(), "due at the deadline"
        )
        self.assertFalse(self.contact.has_group("helpdesk_mgmt.group_helpdesk_user_own"))
        as_contact = ticket.with_user(self.contact)
        self.assertTrue(as_contact.cs_can_findings)
        self.assertFalse(ticket.cs_can_findings, "the specialist is not the contact")
        with self.assertRaises(AccessError):
            as_contact.write({"cs_investigation_findings": "<p>x</p>"})
        with self.assertRaises(UserError):
            ticket.action_cs_record_findings("<p>不是我查的</p>")
        wizard = (
            self.env["cs.complaint.findings.wizard"]
            .with_user(self.contact)
            .create({"ticket_id": ticket.id, "findings": "<p>包装工序漏检</p>"})
        )
        wizard.action_record()
        self.assertIn("包装工序漏检", ticket.cs_investigation_findings)
        self.assertTrue(ticket.cs_investigation_done_date)
        self.assertFalse(activity.exists(), "the activity is done")
        self.assertEqual(ticket.cs_complaint_state, "forwarded")

    @freeze_time("2026-11-20 10:00:00")
    def test_contact_sees_only_forwarded_complaints(self):
        ticket = self._forwarded()
        other = self.create_complaint("另一投诉", user=self.specialist)
        consultation = self.create_ticket("咨询", user_id=self.specialist.id)
        Ticket = self.env["helpdesk.ticket"].with_user(self.contact)
        mine = (ticket | other | consultation).ids
        self.assertEqual(Ticket.search([("id", "in", mine)]), ticket)
        self.assertFalse(
            Ticket.search([]).filtered(lambda t: t.cs_department_id != self.department),
            "only complaints forwarded to their department",
        )
        for record in (other, consultation):
            with self.assertRaises(AccessError):
                record.with_user(self.contact).check_access("read")
        with self.assertRaises(AccessError):
            Ticket.create({"name": "x", "description": "<p>x</p>"})

    def test_consultation_retyped_enters_complaint_flow(self):
        ticket = self.create_ticket("咨询变投诉", user=self.specialist)
        self.assertFalse(ticket.cs_complaint_state)
        ticket.write({"cs_request_type": "complaint"})
        self.assertEqual(ticket.cs_complaint_state, "registered")
        self.assertTrue(ticket.cs_can_assess)
