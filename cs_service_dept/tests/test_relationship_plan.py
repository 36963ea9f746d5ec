# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user

from .common import CsCommon


class RelationshipCommon(CsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The salesperson: a sales user without any customer service group.
        cls.salesperson = new_test_user(
            cls.env,
            login="cs_salesperson",
            name="销售员赵磊",
            groups="sales_team.group_sale_salesman",
        )
        cls.other_salesperson = new_test_user(
            cls.env, login="cs_salesperson_2", groups="sales_team.group_sale_salesman"
        )
        cls.customer = cls.create_customer(
            "华强贸易", cs_specialist_id=cls.specialist.id, user_id=cls.salesperson.id
        )
        cls.other_customer = cls.create_customer("万达百货", cs_specialist_id=cls.specialist_2.id)
        cls.today = fields.Date.today()

    def _plan(self, user=None, **vals):
        values = {
            "title": "年度维护计划",
            "partner_id": self.customer.id,
            "user_id": self.salesperson.id,
            "budget": 5000,
            "line_ids": [
                Command.create(
                    {
                        "action_type": "visit",
                        "date": self.today + timedelta(days=7),
                        "description": "拜访采购部",
                    }
                ),
                Command.create(
                    {
                        "action_type": "listening",
                        "date": self.today + timedelta(days=30),
                        "description": "客户座谈会",
                    }
                ),
            ],
            **vals,
        }
        return self.env["cs.relationship.plan"].with_user(user or self.specialist).create(values)

    def _approve(self, plan):
        plan.with_user(self.specialist).action_submit()
        plan.with_user(self.manager).action_approve()
        plan.with_user(self.general_manager).action_approve()


class TestRelationshipPlan(RelationshipCommon):
    def test_two_tier_approval_schedules_actions(self):
        plan = self._plan()
        self.assertTrue(plan.name.startswith("FA"))
        plan.with_user(self.specialist).action_submit()
        self.assertEqual(plan.state, "to_approve")
        self.assertEqual(len(plan.review_ids), 2)
        # Nothing is scheduled before the General Manager approves.
        plan.with_user(self.manager).action_approve()
        self.assertEqual(plan.state, "to_approve")
        self.assertFalse(plan.line_ids.activity_id)
        plan.with_user(self.general_manager).action_approve()
        self.assertEqual(plan.state, "approved")
        # The salesperson's activities on the plan, one per action, on its date.
        activities = plan.activity_ids
        self.assertEqual(len(activities), 2)
        self.assertEqual(activities.user_id, self.salesperson)
        self.assertEqual(
            sorted(activities.mapped("date_deadline")), sorted(plan.line_ids.mapped("date"))
        )
        visit = plan.line_ids.filtered(lambda line: line.action_type == "visit")
        self.assertEqual(
            visit.activity_id.activity_type_id,
            self.env.ref("cs_service_dept.mail_activity_type_plan_visit"),
        )
        # The specialist's follow-ups on the customer, linked to the plan.
        followups = plan.followup_ids
        self.assertEqual(len(followups), 2)
        self.assertEqual(followups.specialist_id, self.specialist)
        self.assertEqual(followups.partner_id, self.customer)
        self.assertEqual(set(followups.mapped("rule")), {"plan"})
        self.assertEqual(visit.followup_id.method, "visit")
        self.assertTrue(visit.followup_id.activity_id, "the follow-up reminds the specialist")
        self.assertEqual(plan.with_user(self.specialist).followup_count, 2)
        # Approving again schedules nothing more.
        plan.line_ids.sudo()._cs_schedule()
        self.assertEqual(len(plan.followup_ids), 2)

    def test_self_approval_refused(self):
        plan = self._plan(user=self.manager)
        plan.with_user(self.manager).action_submit()
        with self.assertRaises(UserError):
            plan.with_user(self.manager).action_approve()
        # A specialist is no reviewer; the General Manager cannot skip the Manager's
        # tier and then approve the second one too.
        with self.assertRaises(AccessError):
            plan.with_user(self.specialist_2).action_approve()
        self.assertEqual(plan.review_ids.mapped("status").count("approved"), 0)
        plan.with_user(self.general_manager).action_approve()
        with self.assertRaises(UserError):
            plan.with_user(self.general_manager).action_approve()
        self.assertEqual(plan.state, "to_approve")
        self.assertFalse(plan.followup_ids)

    def test_rejection_back_to_draft(self):
        plan = self._plan()
        plan.action_submit()
        plan.with_user(self.manager).action_reject()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.activity_ids)

    def test_no_responsible_person(self):
        plan = self._plan(user_id=False)
        with self.assertRaisesRegex(UserError, "responsible salesperson"):
            plan.with_user(self.specialist).action_submit()
        self.assertEqual(plan.state, "draft")
        self.assertFalse(plan.review_ids)
        plan = self._plan(line_ids=[])
        with self.assertRaisesRegex(UserError, "no action"):
            plan.with_user(self.specialist).action_submit()
        plan = self._plan(scope="category", partner_id=False)
        with self.assertRaisesRegex(UserError, "category"):
            plan.with_user(self.specialist).action_submit()

    def test_negative_budget(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"), self.env.cr.savepoint():
            self._plan(budget=-1, title="负预算")
        self.assertFalse(self.env["cs.relationship.plan"].search([("title", "=", "负预算")]))
        plan = self._plan()
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            plan.with_user(self.specialist).write({"budget": -100})
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            plan.line_ids[0].with_user(self.specialist).write({"cost": -5})
        with self.assertRaises(ValidationError):
            self._plan(date_end=self.today - timedelta(days=1))

    def test_state_not_writable(self):
        plan = self._plan()
        with self.assertRaises(AccessError):
            plan.with_user(self.specialist).write({"state": "approved"})
        with self.assertRaises(AccessError):
            plan.with_user(self.specialist).write(
                {"salesperson_confirmed_date": fields.Datetime.now()}
            )
        with self.assertRaises(AccessError):
            self.env["cs.relationship.plan"].with_user(self.specialist).create(
                {"title": "x", "state": "approved"}
            )
        self._approve(plan)
        # Approved actions are no longer edited.
        with self.assertRaises(UserError):
            plan.line_ids[0].with_user(self.specialist).description = "改掉"
        with self.assertRaises(UserError):
            self.env["cs.relationship.plan.line"].with_user(self.specialist).create(
                {"plan_id": plan.id, "description": "追加", "partner_id": self.customer.id}
            )

    def test_form_onchanges(self):
        with Form(self.env["cs.relationship.plan"].with_user(self.specialist)) as form:
            form.title = "维护计划"
            form.partner_id = self.customer
            self.assertEqual(form.user_id, self.salesperson)
            self.assertEqual(form.specialist_id, self.specialist)
            with form.line_ids.new() as line:
                line.description = "拜访"
                self.assertEqual(line.partner_id, self.customer)
        plan = form.save()
        self.assertEqual(plan.line_ids.partner_id, self.customer)

    def test_category_plan(self):
        category = self.env["cs.customer.category"].create({"name": "重点客户"})
        plan = self._plan(scope="category", partner_id=False, category_id=category.id)
        self.assertFalse(plan.line_ids.partner_id)
        with self.assertRaisesRegex(UserError, "names the customer"):
            plan.with_user(self.specialist).action_submit()
        plan.line_ids.write({"partner_id": self.customer.id})
        with self.assertRaisesRegex(UserError, "not in the customer category"):
            plan.with_user(self.specialist).action_submit()
        self.customer.cs_category_ids = [Command.link(category.id)]
        self._approve(plan)
        self.assertEqual(len(plan.followup_ids), 2)

    def test_close_attaches_pdf(self):
        plan = self._plan()
        with self.assertRaises(UserError):
            plan.with_user(self.specialist).action_close()
        self._approve(plan)
        plan.with_user(self.specialist).action_close()
        self.assertEqual(plan.state, "closed")
        if "cs.archive" not in self.env:
            self.assertTrue(
                plan.message_ids.attachment_ids.filtered(lambda a: a.mimetype == "application/pdf")
            )

    def test_plan_pdf(self):
        plan = self._plan()
        text = self.render_pdf_text("cs_service_dept.action_report_cs_relationship_plan", plan.ids)
        self.assertIn("年度维护计划", text)
        self.assertIn("华强贸易", text)
        self.assertIn("客户座谈会", text)


class TestRelationshipPlanSalesperson(RelationshipCommon):
    def test_salesperson_reads_only_own_plans(self):
        plan = self._plan()
        other = self._plan(user_id=self.other_salesperson.id)
        Plan = self.env["cs.relationship.plan"].with_user(self.salesperson)
        self.assertEqual(Plan.search([]), plan)
        with self.assertRaises(AccessError):
            other.with_user(self.salesperson).read(["title"])
        with self.assertRaises(AccessError):
            plan.with_user(self.salesperson).write({"budget": 1})
        with self.assertRaises(AccessError):
            Plan.create({"title": "自己的计划", "user_id": self.salesperson.id})

    def test_salesperson_confirms_and_comments(self):
        plan = self._plan()
        with self.assertRaises(AccessError):
            plan.with_user(self.other_salesperson).action_salesperson_confirm()
        with self.assertRaises(AccessError):
            plan.with_user(self.specialist).action_salesperson_confirm()
        plan.with_user(self.salesperson).action_salesperson_confirm()
        self.assertTrue(plan.salesperson_confirmed_date)
        plan.with_user(self.salesperson).message_post(body="同意，按计划执行")
        self.assertIn("同意，按计划执行", plan.message_ids[0].body)

    def test_salesperson_evaluates(self):
        plan = self._plan()
        Evaluation = self.env["cs.relationship.plan.evaluation"]
        values = {"plan_id": plan.id, "work_done": "拜访两次", "development": "better"}
        with self.assertRaisesRegex(UserError, "once approved"):
            Evaluation.with_user(self.salesperson).create(values)
        self._approve(plan)
        # The salesperson does the activity from the plan.
        activity = plan.activity_ids[:1].with_user(self.salesperson)
        activity.action_feedback(feedback="已拜访")
        self.assertEqual(len(plan.activity_ids), 1)
        evaluation = Evaluation.with_user(self.salesperson).create(
            {**values, "user_id": self.specialist.id, "date": "2020-01-01"}
        )
        self.assertEqual(evaluation.user_id, self.salesperson, "the author is the caller")
        self.assertEqual(evaluation.date, fields.Date.context_today(evaluation))
        self.assertEqual(plan.evaluation_ids, evaluation)
        # Nothing else: another salesperson, the specialist, and writing it later.
        with self.assertRaises(AccessError):
            Evaluation.with_user(self.other_salesperson).create(values)
        with self.assertRaises(AccessError):
            Evaluation.with_user(self.specialist).create(values)
        with self.assertRaises(AccessError):
            evaluation.with_user(self.salesperson).write({"work_done": "改写"})
        with self.assertRaises(AccessError):
            evaluation.with_user(self.salesperson).unlink()
        with self.assertRaises(AccessError):
            evaluation.with_user(self.other_salesperson).read(["work_done"])


class TestRelationshipPlanRights(RelationshipCommon):
    def test_specialists_see_their_customers_plans(self):
        own = self._plan()
        other = self._plan(
            user=self.specialist_2, partner_id=self.other_customer.id, specialist_id=False
        )
        Plan = self.env["cs.relationship.plan"]
        # (the demo's plan is 张伟's)
        self.assertEqual(Plan.with_user(self.specialist).search([]), own)
        with self.assertRaises(AccessError):
            other.with_user(self.specialist).read(["title"])
        with self.assertRaises(AccessError):
            other.with_user(self.specialist).action_submit()
        with self.assertRaises(AccessError):
            other.line_ids.with_user(self.specialist).read(["description"])
        # The customer's specialist sees the plan another drafted for them.
        theirs = self._plan(user=self.specialist_2, specialist_id=self.specialist_2.id)
        self.assertIn(theirs, Plan.with_user(self.specialist).search([]))
        for user in (self.supervisor, self.manager, self.general_manager):
            self.assertLessEqual(own | other | theirs, Plan.with_user(user).search([]))
        self.assertFalse(Plan.with_user(self.internal_user).search([]))
        with self.assertRaises(AccessError):
            own.with_user(self.specialist).unlink()


class TestRelationshipDemo(CsCommon):
    def test_demo_plan_approved(self):
        """The demo's plan went through the real approval: activities of the
        salesperson, follow-ups of the specialist."""
        plan = self.env.ref(
            "cs_service_dept.cs_relationship_plan_huaqiang_demo", raise_if_not_found=False
        )
        if not plan:
            self.skipTest("installed without demo data")
        self.assertEqual(plan.state, "approved")
        self.assertTrue(plan.salesperson_confirmed_date)
        self.assertEqual(len(plan.review_ids.filtered(lambda r: r.status == "approved")), 2)
        salesperson = self.env.ref("cs_service_dept.user_zhaolei_demo")
        self.assertFalse(salesperson.has_group("cs_service_dept.group_cs_specialist"))
        self.assertEqual(plan.activity_ids.user_id, salesperson)
        self.assertEqual(len(plan.followup_ids), 3)
        self.assertEqual(
            plan.followup_ids.specialist_id, self.env.ref("cs_service_dept.user_zhangwei_demo")
        )
