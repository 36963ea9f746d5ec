# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..models.cs_credit_file import FIGURE_KEYS
from .common import CsCreditCommon


class CreditAnomalyCommon(CsCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy.anomaly_user_id = cls.supervisor
        cls.customer = cls.create_customer("Anomaly Customer", customer_rank=1)
        before = cls.env["cs.credit.file"]._empty_figures()
        cls.previous = cls.grade(
            cls.customer,
            "A",
            policy_id=cls.policy.id,
            date="2026-05-31",
            total_score=75,
            figures=before,
        )
        # 15,000 due a month ago and unpaid: the overdue amount jumps by 15,000
        cls.create_invoice(cls.customer, 15000, "2026-05-01", "2026-05-31")


@freeze_time("2026-06-30")
class TestCreditAnomaly(CreditAnomalyCommon):
    def test_overdue_jump_detected_once(self):
        Anomaly = self.env["cs.credit.anomaly"]
        open_before = self.policy.anomaly_open_count
        self.env["cs.credit.evaluation"]._cron_evaluate_all()
        anomaly = Anomaly.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(anomaly.kind, "overdue_jump")
        self.assertEqual(anomaly.previous_value, 0)
        self.assertEqual(anomaly.current_value, 15000)
        self.assertEqual(anomaly.user_id, self.supervisor)
        # one to-do a day for the supervisor, on the policy, counting them
        self.assertFalse(anomaly.activity_ids)
        activity = self.policy.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(activity.summary, "Review credit anomalies: 1 new")
        self.assertEqual(str(activity.date_deadline), "2026-06-30")
        self.policy.invalidate_recordset(["anomaly_open_count"])
        self.assertEqual(self.policy.anomaly_open_count, open_before + 1)
        self.assertEqual(self.policy.action_view_anomalies()["res_model"], "cs.credit.anomaly")
        self.assertEqual(self.customer.cs_credit_anomaly_count, 1)
        # a second detection does not duplicate the open anomaly
        self.env["cs.credit.evaluation"]._evaluate_partners(self.customer, detect_anomalies=True)
        self.assertEqual(Anomaly.search_count([("partner_id", "=", self.customer.id)]), 1)

    def test_one_activity_a_day_for_all_batches(self):
        second = self.create_customer("Anomaly Customer 2", customer_rank=1)
        self.grade(
            second,
            "A",
            policy_id=self.policy.id,
            date="2026-05-31",
            total_score=75,
            figures=self.env["cs.credit.file"]._empty_figures(),
        )
        self.create_invoice(second, 12000, "2026-05-01", "2026-05-31")
        calls = self.evaluate_all(batch_size=1)
        self.assertGreaterEqual(calls, 2)
        anomalies = self.env["cs.credit.anomaly"].search(
            [("partner_id", "in", (self.customer | second).ids)]
        )
        self.assertEqual(len(anomalies), 2)
        # the second batch updated the day's to-do instead of adding one
        self.assertEqual(len(self.policy.activity_ids), 1)
        self.assertEqual(self.policy.activity_ids.summary, "Review credit anomalies: 2 new")

    def test_grade_change_from_anomaly(self):
        anomaly = self.env["cs.credit.anomaly"].create(
            {
                "partner_id": self.customer.id,
                "kind": "market_info",
                "description": "Late salaries reported",
            }
        )
        action = anomaly.with_user(self.specialist).action_create_grade_change()
        self.assertEqual(action["res_model"], "cs.credit.grade.change")
        change = (
            self.env["cs.credit.grade.change"]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({"new_grade": "B", "restore_advice": "Pay within terms."})
        )
        self.assertEqual(change.old_grade, "A")
        self.approve(change, self.specialist, self.manager)
        self.assertEqual(change.state, "approved")
        self.assertEqual(self.customer.cs_credit_grade, "B")
        self.assertEqual(self.customer.cs_credit_score, 75)
        self.assertEqual(change.evaluation_id.origin, "grade_change")
        self.assertEqual(anomaly.state, "resolved")
        notice = change.message_ids.filtered(lambda m: m.message_type == "comment")
        self.assertIn("Pay within terms.", notice.body)
        self.assertIn(self.customer, notice.partner_ids)

    def test_specialist_reports_only_manager_decides(self):
        """Specialists report anomalies; only a Manager confirms or dismisses one."""
        Anomaly = self.env["cs.credit.anomaly"].with_user(self.specialist)
        anomaly = Anomaly.create({"partner_id": self.customer.id, "description": "Rumours"})
        self.assertEqual(anomaly.state, "open")
        with self.assertRaises(AccessError):
            Anomaly.create({"partner_id": self.customer.id, "state": "dismissed"})
        for user in (self.specialist, self.supervisor):
            with self.assertRaises(AccessError):
                anomaly.with_user(user).write({"state": "dismissed"})
            for action in ("action_confirm", "action_dismiss", "action_resolve"):
                with self.assertRaises(AccessError):
                    getattr(anomaly.with_user(user), action)()
        # a confirmed anomaly blocks sales: a specialist cannot lift it
        anomaly.with_user(self.manager).action_confirm()
        self.assertEqual(anomaly.state, "confirmed")
        with self.assertRaises(AccessError):
            anomaly.with_user(self.specialist).write({"state": "resolved"})
        anomaly.with_user(self.specialist).write({"notes": "<p>Checked with the bank</p>"})
        # nor move it off the customer it blocks
        other = self.create_customer("Other Anomaly Customer")
        for vals in (
            {"partner_id": other.id},
            {"company_id": self.env["res.company"].create({"name": "Elsewhere"}).id},
            {"kind": "orders_collapse"},
        ):
            for user in (self.specialist, self.manager):
                with self.assertRaisesText(UserError, "decided on"):
                    anomaly.with_user(user).write(vals)
        self.assertEqual(anomaly.partner_id, self.customer)
        anomaly.with_user(self.manager).action_dismiss()
        self.assertEqual(anomaly.state, "dismissed")


@freeze_time("2026-06-30")
class TestCreditAnomalyRules(CsCreditCommon):
    """The detection compares figures with the latest approved evaluation of
    each customer in PostgreSQL: each rule, its bounds, and customers with no
    previous figures, fed as figures rows."""

    def _detect(self, rows):
        """Detect on ``rows`` (``{partner: {figure: value}}``), the other
        figures 0; ``{(partner, kind): (previous, current)}`` raised."""
        keys = [key for key, _label in FIGURE_KEYS]
        values = SQL(", ").join(
            SQL(
                "(%s, %s)",
                partner.id,
                SQL(", ").join(SQL("%s::float8", figures.get(key, 0.0)) for key in keys),
            )
            for partner, figures in rows.items()
        )
        figures = SQL(
            "SELECT * FROM (VALUES %s) AS v(id, %s)",
            values,
            SQL(", ").join(SQL.identifier(key) for key in keys),
        )
        anomalies = self.env["cs.credit.anomaly"]._detect(self.policy, figures)
        return {
            (anomaly.partner_id, anomaly.kind): (anomaly.previous_value, anomaly.current_value)
            for anomaly in anomalies
        }

    def test_rules_and_bounds(self):
        # thresholds of the default policy: overdue +10,000, 15 days late,
        # sales of the last 3 months below half the quarterly average (12 months)
        before = dict(
            self.env["cs.credit.file"]._empty_figures(),
            overdue_amount=1000,
            avg_days_late=5,
            bounced_count=1,
        )
        names = ("Jump", "Edge", "Late", "Bounced", "Collapse", "Steady", "New", "Empty")
        customers = {name: self.create_customer(f"Rule {name}", customer_rank=1) for name in names}
        for name, customer in customers.items():
            if name == "Empty":
                self.grade(customer, "A", figures={})
            elif name != "New":
                self.grade(customer, "A", figures=before)
        # a later evaluation in another company is not the one compared with
        other = self.env["res.company"].create({"name": "Rules Elsewhere"})
        self.grade(customers["Jump"], "A", company=other, figures=dict(before, overdue_amount=0))
        raised = self._detect(
            {
                customers["Jump"]: {"overdue_amount": 11000.01},
                customers["Edge"]: {"overdue_amount": 11000, "avg_days_late": 20},
                customers["Late"]: {"avg_days_late": 20.01},
                customers["Bounced"]: {"bounced_count": 2},
                customers["Collapse"]: {"sales_amount": 40000, "recent_sales_amount": 4999},
                customers["Steady"]: {
                    "overdue_amount": 1000,
                    "sales_amount": 40000,
                    "recent_sales_amount": 5000,
                    "bounced_count": 1,
                },
                # no previous figures: only a bounced payment or a collapse counts
                customers["New"]: {"overdue_amount": 50000, "bounced_count": 1},
                customers["Empty"]: {"avg_days_late": 60},
            }
        )
        self.assertEqual(
            raised,
            {
                (customers["Jump"], "overdue_jump"): (1000, 11000.01),
                (customers["Late"], "late_days_jump"): (5, 20.01),
                (customers["Bounced"], "payment_bounced"): (1, 2),
                (customers["Collapse"], "orders_collapse"): (10000, 4999),
                (customers["New"], "payment_bounced"): (0, 1),
            },
        )
        # the same figures again: the open anomalies are not repeated
        self.assertEqual(self._detect({customers["Jump"]: {"overdue_amount": 20000}}), {})
        self.assertEqual(
            self.env["cs.credit.anomaly"].search_count([("partner_id", "=", customers["Jump"].id)]),
            1,
        )


@freeze_time("2026-06-30")
class TestCreditAnomalyLanguage(CreditAnomalyCommon):
    """What the cron stores and shows reads in its reader's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        module = cls.env["ir.module.module"].search([("name", "=", "cs_credit_rating")])
        module._update_translations(["zh_CN"])
        cls.supervisor.lang = "zh_CN"

    def test_activity_and_name_in_the_readers_language(self):
        self.env["cs.credit.evaluation"]._cron_evaluate_all()
        anomaly = self.env["cs.credit.anomaly"].search([("partner_id", "=", self.customer.id)])
        self.assertEqual(self.policy.activity_ids.summary, "审核信用异常：新增 1 条")
        self.assertEqual(
            anomaly.with_context(lang="zh_CN").display_name, "Anomaly Customer - 逾期金额激增"
        )
        self.assertEqual(
            anomaly.with_context(lang="en_US").display_name,
            "Anomaly Customer - Overdue amount jump",
        )
