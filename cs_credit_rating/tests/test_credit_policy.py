# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

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

    def _scored_in_sql(self, policy, rows):
        """``(total, grade)`` of ``policy`` for each of ``rows`` (figures),
        computed by PostgreSQL as the nightly evaluation does."""
        keys = sorted({key for row in rows for key in row})
        values = SQL(", ").join(
            SQL("(%s)", SQL(", ").join(SQL("%s::float8", row[key]) for key in keys)) for row in rows
        )
        total = policy._cs_score_sql(lambda key: SQL.identifier("f", key))
        grade = policy._cs_grade_sql(SQL.identifier("s", "total"))
        return self.env.execute_query(
            SQL(
                "SELECT s.total, %s FROM (SELECT %s AS total, n FROM "
                "(SELECT *, row_number() OVER () AS n FROM (VALUES %s) AS v(%s)) AS f) AS s "
                "ORDER BY s.n",
                grade,
                total,
                values,
                SQL(", ").join(SQL.identifier(key) for key in keys),
            )
        )

    def test_scoring_in_sql_as_in_python(self):
        """The nightly evaluation scores every customer in PostgreSQL: on the
        thresholds' bounds, just around them, and where the weighted scores
        end in a half cent (rounded up, as ``_score`` rounds), it gives the
        total and grade ``_score`` gives."""
        policy = self.policy.copy({"name": "Odd weights"})
        # weights 12.5 / 37.5 / 25 / 15 / 10 and odd scores: half cents
        for criterion, weight in zip(policy.criterion_ids, (12.5, 37.5, 25, 15, 10), strict=True):
            criterion.weight = weight
            for threshold in criterion.threshold_ids:
                threshold.score = max(threshold.score - 1, 0)
        rows = []
        for _name, key, _weight, thresholds in policy._scoring_rules()[0]:
            bounds = {-1.0, 0.0, 1e9}
            for value_from, _has_upper, value_to, _score in thresholds:
                bounds |= {value_from, value_to, value_from - 0.01, value_to - 0.001}
            rows += [{key: bound} for bound in sorted(bounds)]
        keys = [key for _name, key, _weight, _thresholds in policy._scoring_rules()[0]]
        # and mixes of them, one bound of each criterion in turn
        singles = [row for row in rows]
        for i in range(len(singles)):
            rows.append(
                {
                    key: next(iter(singles[(i + 7 * j) % len(singles)].values()))
                    for j, key in enumerate(keys)
                }
            )
        # and every criterion at its r-th best threshold: every grade
        criteria = policy._scoring_rules()[0]
        for rank in range(max(len(thresholds) for *_rest, thresholds in criteria)):
            row = {}
            for _name, key, _weight, thresholds in criteria:
                ranked = sorted(thresholds, key=lambda threshold: -threshold[3])
                row[key] = ranked[min(rank, len(ranked) - 1)][0]
            rows.append(row)
        rows = [dict(dict.fromkeys(keys, 0.0), **row) for row in rows]
        expected = [policy._score(row)[:2] for row in rows]
        self.assertEqual(self._scored_in_sql(policy, rows), expected)
        # the half cents were met: 19 x 12.5% = 2.375 counts 2.38
        self.assertIn(2.38, [line["weighted"] for row in rows for line in policy._score(row)[3]])
        # and every grade was given
        self.assertEqual({grade for _total, grade in expected}, {"AAA", "AA", "A", "B", "C"})

    def test_policy_approved_by_manager_then_single_active(self):
        draft = self.policy.with_user(self.supervisor).copy({"name": "2027 policy"})
        self.assertEqual(draft.state, "draft")
        self.assertEqual(len(draft.criterion_ids), 5)
        # a draft is edited by its supervisor
        draft.criterion_ids[0].with_user(self.supervisor).name = "Sales volume"
        draft.with_user(self.supervisor).action_cs_submit()
        self.assertEqual(draft.state, "to_approve")
        # neither the specialist nor the supervisor (the requester) can approve it
        with self.assertRaises(AccessError):
            draft.with_user(self.specialist).validate_tier()
        with self.assertRaisesText(UserError, "requested it yourself"):
            draft.with_user(self.supervisor).validate_tier()
        with self.assertRaises(UserError):
            draft.with_user(self.manager).action_activate()
        draft.with_user(self.manager).validate_tier()
        self.assertEqual(draft.state, "approved")
        with self.assertRaises(AccessError):
            draft.with_user(self.supervisor).action_activate()
        draft.with_user(self.manager).action_activate()
        self.assertEqual(draft.state, "active")
        self.assertEqual(self.policy.state, "archived")
        self.assertEqual(self.env["cs.credit.policy"]._get_active(), draft)

    def test_active_policy_read_only_to_all(self):
        """Criteria, thresholds and bands of the active policy: no one writes
        them (a new version is drafted and approved)."""
        criterion = self.policy.criterion_ids[0]
        threshold = criterion.threshold_ids[0]
        band = self.policy.band_ids[0]
        # specialists: not even the right to write
        for record, vals in (
            (criterion, {"weight": 90}),
            (threshold, {"score": 100}),
            (band, {"credit_limit": 9999999}),
            (self.policy, {"anomaly_overdue_increase": 1}),
        ):
            with self.assertRaises(AccessError):
                record.with_user(self.specialist).write(vals)
            for user in (self.supervisor, self.manager, self.general_manager):
                with self.assertRaisesText(UserError, "no longer a draft"):
                    record.with_user(user).write(vals)
        for user, error in ((self.specialist, AccessError), (self.manager, UserError)):
            with self.assertRaises(error):
                self.env["cs.credit.policy.criterion"].with_user(user).create(
                    {
                        "policy_id": self.policy.id,
                        "name": "Extra",
                        "figure_key": "order_count",
                        "weight": 0,
                    }
                )
            with self.assertRaises(error):
                threshold.with_user(user).unlink()
        with self.assertRaises(UserError):
            self.policy.with_user(self.manager).write({"state": "draft"})
        self.assertEqual(criterion.weight, 25)
        self.assertEqual(self.policy.state, "active")

    def test_incomplete_policy_cannot_be_submitted(self):
        policy = self.env["cs.credit.policy"].create({"name": "Empty"})
        with self.assertRaisesText(UserError, "needs criteria"):
            policy.with_user(self.supervisor).action_cs_submit()
        self.assertFalse(policy.review_ids)
        self.assertEqual(policy.state, "draft")

    def test_reset_to_draft_needs_the_write_right(self):
        """A rejected policy goes back to draft for those who edit policies."""
        draft = self.policy.with_user(self.supervisor).copy({"name": "Rejected policy"})
        draft.with_user(self.supervisor).action_cs_submit()
        draft.with_user(self.manager).reject_tier()
        self.assertEqual(draft.state, "rejected")
        with self.assertRaises(AccessError):
            draft.with_user(self.specialist).action_reset_draft()
        self.assertEqual(draft.state, "rejected")
        self.assertTrue(draft.review_ids)
        draft.with_user(self.supervisor).action_reset_draft()
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.review_ids)
        self.assertFalse(draft.cs_requester_id)
