# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import tagged

from .common import CsSurveyCommon


@tagged("post_install", "-at_install")
class TestTranslations(CsSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in ("zh_CN", "zh_TW"):
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"].search([("name", "=", "cs_survey")])._update_translations(
            ["zh_CN", "zh_TW"]
        )

    def test_templates_in_chinese(self):
        survey = self.survey_ticket
        self.assertEqual(survey.with_context(lang="en_US").title, "Your Opinion on Our Service")
        self.assertEqual(survey.with_context(lang="zh_CN").title, "您对我们服务的意见")
        self.assertEqual(survey.with_context(lang="zh_TW").title, "您對我們服務的意見")
        solved = self.env.ref("cs_survey.survey_cs_complaint_q_solved")
        self.assertEqual(solved.with_context(lang="zh_TW").title, "您的投訴解決了嗎？")

    def test_invitation_in_customer_language(self):
        self.customer.lang = "zh_TW"
        revisit = self.close(self.create_ticket("翻譯"))
        mail = self.env["mail.mail"].search(
            [("body_html", "ilike", revisit.user_input_id.access_token)]
        )
        self.assertIn("親愛的", mail.body_html)
        self.assertEqual(mail.subject, "您的意見很重要：您對我們服務的意見")
        self.customer_2.lang = "en_US"
        revisit = self.close(self.create_ticket("English", partner_id=self.customer_2.id))
        mail = self.env["mail.mail"].search(
            [("body_html", "ilike", revisit.user_input_id.access_token)]
        )
        self.assertIn("Dear", mail.body_html)

    def test_complaint_in_the_department_language(self):
        """The customer answers in their language; the complaint it opens reads in
        its specialist's, the reopening note in the company's."""
        self.customer.lang = "zh_TW"
        self.specialist.lang = "zh_CN"
        revisit = self.close(self.create_ticket("Answered in zh_TW"))
        answer = self.answer(revisit.user_input_id.with_context(lang="zh_TW"), 1)
        complaint = answer.cs_complaint_id
        self.assertEqual(complaint.name, "满意度调查结果低：您对我们服务的意见")
        self.assertIn("满意度评分", complaint.description)
        self.env.company.partner_id.lang = "zh_CN"
        self.customer_2.lang = "zh_TW"  # the first customer was just surveyed
        reopened = self.close(
            self.create_complaint("Still late", team_id=self.team.id, partner_id=self.customer_2.id)
        )
        self.answer(reopened.user_input_id.with_context(lang="zh_TW"), 1)
        note = reopened.ticket_id.message_ids[:1]
        self.assertIn("满意度评分", note.body)

    def test_texts_written_for_their_reader(self):
        """A cron's chatter note in the company's language; a follow-up activity
        in the language of the specialist who gets it, whoever did the revisit."""
        self.env.company.partner_id.lang = "zh_CN"
        category = self.env["cs.customer.category"].create({"name": "Plan segment"})
        self.customer_2.write({"cs_category_ids": [Command.link(category.id)], "customer_rank": 1})
        plan = self.env["cs.revisit.plan"].create(
            {
                "name": "Monthly",
                "cycle": "monthly",
                "method": "phone",
                "category_ids": [Command.set(category.ids)],
            }
        )
        self.env["cs.revisit.plan"].with_context(lang="en_US")._cron_run_plans()
        self.assertIn("周期：已计划 1 次回访", plan.message_ids[0].body)
        self.customer.cs_survey_opt_out = True
        self.specialist.lang = "zh_CN"
        revisit = self.close(self.create_ticket("Phone revisit"))
        as_manager = revisit.with_user(self.manager).with_context(lang="en_US")
        as_manager.write({"score": 1})
        as_manager.action_done()
        activity = revisit.activity_ids.filtered(lambda a: a.user_id == self.specialist)
        self.assertEqual(activity.summary, "满意度低：请跟进")
