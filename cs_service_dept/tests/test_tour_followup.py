# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestAssignFollowupTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.specialist"].search([]).write({"active": False})
        user = new_test_user(
            cls.env,
            login="tour_cs_specialist",
            name="Tour Specialist",
            groups="cs_service_dept.group_cs_specialist",
        )
        cls.env["cs.specialist"].create({"user_id": user.id, "capacity": 10})
        new_test_user(
            cls.env, login="tour_cs_supervisor", groups="cs_service_dept.group_cs_supervisor"
        )
        cls.customer = cls.env["res.partner"].create({"name": "巡检客户", "is_company": True})

    def test_assign_and_follow_up(self):
        self.start_tour(
            f"/odoo/action-cs_service_dept.res_partner_action_customer/{self.customer.id}",
            "cs_service_dept_assign_followup",
            login="tour_cs_supervisor",
        )
        self.assertEqual(self.customer.cs_specialist_id.login, "tour_cs_specialist")
        followup = self.customer.cs_followup_ids
        self.assertEqual(followup.state, "done")
        self.assertEqual(self.customer.cs_last_contact_date, followup.done_date)
