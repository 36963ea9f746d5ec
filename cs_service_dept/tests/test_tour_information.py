# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestInformationTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist = new_test_user(
            cls.env,
            login="tour_info_specialist",
            name="Tour Info Specialist",
            groups="cs_service_dept.group_cs_specialist",
        )
        # A salesperson: no customer service group.
        cls.recipient = new_test_user(
            cls.env,
            login="tour_info_recipient",
            name="Tour Info Recipient",
            groups="base.group_user,sales_team.group_sale_salesman",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "巡检信息客户", "is_company": True, "cs_specialist_id": cls.specialist.id}
        )
        cls.category = cls.env["cs.information.category"].create(
            {"name": "巡检市场动态", "info_type": "market", "user_id": cls.specialist.id}
        )

    def test_specialist_distributes(self):
        self.start_tour(
            "/odoo/action-cs_service_dept.cs_information_action",
            "cs_service_dept_information_distribute",
            login="tour_info_specialist",
        )
        info = self.env["cs.information"].search([("title", "=", "巡检竞争对手降价")])
        self.assertEqual(info.state, "distributed")
        self.assertEqual(info.partner_id, self.customer)
        self.assertEqual(info.recipient_ids.user_id, self.recipient)
        self.assertEqual(info.activity_ids.user_id, self.recipient)

    def test_recipient_acknowledges(self):
        info = (
            self.env["cs.information"]
            .with_user(self.specialist)
            .create(
                {
                    "title": "巡检客户换采购负责人",
                    "partner_id": self.customer.id,
                    "category_id": self.category.id,
                    "distribute_user_ids": [(6, 0, self.recipient.ids)],
                }
            )
        )
        info.action_distribute()
        self.start_tour(
            f"/odoo/action-cs_service_dept.cs_information_action_received/{info.id}",
            "cs_service_dept_information_acknowledge",
            login="tour_info_recipient",
        )
        self.assertTrue(info.recipient_ids.acknowledged)
        self.assertFalse(info.activity_ids)
