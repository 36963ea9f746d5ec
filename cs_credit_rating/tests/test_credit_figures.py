# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from .common import CsCreditCommon


@freeze_time("2026-06-30")
class TestCreditFigures(CsCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.create_customer("Figures Customer")
        cls.create_order(cls.customer, 1000, date="2026-03-01")
        cls.create_order(cls.customer, 2000, date="2026-06-01")
        cls.create_order(cls.customer, 5000, date="2025-01-01")  # out of window
        cls.create_order(cls.customer, 700, confirm=False)  # quotation
        inv1 = cls.create_invoice(cls.customer, 1000, "2026-01-10", "2026-02-09")
        cls.pay(inv1, 1000, "2026-02-19")  # 10 days late
        inv2 = cls.create_invoice(cls.customer, 2000, "2026-04-01", "2026-05-01")
        cls.pay(inv2, 500, "2026-05-05")  # 1,500 overdue
        cls.create_invoice(cls.customer, 400, "2026-06-20", "2026-07-20")
        cls.create_invoice(cls.customer, 300, "2026-05-10", "2026-05-10", move_type="out_refund")

    def test_figures_by_hand(self):
        figures = self.env["cs.credit.file"]._compute_credit_figures(self.customer)[
            self.customer.id
        ]
        self.assertEqual(figures["sales_amount"], 3000)
        self.assertEqual(figures["order_count"], 2)
        self.assertEqual(figures["recent_sales_amount"], 2000)
        self.assertEqual(figures["invoiced_amount"], 3400)
        self.assertEqual(figures["paid_amount"], 1500)
        self.assertEqual(figures["paid_ratio"], 44.12)
        self.assertEqual(figures["avg_days_late"], 10)
        self.assertEqual(figures["overdue_amount"], 1500)
        self.assertEqual(figures["returns_amount"], 300)
        self.assertEqual(figures["bounced_count"], 0)

    def test_evaluation_by_hand(self):
        # sales 3,000 -> 20 x 25% = 5; paid 44.12% -> 30 x 25% = 7.5;
        # 10 days late -> 80 x 25% = 20; overdue 1,500 -> 60 x 15% = 9;
        # no complaint -> 100 x 10% = 10. Total 51.5: grade C (< 60).
        evaluation = self.customer.with_user(self.specialist).action_cs_credit_evaluate()
        self.assertTrue(evaluation)
        latest = self.customer.cs_credit_evaluation_id
        self.assertEqual(latest.total_score, 51.5)
        self.assertEqual(latest.grade, "C")
        self.assertEqual(self.customer.cs_credit_grade, "C")
        self.assertEqual(self.customer.cs_credit_score, 51.5)
        self.assertEqual(latest.figures["overdue_amount"], 1500)
        self.assertEqual(
            [line["weighted"] for line in latest._cs_scoring_lines()], [5, 7.5, 20, 9, 10]
        )
        self.assertIn("44.12", latest.details_html)

    def test_credit_file_shows_figures(self):
        credit_file = self.env["cs.credit.file"].create({"partner_id": self.customer.id})
        self.assertEqual(credit_file.sales_amount, 3000)
        self.assertEqual(credit_file.overdue_amount, 1500)
        self.assertEqual(credit_file.window_months, 12)

    def test_complaints_counted(self):
        Ticket = self.env["helpdesk.ticket"]
        vals = {"partner_id": self.customer.id, "description": "Broken"}
        if "cs_request_type" in Ticket._fields:
            vals["cs_request_type"] = "complaint"
        Ticket.create([dict(vals, name="Complaint 1"), dict(vals, name="Complaint 2")])
        figures = self.env["cs.credit.file"]._compute_credit_figures(self.customer)
        self.assertEqual(figures[self.customer.id]["complaint_count"], 2)
