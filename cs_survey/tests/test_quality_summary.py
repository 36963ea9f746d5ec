# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged
from odoo.tools import date_utils

from .common import CsSurveyCommon


@tagged("post_install", "-at_install")
class TestQualitySummary(CsSurveyCommon):
    """A company of its own, this month: scores 5, 2 and 4 (2 satisfied / 3 =
    66.7%), all revisited on time (100%), no invitation ("No data"); complaints:
    3 for quality, 1 for delivery (75% / 25%, cumulative 75% / 100%)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env["res.company"].create({"name": "CS Quality Co"})
        cls.today = fields.Date.context_today(cls.env["cs.revisit"])
        Revisit = cls.env["cs.revisit"]
        for score in (5, 2, 4):
            revisit = Revisit.create(
                {
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "specialist_id": cls.specialist.id,
                    "service_date": cls.today,
                    "due_date": cls.today + relativedelta(days=7),
                }
            )
            revisit.write({"state": "done", "done_date": cls.today, "score": score})
        cause_quality = cls.env.ref("cs_service_dept.cs_complaint_cause_quality")
        cause_delivery = cls.env.ref("cs_service_dept.cs_complaint_cause_delivery")
        for cause in (cause_quality, cause_quality, cause_delivery, cause_quality):
            cls.env["helpdesk.ticket"].create(
                {
                    "name": "Complaint",
                    "description": "<p>x</p>",
                    "partner_id": cls.customer.id,
                    "company_id": cls.company.id,
                    "cs_request_type": "complaint",
                    "cs_cause_id": cause.id,
                }
            )
        cls.manager.write(
            {"company_ids": [Command.link(cls.company.id)], "company_id": cls.company.id}
        )

    def create_summary(self):
        return (
            self.env["cs.quality.summary"]
            .with_user(self.manager)
            .create(
                {
                    "company_id": self.company.id,
                    "date_from": self.today,
                    "action_ids": [
                        Command.create(
                            {
                                "name": "Call back every unhappy customer",
                                "user_id": self.specialist.id,
                            }
                        )
                    ],
                }
            )
        )

    def test_summary_figures_and_report(self):
        summary = self.create_summary()
        self.assertEqual(summary.date_from, date_utils.start_of(self.today, "month"))
        self.assertAlmostEqual(summary.satisfaction_rate, 200.0 / 3)
        self.assertAlmostEqual(summary.revisit_rate, 100.0)
        self.assertEqual(summary.invited_count, 0)
        self.assertEqual(summary.satisfaction_target, 95)
        causes = summary._complaint_causes()
        self.assertEqual(
            [(c[1], round(c[2]), round(c[3])) for c in causes], [(3, 75, 75), (1, 25, 100)]
        )
        worst = summary._worst_services()
        self.assertEqual(worst.mapped("score"), [2.0])  # 3 and below
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("cs_survey.report_cs_quality_summary", summary.ids)[0]
            .decode()
        )
        self.assertIn("66.7%", html)
        self.assertIn("No data", html)
        self.assertIn("Call back every unhappy customer", html)
        self.assertIn("75.0%", html)

    def test_post_to_managers(self):
        summary = self.create_summary()
        summary.with_user(self.manager).action_post()
        self.assertEqual(summary.state, "posted")
        message = summary.message_ids.filtered("attachment_ids")
        self.assertIn(self.manager.partner_id, message.partner_ids)
        self.assertTrue(message.attachment_ids.name.endswith(".pdf"))

    def test_cron_once_per_month(self):
        Summary = self.env["cs.quality.summary"]
        Summary._cron_monthly_summary()
        month = date_utils.start_of(self.today - relativedelta(months=1), "month")
        summaries = Summary.search([("date_from", "=", month)])
        self.assertIn(self.company, summaries.company_id)
        self.assertEqual(set(summaries.mapped("state")), {"posted"})
        Summary._cron_monthly_summary()
        self.assertEqual(Summary.search([("date_from", "=", month)]), summaries)

    def test_rights(self):
        summary = self.create_summary()
        with self.assertRaises(AccessError):
            summary.with_user(self.specialist).read(["satisfaction_rate"])
        self.supervisor.write({"company_ids": [Command.link(self.company.id)]})
        supervisor_view = summary.with_user(self.supervisor).with_company(self.company)
        supervisor_view.read(["satisfaction_rate"])
        with self.assertRaises(UserError):
            supervisor_view.action_post()
        with self.assertRaises(AccessError):
            supervisor_view.write({"satisfaction_rate": 100.0})

    def test_figures_set_by_the_system(self):
        """A manager's RPC client can neither dress up the month's figures nor
        mark the summary sent without sending it."""
        summary = self.create_summary().with_user(self.manager)
        for vals in (
            {"satisfaction_rate": 100.0},
            {"scored_count": 50},
            {"satisfaction_target": 50},
            {"state": "posted"},
            {"date_from": self.today - relativedelta(months=2)},
        ):
            with self.assertRaises(UserError):
                summary.write(vals)
        with self.assertRaises(UserError):
            self.env["cs.quality.summary"].with_user(self.manager).create(
                {
                    "company_id": self.company.id,
                    "date_from": self.today - relativedelta(months=3),
                    "state": "posted",
                }
            )
        self.assertAlmostEqual(summary.satisfaction_rate, 200.0 / 3)
        # the improvement actions are the manager's to write
        summary.write(
            {"action_ids": [Command.create({"name": "Train", "user_id": self.specialist.id})]}
        )
        self.assertEqual(len(summary.action_ids), 2)

    def test_pdf_in_company_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search([("name", "=", "cs_survey")])._update_translations(
            ["zh_CN"]
        )
        self.company.partner_id.lang = "zh_CN"
        summary = self.create_summary()
        summary.with_user(self.manager).action_post()
        attachment = summary.message_ids.attachment_ids
        # tests render the HTML instead of the PDF
        self.assertIn("指标与目标对比", attachment.raw.decode())
        self.assertIn("附件为本月服务质量总结", summary.message_ids[0].body)

    def test_improvement_actions_by_owner(self):
        """The actions have their own views; a supervisor sees those of the
        companies they work for only."""
        summary = self.create_summary()
        with Form(self.env["cs.quality.action"].with_user(self.manager)) as form:
            form.summary_id = summary
            form.name = "Answer complaints within the day"
            form.user_id = self.specialist_2
        self.assertEqual(len(summary.action_ids), 2)
        Action = self.env["cs.quality.action"].with_user(self.supervisor)
        self.assertFalse(Action.search([("summary_id", "=", summary.id)]))
        self.supervisor.write({"company_ids": [Command.link(self.company.id)]})
        visible = Action.with_context(allowed_company_ids=[self.company.id]).search(
            [("summary_id", "=", summary.id)]
        )
        self.assertEqual(visible, summary.action_ids)

    def test_owner_marks_own_action_done(self):
        """A specialist who owns an improvement action reads it and marks it
        done; they change nothing else, and see no one else's action."""
        summary = self.create_summary()
        mine = summary.action_ids
        self.assertEqual(mine.user_id, self.specialist)
        others = mine.with_user(self.manager).copy(
            {"name": "Call back within the day", "user_id": self.specialist_2.id}
        )
        self.specialist.write({"company_ids": [Command.link(self.company.id)]})
        Action = (
            self.env["cs.quality.action"]
            .with_user(self.specialist)
            .with_context(allowed_company_ids=[self.company.id])
        )
        self.assertEqual(Action.search([("summary_id", "=", summary.id)]), mine)
        own = mine.with_env(Action.env)
        self.assertEqual(own.summary_name, summary.display_name)
        own.write({"done": True})
        self.assertTrue(mine.done)
        for vals in ({"deadline": self.today}, {"user_id": self.specialist_2.id}):
            with self.assertRaises(AccessError):
                own.write(vals)
        with self.assertRaises(AccessError):
            others.with_env(Action.env).write({"done": True})
        with self.assertRaises(AccessError):
            others.with_env(Action.env).read(["name"])
        with self.assertRaises(AccessError):
            Action.create({"summary_id": summary.id, "name": "Mine", "user_id": self.specialist.id})
