# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCreditTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.requester = new_test_user(
            cls.env,
            login="tour_requester",
            name="Tour Requester",
            groups="cs_service_dept.group_cs_specialist",
        )
        # a customer service manager without any sales right
        cls.approver = new_test_user(
            cls.env,
            login="tour_credit_manager",
            name="Tour Credit Manager",
            groups="cs_service_dept.group_cs_manager",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Tour Customer", "is_company": True, "customer_rank": 1}
        )
        product = cls.env["product.product"].create(
            {"name": "Tour product", "type": "service", "taxes_id": False}
        )
        cls.salesman = new_test_user(
            cls.env,
            login="tour_salesman",
            name="Tour Salesman",
            groups="sales_team.group_sale_salesman",
        )
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
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

    def test_evaluate_limit_and_override(self):
        """A specialist evaluates a customer and requests a limit; the Manager
        approves it and confirms the salesperson's order, now blocked by
        credit, over the limit with a reason."""
        use_credit_limit = self.env.company.account_use_credit_limit
        self.start_tour(
            f"/odoo/res.partner/{self.customer.id}",
            "cs_credit_rating_tour",
            login="tour_requester",
        )
        request = self.env["cs.credit.limit.request"].search(
            [("partner_id", "=", self.customer.id)]
        )
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.cs_requester_id, self.requester)
        self.assertEqual(self.order.state, "draft")
        self.start_tour(
            f"/odoo/action-cs_credit_rating.cs_credit_limit_request_action/{request.id}",
            "cs_credit_rating_approve_tour",
            login="tour_credit_manager",
        )
        self.env.invalidate_all()
        self.assertEqual(request.state, "approved")
        self.assertEqual(request.review_ids.done_by, self.approver)
        self.assertEqual(self.customer.with_company(self.env.company).credit_limit, 100000)
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(self.order.user_id, self.salesman)
        self.assertIn("letter of credit", "".join(self.order.message_ids.mapped("body")))
        self.assertIn("letter of credit", "".join(self.customer.message_ids.mapped("body")))
        self.assertEqual(self.env.company.account_use_credit_limit, use_credit_limit)
