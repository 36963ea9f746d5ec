# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
