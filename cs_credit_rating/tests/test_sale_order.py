# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import CsCreditCommon


class TestSaleOrderCreditLimit(CsCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.account_use_credit_limit = True
        cls.customer = cls.create_customer("Sales Customer")
        cls.customer.with_company(cls.company).credit_limit = 1000
        # open receivable 300 and a confirmed order not invoiced of 200
        cls.create_invoice(cls.customer, 300, "2026-01-01", "2026-12-31")
        cls.create_order(cls.customer, 200)

    def test_over_limit_refused_with_amounts(self):
        order = self.create_order(self.customer, 600, confirm=False, user=self.specialist)
        with self.assertRaises(UserError) as err:
            order.with_user(self.specialist).action_confirm()
        message = str(err.exception)
        for amount in ("300.00", "200.00", "600.00", "1,100.00", "1,000.00"):
            self.assertIn(amount, message)
        self.assertEqual(order.state, "draft")

    def test_within_limit_confirmed(self):
        order = self.create_order(self.customer, 500, confirm=False, user=self.specialist)
        order.with_user(self.specialist).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_manager_override_logged(self):
        order = self.create_order(self.customer, 600, confirm=False, user=self.manager)
        action = order.with_user(self.manager).action_cs_credit_override()
        wizard = (
            self.env["cs.credit.override.wizard"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Strategic customer, paid by LC"})
        )
        self.assertIn("1,100.00", wizard.message)
        wizard.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertTrue(
            any("Strategic customer" in body for body in order.message_ids.mapped("body"))
        )
        self.assertTrue(
            any("Strategic customer" in body for body in self.customer.message_ids.mapped("body"))
        )

    def test_specialist_cannot_override(self):
        order = self.create_order(self.customer, 600, confirm=False)
        with self.assertRaises(AccessError):
            self.env["cs.credit.override.wizard"].with_user(self.specialist).create(
                {"order_id": order.id, "reason": "Please"}
            )
        self.assertEqual(order.state, "draft")

    def test_grade_c_treated_as_over_limit(self):
        customer = self.create_customer("Grade C Customer")
        self.env["cs.credit.evaluation"].create(
            {"partner_id": customer.id, "total_score": 40, "grade": "C"}
        )
        order = self.create_order(customer, 10, confirm=False)
        with self.assertRaisesText(UserError, "credit grade C"):
            order.action_confirm()

    def test_confirmed_anomaly_treated_as_over_limit(self):
        customer = self.create_customer("Anomaly Sales Customer")
        anomaly = self.env["cs.credit.anomaly"].create({"partner_id": customer.id})
        order = self.create_order(customer, 10, confirm=False)
        order.action_confirm()  # an open anomaly alone does not block
        anomaly.action_confirm()
        order2 = self.create_order(customer, 10, confirm=False)
        with self.assertRaisesText(UserError, "confirmed credit anomaly"):
            order2.action_confirm()
