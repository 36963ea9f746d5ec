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
