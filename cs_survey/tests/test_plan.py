# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import CsSurveyCommon


@tagged("post_install", "-at_install")
class TestPlan(CsSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.category = cls.env["cs.customer.category"].create({"name": "Key accounts"})
        cls.today = fields.Date.context_today(cls.env["cs.revisit.plan"])
        customers = cls.customer | cls.customer_2
        cls.orphan_1 = cls.create_customer("Orphan 1", email="o1@example.com")
        cls.orphan_2 = cls.create_customer("Orphan 2", email="o2@example.com")
        cls.segment = customers | cls.orphan_1 | cls.orphan_2
        cls.segment.write({"cs_category_ids": [Command.link(cls.category.id)], "customer_rank": 1})

    def create_plan(self, **vals):
        return self.env["cs.revisit.plan"].create(
            {
                "name": "Key accounts quarterly",
                "cycle": "quarterly",
                "method": "survey",
                "category_ids": [Command.set(self.category.ids)],
                "next_date": self.today,
                "window_days": 10,
                **vals,
            }
        )

    def test_validation(self):
        with self.assertRaisesRegex(ValidationError, "cycle"):
            self.create_plan(cycle=False)
        with self.assertRaisesRegex(ValidationError, "segment"):
            self.create_plan(category_ids=False)
        with self.assertRaisesRegex(ValidationError, "survey"):
            self.create_plan(survey_id=False)
        empty = self.create_plan(method="phone", region="Atlantis")
        with self.assertRaisesRegex(UserError, "No customer"):
            empty.with_user(self.manager).action_run()

    def test_cycle(self):
        plan = self.create_plan()
        self.assertEqual(plan.survey_id, self.env.ref("cs_survey.survey_cs_relationship"))
        plan.with_user(self.manager).action_run()
        revisits = plan.revisit_ids
        self.assertEqual(revisits.partner_id, self.segment)
        self.assertEqual(set(revisits.mapped("source")), {"plan"})
        self.assertEqual(set(revisits.mapped("due_date")), {self.today + timedelta(days=10)})
        by_partner = {r.partner_id: r for r in revisits}
        self.assertEqual(by_partner[self.customer].specialist_id, self.specialist)
        self.assertEqual(by_partner[self.customer_2].specialist_id, self.specialist_2)
        # customers without a specialist are spread over the plan's specialists
        self.assertEqual(
            (by_partner[self.orphan_1] | by_partner[self.orphan_2]).specialist_id,
            self.specialist | self.specialist_2,
        )
        self.assertTrue(all(revisits.mapped("user_input_id")))
        self.assertEqual(
            revisits.user_input_id.survey_id, self.env.ref("cs_survey.survey_cs_relationship")
        )
        self.assertEqual(plan.next_date, self.today + relativedelta(months=3))
        # idempotent for a cycle
        plan.next_date = self.today
        plan._run_cycle()
        self.assertEqual(len(plan.revisit_ids), 4)

    def test_cron_runs_due_plans(self):
        due = self.create_plan(method="phone")
        later = self.create_plan(method="phone", next_date=self.today + timedelta(days=5))
        self.env["cs.revisit.plan"]._cron_run_plans()
        self.assertEqual(len(due.revisit_ids), 4)
        self.assertFalse(later.revisit_ids)
        self.assertEqual(due.next_date, self.today + relativedelta(months=3))
        self.env["cs.revisit.plan"]._cron_run_plans()
        self.assertEqual(len(due.revisit_ids), 4)

    def test_rights(self):
        plan = self.create_plan(method="phone")
        with self.assertRaises(UserError):
            plan.with_user(self.specialist).action_run()
        with self.assertRaises(AccessError):
            self.env["cs.revisit.plan"].with_user(self.specialist).create(
                {"name": "Mine", "cycle": "monthly", "region": "x", "method": "phone"}
            )
        plan.with_user(self.specialist).read(["name"])
