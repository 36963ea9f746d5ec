# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase

# The demo customers and the grade their sales and payment history earns.
STORY = [
    ("huarun", "AAA"),
    ("hengtong", "AA"),
    ("jinlong", "A"),
    ("dongfang", "B"),
    ("xinghai", "C"),
]


class TestCreditDemo(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partners = {
            code: cls.env.ref(f"cs_credit_rating.res_partner_{code}_demo") for code, _grade in STORY
        }

    def assertStory(self):
        for code, grade in STORY:
            partner = self.partners[code]
            self.assertEqual(
                partner.cs_credit_grade,
                grade,
                f"{partner.name} ({code}) should be graded {grade}, score "
                f"{partner.cs_credit_score}, figures {partner.cs_credit_evaluation_id.figures}",
            )

    def test_demo_grades_come_from_history(self):
        """The demo grades are computed by the policy, not typed in."""
        for code, _grade in STORY:
            evaluation = self.partners[code].cs_credit_evaluation_id
            self.assertEqual(evaluation.origin, "policy", code)
            self.assertEqual(
                evaluation.policy_id, self.env.ref("cs_credit_rating.cs_credit_policy_default")
            )
            self.assertTrue(evaluation.figures["order_count"], code)
        self.assertStory()

    def test_demo_survives_nightly_evaluation(self):
        """The scheduled re-evaluation of every customer keeps the story: a
        customer's evaluation is recorded again when the night's figures
        differ from those of its latest (the demo's day is not the test's),
        and only then."""
        partners = self.env["res.partner"].union(*self.partners.values())
        today = fields.Date.context_today(partners)
        before = partners.cs_credit_evaluation_id
        before.write({"date": today - relativedelta(days=1)})
        self.env["cs.credit.evaluation"]._cron_evaluate_all()
        partners.invalidate_recordset()
        taken = self.env["cs.credit.figure"].search([("partner_id", "in", partners.ids)])
        self.assertEqual(len(taken), len(partners))
        for figures in taken:
            latest = figures.customer_id.cs_credit_evaluation_id
            night = {key: figures[key] for key in latest.figures}
            if latest in before:
                self.assertEqual(latest.figures, night, figures.customer_id.name)
            else:
                self.assertEqual(latest.date, today, figures.customer_id.name)
                self.assertNotEqual(
                    before.filtered(lambda e, c=latest.partner_id: e.partner_id == c).figures,
                    night,
                    figures.customer_id.name,
                )
        self.assertStory()
        anomalies = self.env["cs.credit.anomaly"].search(
            [("partner_id", "in", partners.ids), ("state", "=", "open")]
        )
        self.assertEqual(anomalies, self.env.ref("cs_credit_rating.cs_credit_anomaly_xinghai_demo"))
        requests = self.env["cs.credit.limit.request"].search(
            [("partner_id", "in", partners.ids), ("state", "=", "approved")]
        )
        self.assertEqual(
            requests, self.env.ref("cs_credit_rating.cs_credit_limit_request_hengtong_demo")
        )
        hengtong = self.partners["hengtong"].with_company(requests.company_id)
        self.assertEqual(hengtong.credit_limit, 200000)
