# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCreditTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env,
            login="tour_requester",
            name="Tour Requester",
            groups="cs_service_dept.group_cs_specialist",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Customer", "is_company": True, "customer_rank": 1}
        )
        product = cls.env["product.product"].create(
            {"name": "Tour product", "type": "service", "taxes_id": False}
        )
        admin = cls.env.ref("base.user_admin")
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": admin.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": 1,
                            "price_unit": 300000,
                            "tax_id": False,
                        }
                    )
                ],
            }
        )

    def test_evaluate_limit_and_refused_order(self):
        """Evaluate a customer, approve a limit, see an over-limit order refused."""
        self.start_tour(
            f"/odoo/res.partner/{self.customer.id}",
            "cs_credit_rating_tour",
            login="admin",
        )
        self.assertEqual(self.customer.with_company(self.env.company).credit_limit, 100000)
        self.assertEqual(self.order.state, "draft")
