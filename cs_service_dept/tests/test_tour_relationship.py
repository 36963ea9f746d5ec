# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRelationshipPlanTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist = new_test_user(
            cls.env,
            login="tour_plan_specialist",
            name="Tour Plan Specialist",
            groups="cs_service_dept.group_cs_specialist",
        )
        new_test_user(cls.env, login="tour_plan_manager", groups="cs_service_dept.group_cs_manager")
        new_test_user(
            cls.env, login="tour_plan_gm", groups="cs_service_dept.group_cs_general_manager"
        )
        cls.salesperson = new_test_user(
            cls.env,
            login="tour_plan_salesperson",
            name="Tour Salesperson",
            groups="sales_team.group_sale_salesman",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "巡检客户",
                "is_company": True,
                "cs_specialist_id": cls.specialist.id,
                "user_id": cls.salesperson.id,
            }
        )

    def _plan_url(self, plan):
        return f"/odoo/action-cs_service_dept.cs_relationship_plan_action/{plan.id}"

    def test_draft_approve_and_evaluate(self):
        self.start_tour(
            "/odoo/action-cs_service_dept.cs_relationship_plan_action/new",
            "cs_service_dept_relationship_plan_draft",
            login="tour_plan_specialist",
        )
        plan = self.env["cs.relationship.plan"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(plan.state, "to_approve")
        self.assertEqual(plan.user_id, self.salesperson)
        self.start_tour(
            self._plan_url(plan),
            "cs_service_dept_relationship_plan_approve",
            login="tour_plan_manager",
        )
        self.start_tour(
            self._plan_url(plan),
            "cs_service_dept_relationship_plan_followups",
            login="tour_plan_gm",
        )
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.followup_ids.specialist_id, self.specialist)
        self.assertEqual(plan.activity_ids.user_id, self.salesperson)
        # The salesperson, without any customer service group, evaluates it.
        self.assertFalse(self.salesperson.has_group("cs_service_dept.group_cs_specialist"))
        self.start_tour(
            f"/odoo/action-cs_service_dept.cs_relationship_plan_action_salesperson/{plan.id}",
            "cs_service_dept_relationship_plan_evaluate",
            login="tour_plan_salesperson",
        )
        self.assertEqual(plan.evaluation_ids.user_id, self.salesperson)
        self.assertIn("新品推介", plan.evaluation_ids.work_done)
