# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import UserError

from .common import CsCreditCommon


@freeze_time("2026-06-30")
class TestCreditEvaluation(CsCreditCommon):
    def _customers(self, count, prefix):
        return self.env["res.partner"].create(
            [
                {"name": f"{prefix} {i}", "is_company": True, "customer_rank": 1}
                for i in range(count)
            ]
        )

    def test_cron_evaluates_everyone_once(self):
        customers = self._customers(5, "Cron")
        self.env["cs.credit.evaluation"]._cron_evaluate_all(batch_size=2)
        self.assertEqual(len(customers.cs_credit_evaluation_ids), 5)
        # No history: 20 x 25% + 0 (paid 0%) ... = 5 + 7.5 + 25 + 15 + 10 = 62.5
        self.assertEqual(set(customers.mapped("cs_credit_grade")), {"B"})
        self.assertEqual(set(customers.mapped("cs_credit_score")), {62.5})
        # idempotent: a second run the same day changes nothing
        self.env["cs.credit.evaluation"]._cron_evaluate_all(batch_size=2)
        self.assertEqual(len(customers.cs_credit_evaluation_ids), 5)

    def test_query_count_does_not_grow(self):
        Evaluation = self.env["cs.credit.evaluation"]
        Evaluation._evaluate_partners(self._customers(1, "Warmup"), detect_anomalies=True)
        counts = []
        for size in (3, 12):
            customers = self._customers(size, f"Batch{size}")
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Evaluation._evaluate_partners(customers, detect_anomalies=True)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])

    def test_no_active_policy(self):
        self.policy.state = "archived"
        with self.assertRaisesText(UserError, "no active"):
            self.env["cs.credit.evaluation"]._evaluate_partners(self._customers(1, "Nopolicy"))
