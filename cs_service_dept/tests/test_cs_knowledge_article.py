# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import Form

from odoo.addons.cs_service_dept.models.cs_text import cs_tokenize

from .ticket_common import CsTicketCommon


class TestKnowledgeArticle(CsTicketCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Article = cls.env["cs.knowledge.article"]
        cls.article_return = Article.create(
            {"name": "如何申请退货", "answer": "<p>收货后 7 天内在门户提交退货申请。</p>"}
        )
        cls.article_invoice = Article.create(
            {"name": "如何修改发票抬头", "answer": "<p>请提供正确的抬头和税号。</p>"}
        )
        cls.article_password = Article.create(
            {"name": "How to reset my portal password?", "answer": "<p>Use the reset link.</p>"}
        )

    def test_tokenize(self):
        self.assertEqual(cs_tokenize("如何申请退货"), {"如何", "何申", "申请", "请退", "退货"})
        self.assertEqual(cs_tokenize("Reset the Password!"), {"reset", "the", "password"})
        self.assertEqual(cs_tokenize("<p>退货 ok</p>", is_html=True), {"退货", "ok"})
        self.assertEqual(cs_tokenize(False), set())

    def test_suggest_chinese(self):
        ticket = self.create_ticket("我想申请退货", description="<p>设备不合适</p>")
        self.assertIn(self.article_return, ticket.cs_suggested_article_ids)
        self.assertNotIn(self.article_invoice, ticket.cs_suggested_article_ids)
        self.assertNotIn(self.article_password, ticket.cs_suggested_article_ids)

    def test_suggest_latin_and_form(self):
        with Form(self.env["helpdesk.ticket"]) as form:
            form.name = "Password reset"
            form.description = "<p>I cannot log in to the portal</p>"
            self.assertIn(self.article_password, form.cs_suggested_article_ids[:])
            self.assertNotIn(self.article_return, form.cs_suggested_article_ids[:])

    def test_answer_with_article(self):
        ticket = self.create_ticket("我想申请退货", user_id=self.specialist.id)
        ticket = ticket.with_user(self.specialist)
        action = (
            self.article_return.with_user(self.specialist)
            .with_context(cs_ticket_id=ticket.id)
            .action_answer_ticket()
        )
        self.assertIn(self.article_return, ticket.cs_article_ids)
        self.assertEqual(self.article_return.use_count, 1)
        # a draft in the composer: nothing sent until the specialist sends it
        self.assertEqual(action["res_model"], "mail.compose.message")
        self.assertFalse(ticket.cs_first_response_date)
        composer = Form(
            self.env["mail.compose.message"]
            .with_user(self.specialist)
            .with_context(**action["context"])
        )
        self.assertIn("门户提交退货申请", composer.body)
        composer.save().action_send_mail()
        message = ticket.message_ids[:1]
        self.assertIn("门户提交退货申请", message.body)
        self.assertEqual(message.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertIn(self.customer, message.partner_ids)
        self.assertTrue(ticket.cs_first_response_date)
        self.assertNotIn(self.article_return, ticket.cs_suggested_article_ids)

    def test_review_cron(self):
        activity_type = self.env.ref("cs_service_dept.mail_activity_type_article_review")
        with freeze_time("2026-10-01"):
            old = self.env["cs.knowledge.article"].create(
                {"name": "旧文章", "answer": "<p>x</p>", "user_id": self.specialist.id}
            )
        with freeze_time("2026-11-10"):
            fresh = self.env["cs.knowledge.article"].create(
                {"name": "新文章", "answer": "<p>y</p>", "user_id": self.specialist.id}
            )
        Article = self.env["cs.knowledge.article"]
        with freeze_time("2026-11-20"):
            Article._cron_review_reminder()
            self.assertEqual(old.activity_ids.activity_type_id, activity_type)
            self.assertEqual(old.activity_ids.user_id, self.specialist)
            self.assertFalse(fresh.activity_ids)
            Article._cron_review_reminder()
            self.assertEqual(len(old.activity_ids), 1, "idempotent")
            old.with_user(self.specialist).action_mark_reviewed()
            old.invalidate_recordset()
            self.assertFalse(old.activity_ids)
            self.assertEqual(str(old.review_date), "2026-11-20")

    def test_review_cron_query_count(self):
        """The review cron costs the same number of queries for 1 or 6 articles."""
        Article = self.env["cs.knowledge.article"]
        Article.search([]).write({"review_date": "2026-11-19"})

        def make(n):
            with freeze_time("2026-09-01"):
                Article.create(
                    [
                        {"name": f"文章 {i}", "answer": "<p>x</p>", "user_id": self.specialist.id}
                        for i in range(n)
                    ]
                )

        with freeze_time("2026-11-20"):
            make(1)
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=22):
                Article._cron_review_reminder()
                self.env.flush_all()
            make(6)
            self.env.flush_all()
            self.env.invalidate_all()
            with self.assertQueryCount(__system__=22):
                Article._cron_review_reminder()
                self.env.flush_all()

    def test_review_activity_in_the_owner_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "cs_service_dept")]
        )._update_translations(["zh_CN"])
        self.specialist.lang = "zh_CN"
        with freeze_time("2026-09-01"):
            article = self.env["cs.knowledge.article"].create(
                {"name": "发票", "answer": "<p>x</p>", "user_id": self.specialist.id}
            )
        with freeze_time("2026-11-20"):
            self.env["cs.knowledge.article"]._cron_review_reminder()
        self.assertEqual(article.activity_ids.summary, "每月复核文章")
