# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase


class TestCreditDemo(TransactionCase):
    def test_demo_tells_the_story(self):
        """Demo customers in every grade, an open anomaly and an approved limit."""
        codes = ("huarun", "hengtong", "jinlong", "dongfang", "xinghai")
        partners = [self.env.ref(f"cs_credit_rating.res_partner_{c}_demo") for c in codes]
        self.assertEqual([p.cs_credit_grade for p in partners], ["AAA", "AA", "A", "B", "C"])
        anomaly = self.env.ref("cs_credit_rating.cs_credit_anomaly_xinghai_demo")
        self.assertEqual(anomaly.state, "open")
        request = self.env.ref("cs_credit_rating.cs_credit_limit_request_hengtong_demo")
        self.assertEqual(request.state, "approved")
        self.assertEqual(partners[1].with_company(request.company_id).credit_limit, 200000)
