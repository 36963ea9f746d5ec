# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

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
        # one batch per call, the rest reported for Odoo to call again
        remaining = self.env["cs.credit.evaluation"]._cron_evaluate_all(batch_size=2)
        self.assertEqual(remaining, 3)
        self.assertEqual(len(customers.cs_credit_evaluation_ids), 2)
        self.assertEqual(self.evaluate_all(batch_size=2), 2)
        self.assertEqual(len(customers.cs_credit_evaluation_ids), 5)
        # No history: 20 x 25% + 0 (paid 0%) ... = 5 + 7.5 + 25 + 15 + 10 = 62.5
        self.assertEqual(set(customers.mapped("cs_credit_grade")), {"B"})
        self.assertEqual(set(customers.mapped("cs_credit_score")), {62.5})
        # idempotent: a second run the same day changes nothing
        self.assertEqual(self.evaluate_all(batch_size=2), 1)
        self.assertEqual(len(customers.cs_credit_evaluation_ids), 5)

    def test_cron_cursor_skips_evaluated_and_restarts_next_day(self):
        customers = self._customers(4, "Cursor")
        # evaluated by hand this morning: the night's run skips it
        self.env["cs.credit.evaluation"]._evaluate_partners(customers[1])
        self.assertEqual(len(customers[1].cs_credit_evaluation_ids), 1)
        self.evaluate_all(batch_size=2)
        self.assertEqual(customers.mapped(lambda c: len(c.cs_credit_evaluation_ids)), [1] * 4)
        self.assertEqual(self.policy.run_cursor, customers[-1].id)
        self.assertEqual(self.policy.run_remaining, 0)
        # a customer created after the run waits for the next day
        late = self._customers(1, "Late")
        self.assertEqual(self.evaluate_all(batch_size=2), 1)
        self.assertFalse(late.cs_credit_evaluation_ids)
        # the next night: the late customer, and the one whose figures changed
        self.create_order(customers[2], 1000)
        with freeze_time("2026-07-01"):
            self.evaluate_all(batch_size=2)
        self.assertEqual(len(late.cs_credit_evaluation_ids), 1)
        self.assertEqual(customers.mapped(lambda c: len(c.cs_credit_evaluation_ids)), [1, 1, 2, 1])
        self.assertEqual(customers[2].cs_credit_evaluation_id.date.isoformat(), "2026-07-01")

    def test_next_night_records_what_changed(self):
        """A night records the evaluations whose figures, grade or policy
        differ from the customer's latest: the grade of the others is their
        latest evaluation's, of whatever day. An evaluation by hand is
        recorded whatever it repeats."""
        customers = self._customers(4, "Changed")
        Evaluation = self.env["cs.credit.evaluation"]
        self.evaluate_all()
        first = customers.cs_credit_evaluation_id
        self.assertEqual(len(first), 4)
        # figures: an order; grade: graded AAA on the same figures; policy:
        # recorded by another policy on the same figures and grade
        self.create_order(customers[0], 1000)
        self.grade(customers[1], "AAA", figures=first[1].figures)
        other = self.policy.copy({"name": "Older policy"})
        self.grade(customers[2], "B", figures=first[2].figures, policy_id=other.id)
        with freeze_time("2026-07-01"):
            self.evaluate_all()
            recorded = Evaluation.search(
                [("partner_id", "in", customers.ids), ("date", "=", "2026-07-01")]
            )
            self.assertEqual(recorded.partner_id, customers[:3])
            self.assertEqual(set(recorded.mapped("policy_id")), {self.policy})
            self.assertEqual(set(customers[:3].mapped("cs_credit_grade")), {"B"})
            # unchanged: its evaluation of the day before is its grade
            self.assertEqual(customers[3].cs_credit_evaluation_id, first[3])
            self.assertEqual(customers[3].cs_credit_grade, "B")
        # a night of the same figures records nothing
        with freeze_time("2026-07-02"):
            self.evaluate_all()
            self.assertEqual(self.policy.run_date.isoformat(), "2026-07-02")
            self.assertEqual(
                Evaluation.search_count([("partner_id", "in", customers.ids)]), 4 + 2 + 3
            )
            by_hand = Evaluation._evaluate_partners(customers[3])
            self.assertEqual(by_hand.figures, first[3].figures)
            self.assertEqual(customers[3].cs_credit_evaluation_id, by_hand)

    def test_night_figures_taken_once(self):
        """The first call of the day reads every customer's figures in one
        pass; the batches score those, so an order confirmed during the run
        waits for the next day, while an evaluation by hand reads the figures
        of the moment. A customer deleted during the run is skipped, and the
        statements run without JIT, the transaction's setting put back."""
        customers = self._customers(5, "Night")
        Figure = self.env["cs.credit.figure"]
        self.env.cr.execute("SET LOCAL jit = on")
        self.assertEqual(self.env["cs.credit.evaluation"]._cron_evaluate_all(batch_size=2), 3)
        self.env.cr.execute("SHOW jit")
        self.assertEqual(self.env.cr.fetchone()[0], "on")
        taken = Figure.search([("partner_id", "in", customers.ids)])
        self.assertEqual(len(taken), 5)
        # the Manager lists them from the policy; a specialist cannot
        action = self.policy.with_user(self.manager).action_view_night_figures()
        listed = Figure.with_user(self.manager).search(action["domain"])
        self.assertEqual(listed.customer_id & customers, customers)
        with self.assertRaises(AccessError):
            self.policy.with_user(self.specialist).action_view_night_figures()
        self.assertEqual(set(taken.mapped("order_count")), {0})
        # an order of the day, a customer gone
        self.create_order(customers[3], 1000)
        customers[4].unlink()
        self.assertEqual(self.evaluate_all(batch_size=2), 2)
        self.assertEqual(self.policy.run_remaining, 0)
        evaluated = customers[:4]
        self.assertEqual(evaluated.mapped(lambda c: len(c.cs_credit_evaluation_ids)), [1] * 4)
        self.assertEqual(
            [e.figures["order_count"] for e in evaluated.cs_credit_evaluation_id], [0] * 4
        )
        by_hand = self.env["cs.credit.evaluation"]._evaluate_partners(customers[3])
        self.assertEqual(by_hand.figures["order_count"], 1)
        # the next night takes them again, the customers of the day included
        late = self._customers(1, "Night late")
        with freeze_time("2026-07-01"):
            self.assertEqual(self.evaluate_all(batch_size=10), 1)
        self.assertEqual(Figure.search_count([("partner_id", "in", (customers | late).ids)]), 5)
        self.assertEqual(late.cs_credit_evaluation_id.date.isoformat(), "2026-07-01")

    def test_written_set_based_reads_as_created(self):
        """The policy's evaluations are written in one statement: read back
        through the ORM they are whole, and the customers' grade follows."""
        customers = self._customers(3, "Set")
        evaluations = self.env["cs.credit.evaluation"]._evaluate_partners(customers)
        self.env.invalidate_all()
        self.assertEqual(len(evaluations), 3)
        self.assertEqual(evaluations.partner_id, customers)
        policy = self.env["cs.credit.policy"]._get_active(self.env.company)
        for evaluation in evaluations:
            self.assertRecordValues(
                evaluation,
                [
                    {
                        "company_id": self.env.company.id,
                        "policy_id": policy.id,
                        "origin": "policy",
                        "state": "approved",
                        "date": self.env["cs.followup"]._cs_today(),
                        "grade": "B",
                        "total_score": 62.5,
                        "create_uid": self.env.uid,
                    }
                ],
            )
            self.assertEqual(
                evaluation.figures, self.env["cs.credit.file"]._empty_figures(), evaluation
            )
            # the details are the policy applied to the figures, not stored
            self.assertFalse(evaluation.details)
            self.assertEqual(
                sum(line["weighted"] for line in evaluation._cs_scoring_lines()),
                evaluation.total_score,
            )
            self.assertEqual(evaluation.partner_id.cs_credit_evaluation_id, evaluation)
        self.assertEqual(set(customers.mapped("cs_credit_grade")), {"B"})
        self.assertEqual(customers[0].cs_credit_evaluation_count, 1)

    def test_standing_derived_per_company(self):
        """The nightly run writes no customer: the grade, score and latest
        evaluation are derived from the latest approved evaluation in the
        current company, and searched as stored fields are."""
        customers = self._customers(3, "Steady")
        Partner = self.env["res.partner"]
        self.env.flush_all()
        written = SQL("SELECT max(write_date) FROM res_partner WHERE id = ANY(%s)", customers.ids)
        before = self.env.execute_query(written)
        evaluations = self.env["cs.credit.evaluation"]._evaluate_partners(customers)
        self.env.flush_all()
        self.assertEqual(self.env.execute_query(written), before)
        for name in ("cs_credit_grade", "cs_credit_score", "cs_credit_evaluation_id"):
            self.assertFalse(Partner._fields[name].store, name)
        self.assertEqual(customers.cs_credit_evaluation_id, evaluations)
        self.assertEqual(set(customers.mapped("cs_credit_grade")), {"B"})
        changed = customers[0]
        self.grade(changed, "AAA", total_score=95)
        self.assertEqual((changed.cs_credit_grade, changed.cs_credit_score), ("AAA", 95))
        # another company reads its own grade
        other = self.env["res.company"].create({"name": "Standing Elsewhere"})
        self.grade(customers[1], "C", company=other)
        self.assertEqual(customers[1].cs_credit_grade, "B")
        self.assertEqual(customers[1].with_company(other).cs_credit_grade, "C")
        # a customer never evaluated, and a contact person (never graded)
        ungraded = self._customers(1, "Ungraded") | Partner.create(
            {"name": "Steady contact", "parent_id": changed.id}
        )
        everyone = customers | ungraded

        def search(*domain):
            return Partner.search([("id", "in", everyone.ids), *domain])

        self.assertEqual(search(("cs_credit_grade", "=", "AAA")), changed)
        self.assertEqual(search(("cs_credit_grade", "in", ["B", "C"])), customers[1:])
        self.assertEqual(search(("cs_credit_grade", "!=", "B")), changed | ungraded)
        self.assertEqual(search(("cs_credit_grade", "not in", ["AAA"])), customers[1:] | ungraded)
        self.assertEqual(search(("cs_credit_grade", "=", False)), ungraded)
        self.assertEqual(search(("cs_credit_grade", "!=", False)), customers)
        self.assertEqual(search(("cs_credit_grade", "in", ["AAA", False])), changed | ungraded)
        self.assertEqual(search(("cs_credit_score", ">", 62.5)), changed)
        self.assertEqual(search(("cs_credit_score", "<=", 62.5)), customers[1:])
        self.assertEqual(
            Partner.with_company(other).search(
                [("id", "in", everyone.ids), ("cs_credit_grade", "=", "C")]
            ),
            customers[1],
        )
        with self.assertRaisesText(UserError, "not searched"):
            search(("cs_credit_grade", "ilike", "A"))

    def test_latest_evaluations_read_together(self):
        """The customers' latest evaluations (derived) are read together: the
        count of queries does not grow with the customers shown."""
        counts = []
        for size in (2, 6):
            customers = self._customers(size, f"Shown{size}")
            self.env["cs.credit.evaluation"]._evaluate_partners(customers)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            grades = customers.mapped("cs_credit_evaluation_id.grade")
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(grades, ["B"] * size)
        self.assertEqual(counts[0], counts[1])

    def _evaluation_queries(self, sizes, history=False):
        """Queries of evaluating a batch of new customers of each size (with a
        previous evaluation each when ``history``)."""
        Evaluation = self.env["cs.credit.evaluation"]
        empty = self.env["cs.credit.file"]._empty_figures()
        counts = []
        for size in sizes:
            customers = self._customers(size, f"Batch{size}{history}")
            if history:
                Evaluation.create(
                    [
                        {
                            "partner_id": customer.id,
                            "origin": "policy",
                            "state": "approved",
                            "grade": "A",
                            "date": "2026-05-31",
                            "figures": empty,
                        }
                        for customer in customers
                    ]
                )
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Evaluation._evaluate_partners(customers, detect_anomalies=True)
            self.env.flush_all()
            counts.append(self.env.cr.sql_log_count - before)
        return counts

    def test_query_count_does_not_grow(self):
        # the first batch warms up
        counts = self._evaluation_queries((1, 3, 12))
        self.assertEqual(counts[1], counts[2])

    def test_query_count_does_not_grow_with_history(self):
        """Customers evaluated before: their previous evaluations, which the
        anomaly detection compares with, are read together."""
        counts = self._evaluation_queries((1, 3, 12), history=True)
        self.assertEqual(counts[1], counts[2])

    def test_specialist_drafts_evaluation_only_manager_approval_grades(self):
        """A specialist creating an AAA evaluation does not change the grade:
        the evaluation form changes it once the Manager approves it."""
        customer = self._customers(1, "Drafted")
        self.grade(customer, "B")
        Evaluation = self.env["cs.credit.evaluation"].with_user(self.specialist)
        evaluation = Evaluation.create(
            {"partner_id": customer.id, "grade": "AAA", "note": "Paid everything early"}
        )
        self.assertEqual(evaluation.state, "draft")
        self.assertEqual(customer.cs_credit_grade, "B")
        # neither forging an approved or a system evaluation, nor writing the state
        for vals in ({"state": "approved"}, {"origin": "policy"}):
            with self.assertRaises(AccessError):
                Evaluation.create({"partner_id": customer.id, "grade": "AAA", **vals})
        with self.assertRaises(AccessError):
            evaluation.write({"state": "approved"})
        # nor passing the draft off as a system evaluation once created
        change = self.env["cs.credit.grade.change"].create(
            {"partner_id": customer.id, "new_grade": "AAA", "reason": "x"}
        )
        for vals in ({"origin": "policy"}, {"grade_change_id": change.id}):
            with self.assertRaises(AccessError):
                evaluation.write(vals)
        self.assertEqual(evaluation.origin, "manual")
        evaluation.action_cs_submit()
        self.assertEqual(customer.cs_credit_grade, "B")
        with self.assertRaises(UserError):
            evaluation.write({"grade": "AA"})
        with self.assertRaisesText(UserError, "requested it yourself"):
            evaluation.validate_tier()
        evaluation.with_user(self.manager).validate_tier()
        self.assertEqual(evaluation.state, "approved")
        self.assertEqual(customer.cs_credit_grade, "AAA")
        # approved: the customer's grade history, read-only to all
        for user in (self.specialist, self.manager):
            with self.assertRaises(UserError):
                evaluation.with_user(user).write({"grade": "C"})
        with self.assertRaises(AccessError):
            evaluation.with_user(self.specialist).unlink()
        with self.assertRaises(UserError):
            evaluation.with_user(self.manager).unlink()

    def test_specialist_evaluates_with_the_policy(self):
        """The Evaluate button: the grade is the system's computation."""
        customer = self._customers(1, "Button")
        customer.with_user(self.specialist).action_cs_credit_evaluate()
        self.assertEqual(customer.cs_credit_grade, "B")
        self.assertEqual(customer.cs_credit_evaluation_id.origin, "policy")
        with self.assertRaises(AccessError):
            customer.with_user(self.internal_user).action_cs_credit_evaluate()

    def test_no_active_policy(self):
        self.policy.state = "archived"
        with self.assertRaisesText(UserError, "no active"):
            self.env["cs.credit.evaluation"]._evaluate_partners(self._customers(1, "Nopolicy"))
