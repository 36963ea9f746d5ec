# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .common import CsCreditCommon


class TestCreditPolicy(CsCreditCommon):
    def _band(self, grade, low, high, limit=0):
        return Command.create(
            {"grade": grade, "min_score": low, "max_score": high, "credit_limit": limit}
        )

    def test_weights_must_sum_to_100(self):
        with self.assertRaisesText(ValidationError, "add up to 90"):
            self.env["cs.credit.policy"].create(
                {
                    "name": "Bad weights",
                    "criterion_ids": [
                        Command.create(
                            {"name": "Sales", "figure_key": "sales_amount", "weight": 50}
                        ),
                        Command.create(
                            {"name": "Late", "figure_key": "avg_days_late", "weight": 40}
                        ),
                    ],
                }
            )

    def test_bands_without_gap_or_overlap(self):
        Policy = self.env["cs.credit.policy"]
        with self.assertRaisesText(ValidationError, "gap"):
            Policy.create(
                {
                    "name": "Gap",
                    "band_ids": [self._band("C", 0, 50), self._band("A", 60, 100)],
                }
            )
        with self.assertRaisesText(ValidationError, "overlap"):
            Policy.create(
                {
                    "name": "Overlap",
                    "band_ids": [self._band("C", 0, 60), self._band("A", 50, 100)],
                }
            )
        with self.assertRaisesText(ValidationError, "reach 100"):
            Policy.create({"name": "Short", "band_ids": [self._band("C", 0, 80)]})
        with self.assertRaisesText(ValidationError, "negative"):
            Policy.create({"name": "Negative", "band_ids": [self._band("C", 0, 100, -1)]})
        self.assertFalse(Policy.search([("name", "in", ("Gap", "Overlap", "Short"))]))

    def test_scoring_and_grade(self):
        figures = dict.fromkeys(
            ("sales_amount", "paid_ratio", "avg_days_late", "overdue_amount"), 0.0
        )
        figures.update(sales_amount=150000, paid_ratio=96, avg_days_late=0.5)
        # 100 x 25 + 100 x 25 + 100 x 25 + 100 x 15 + 100 x 10 = 100: AAA
        total, grade, band, details = self.policy._score(figures)
        self.assertEqual((total, grade), (100, "AAA"))
        self.assertEqual(band.credit_limit, 500000)
        figures.update(sales_amount=50000, paid_ratio=90)  # 60 and 70 -> 82.5
        self.assertEqual(self.policy._score(figures)[:2], (82.5, "AA"))
        self.assertEqual(self.policy._band_for(80).grade, "AA")
        self.assertEqual(self.policy._band_for(79.99).grade, "A")
        self.assertEqual(self.policy._band_for(0).grade, "C")
        self.assertEqual(len(details), 5)

    def test_policy_approved_by_manager_then_single_active(self):
        draft = self.policy.with_user(self.specialist).copy({"name": "2027 policy"})
        self.assertEqual(draft.state, "draft")
        self.assertEqual(len(draft.criterion_ids), 5)
        draft.with_user(self.specialist).request_validation()
        self.assertEqual(draft.validation_status, "pending")
        # the specialist cannot approve it
        draft.with_user(self.specialist).validate_tier()
        self.assertEqual(draft.state, "draft")
        with self.assertRaises(UserError):
            draft.with_user(self.manager).action_activate()
        draft.with_user(self.manager).validate_tier()
        self.assertEqual(draft.state, "approved")
        draft.with_user(self.manager).action_activate()
        self.assertEqual(draft.state, "active")
        self.assertEqual(self.policy.state, "archived")
        self.assertEqual(self.env["cs.credit.policy"]._get_active(), draft)

    def test_incomplete_policy_cannot_be_submitted(self):
        policy = self.env["cs.credit.policy"].create({"name": "Empty"})
        with self.assertRaisesText(UserError, "needs criteria"):
            policy.request_validation()
        self.assertFalse(policy.review_ids)
