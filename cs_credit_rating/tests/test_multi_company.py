# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError

from .common import CsCreditCommon


@freeze_time("2026-06-30")
class TestCreditMultiCompany(CsCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "CS Company B"})
        cls.env.user.company_ids |= cls.company_b
        cls.policy_b = cls.policy.copy({"name": "Policy B", "company_id": cls.company_b.id})
        cls.policy_b.state = "active"
        # one customer shared by both companies, one belonging to company B
        cls.shared = cls.create_customer("Shared Customer", customer_rank=1)
        cls.own_b = cls.create_customer(
            "Company B Customer", customer_rank=1, company_id=cls.company_b.id
        )

    def test_cron_evaluates_every_company_with_their_company(self):
        self.evaluate_all(batch_size=1)
        evaluations = self.env["cs.credit.evaluation"].search(
            [("partner_id", "in", (self.shared | self.own_b).ids)]
        )
        self.assertEqual(
            sorted((e.partner_id.name, e.company_id.name) for e in evaluations),
            sorted(
                [
                    ("Company B Customer", "CS Company B"),
                    ("Shared Customer", self.company.name),
                    ("Shared Customer", "CS Company B"),
                ]
            ),
        )
        self.assertEqual(
            evaluations.filtered(lambda e: e.company_id == self.company_b).policy_id,
            self.policy_b,
        )
        # idempotent in every company
        self.env["cs.credit.evaluation"]._cron_evaluate_all()
        self.assertEqual(
            self.env["cs.credit.evaluation"].search_count(
                [("partner_id", "in", (self.shared | self.own_b).ids)]
            ),
            3,
        )

    def test_order_checks_the_grade_of_its_own_company(self):
        self.grade(self.shared, "C", company=self.company)
        order_a = self.create_order(self.shared, 10, confirm=False)
        with self.assertRaisesText(UserError, "credit grade C"):
            order_a.action_confirm()
        order_b = (
            self.env["sale.order"]
            .with_company(self.company_b)
            .create(
                {
                    "partner_id": self.shared.id,
                    "company_id": self.company_b.id,
                    "order_line": [
                        Command.create({"product_id": self.product.id, "price_unit": 10})
                    ],
                }
            )
        )
        order_b.action_confirm()
        self.assertEqual(order_b.state, "sale")

    def test_documents_check_the_customer_company(self):
        with self.assertRaises(UserError):
            self.env["cs.credit.limit.request"].create(
                {"partner_id": self.own_b.id, "company_id": self.company.id, "reason": "x"}
            )
        request = self.env["cs.credit.limit.request"].create(
            {"partner_id": self.own_b.id, "company_id": self.company_b.id, "reason": "x"}
        )
        self.assertEqual(request.company_id, self.company_b)

    def test_documents_read_the_grade_of_their_company(self):
        """The grade a limit request or a grade change starts from is the
        customer's grade in the document's company, not its latest anywhere."""
        self.grade(self.shared, "C", company=self.company_b)
        self.grade(self.shared, "A", company=self.company)
        self.assertEqual(self.shared.cs_credit_grade, "A")
        request = self.env["cs.credit.limit.request"].create(
            {"partner_id": self.shared.id, "company_id": self.company_b.id, "reason": "x"}
        )
        self.assertEqual((request.grade, request.amount), ("C", 0))
        change = self.env["cs.credit.grade.change"].create(
            {
                "partner_id": self.shared.id,
                "company_id": self.company_b.id,
                "new_grade": "B",
                "reason": "x",
            }
        )
        self.assertEqual(change.old_grade, "C")
        request_a = self.env["cs.credit.limit.request"].create(
            {"partner_id": self.shared.id, "reason": "x"}
        )
        self.assertEqual((request_a.grade, request_a.amount), ("A", 100000))
