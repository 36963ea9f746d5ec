# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests import tagged

from .common import CsArchiveCommon


@tagged("post_install", "-at_install")
class TestReports(CsArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search(
            [("name", "in", ("cs_service_dept", "cs_archive"))]
        )._update_translations(["zh_CN"])
        cls.env = cls.env(context=dict(cls.env.context, lang="zh_CN"))

    def test_loan_slip(self):
        loan = self.lend(self.create_archive())
        text = self.render_pdf_text("cs_archive.action_report_loan_slip", loan.ids)
        self.assertIn("档案借阅单", text)
        self.assertIn(loan.name, text)
        self.assertIn("华美贸易", text)
        self.assertIn("审计核对", text)

    def test_destruction_forms(self):
        archive = self.create_archive(title="旧合同")
        archive.sudo()._cs_set_state("expired")
        proposal = (
            self.env["cs.archive.destruction"]
            .with_user(self.specialist)
            .create({"archive_ids": [(6, 0, archive.ids)], "feedback": "已粉碎"})
        )
        text = self.render_pdf_text("cs_archive.action_report_destruction_proposal", proposal.ids)
        self.assertIn("客户档案销毁提议书", text)
        self.assertIn("旧合同", text)
        proposal.with_user(self.specialist).action_submit()
        proposal.with_user(self.manager).validate_tier()
        proposal.with_user(self.general_manager).validate_tier()
        proposal.with_user(self.specialist).action_destroy()
        text = self.render_pdf_text("cs_archive.action_report_destruction_register", proposal.ids)
        self.assertIn("客户档案销毁处理登记表", text)
        self.assertIn("旧合同", text)
        self.assertIn("粉碎", text)
        text = self.render_pdf_text("cs_archive.action_report_destruction_feedback", proposal.ids)
        self.assertIn("销毁处理反馈单", text)
        self.assertIn("已粉碎", text)
        self.assertIn(re.sub(r"\s+", "", self.general_manager.name), text)
