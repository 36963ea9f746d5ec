# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="tour_manager",
            name="Tour Manager",
            groups="cs_service_dept.group_cs_manager",
        )
        cls.supervisor = new_test_user(
            cls.env,
            login="tour_supervisor",
            name="Tour Supervisor",
            groups="cs_service_dept.group_cs_supervisor",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "华美贸易 (tour)",
                "is_company": True,
                "email": "tour@example.com",
                "cs_specialist_id": cls.supervisor.id,
            }
        )

    def test_complaint_from_registration_to_closure(self):
        """A supervisor registers a complaint and proposes a solution; the Manager
        approves it and walks it to closure."""
        self.start_tour("/odoo", "cs_service_dept_complaint", login="tour_supervisor")
        self.env.invalidate_all()
        ticket = self.env["helpdesk.ticket"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.cs_complaint_state, "solution_proposed")
        self.assertEqual(ticket.cs_requester_id, self.supervisor)
        self.start_tour(
            f"/odoo/action-cs_service_dept.helpdesk_ticket_action_complaint/{ticket.id}",
            "cs_service_dept_complaint_approve",
            login="tour_manager",
        )
        self.env.invalidate_all()
        self.assertEqual(ticket.cs_complaint_state, "closed")
        self.assertEqual(ticket.partner_id, self.customer)
        self.assertEqual(ticket.user_id, self.supervisor, "the customer's specialist")
        self.assertEqual(ticket.cs_department_id.name, "Quality")
        self.assertEqual(ticket.validation_status, "validated")
        self.assertEqual(ticket.review_ids.done_by, self.manager)
        self.assertEqual(ticket.cs_complaint_summary, "出厂检验增加外观检查")
        self.assertTrue(ticket.closed)

    def test_department_contact_records_findings(self):
        """The contact of the responsible department has no customer service or
        helpdesk group: they open the complaint from their activity."""
        contact = new_test_user(
            self.env, login="tour_quality", name="Tour Quality", groups="base.group_user"
        )
        department = self.env.ref("cs_service_dept.cs_complaint_department_quality")
        department.user_id = contact
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "包装破损 (tour)",
                    "description": "<p>外包装破损</p>",
                    "partner_id": self.customer.id,
                    "cs_request_type": "complaint",
                }
            )
        )
        ticket.action_cs_assess_reasonable()
        ticket.cs_department_id = department
        ticket.action_cs_forward()
        self.start_tour("/odoo", "cs_service_dept_complaint_findings", login="tour_quality")
        self.assertIn("仓库搬运导致破损", ticket.cs_investigation_findings)
        self.assertFalse(ticket.activity_ids.filtered(lambda a: a.user_id == contact))
