# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""cs_service_dept/i18n_extra carries zh_CN / zh_TW for helpdesk_mgmt.

Odoo loads ``<module>/i18n_extra/<lang>.po`` next to ``i18n/<lang>.po`` and
applies model terms by the xmlid in their reference, so the entries land on
helpdesk_mgmt's own records (fields, selections, stages, menus, views).
"""

from odoo.tests import TransactionCase, tagged

EXPECTED = {
    "zh_CN": {
        "number": "工单编号",
        "partner_name": "合作伙伴名称",
        "stage_new": "新建",
        "stage_done": "已完成",
        "priority_high": "高",
        "menu": "所有工单",
        "channel_email": "电子邮件",
        "form_term": "分配给我",
    },
    "zh_TW": {
        "number": "工單編號",
        "partner_name": "合作夥伴名稱",
        "stage_new": "新建",
        "stage_done": "已完成",
        "priority_high": "高",
        "menu": "所有工單",
        "channel_email": "電子郵件",
        "form_term": "指派給我",
    },
}


@tagged("post_install", "-at_install")
class TestHelpdeskTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in EXPECTED:
            cls.env["res.lang"]._activate_lang(lang)
        module = cls.env["ir.module.module"].search([("name", "=", "cs_service_dept")])
        module._update_translations(list(EXPECTED))

    def test_english_is_untouched(self):
        field = self.env["ir.model.fields"]._get("helpdesk.ticket", "number")
        self.assertEqual(field.with_context(lang="en_US").field_description, "Ticket number")
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        self.assertEqual(stage.with_context(lang="en_US").name, "New")

    def test_helpdesk_mgmt_reads_in_chinese(self):
        Fields = self.env["ir.model.fields"]
        for lang, expected in EXPECTED.items():
            with self.subTest(lang=lang):
                ctx = {"lang": lang}
                number = Fields._get("helpdesk.ticket", "number").with_context(**ctx)
                self.assertEqual(number.field_description, expected["number"])
                partner_name = Fields._get("helpdesk.ticket", "partner_name")
                self.assertEqual(
                    partner_name.with_context(**ctx).field_description,
                    expected["partner_name"],
                )
                stage_new = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
                self.assertEqual(stage_new.with_context(**ctx).name, expected["stage_new"])
                stage_done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
                self.assertEqual(stage_done.with_context(**ctx).name, expected["stage_done"])
                channel = self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")
                self.assertEqual(channel.with_context(**ctx).name, expected["channel_email"])
                menu = self.env.ref("helpdesk_mgmt.helpdesk_all_ticket_menu")
                self.assertEqual(menu.with_context(**ctx).name, expected["menu"])
                # what the web client gets: selection labels and view terms
                priority = dict(
                    self.env["helpdesk.ticket"]
                    .with_context(**ctx)
                    .fields_get(["priority"])["priority"]["selection"]
                )
                self.assertEqual(priority["2"], expected["priority_high"])
                form = self.env.ref("helpdesk_mgmt.ticket_view_form").with_context(**ctx)
                self.assertIn(expected["form_term"], form.arch_db)
                self.assertNotIn("Assign to me", form.arch_db)

    def test_sla_and_merge_read_in_chinese(self):
        """helpdesk_mgmt_sla and helpdesk_mgmt_merge ship no Chinese: i18n_extra's."""
        expected = {
            "zh_CN": ("暂停计时的阶段", "新建工单"),
            "zh_TW": ("暫停計時的階段", "新建工單"),
        }
        # the SLA's name, shown on every ticket, is translated (the demo's)
        sla = self.env.ref(
            "cs_service_dept.helpdesk_sla_complaint_response_demo", raise_if_not_found=False
        )
        if sla:
            self.assertEqual(sla.with_context(lang="zh_TW").name, "投訴在 1 個工作小時內答覆")
            self.assertEqual(
                sla.with_context(lang="en_US").name, "Complaints answered within 1 working hour"
            )
        Fields = self.env["ir.model.fields"]
        for lang, (ignore_stages, new_ticket) in expected.items():
            with self.subTest(lang=lang):
                sla_field = Fields._get("helpdesk.sla", "ignore_stage_ids")
                self.assertEqual(sla_field.with_context(lang=lang).field_description, ignore_stages)
                merge_field = Fields._get("helpdesk.ticket.merge", "create_new_ticket")
                self.assertEqual(merge_field.with_context(lang=lang).field_description, new_ticket)
