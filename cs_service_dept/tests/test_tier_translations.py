# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""cs_service_dept/i18n_extra carries zh_CN / zh_TW for base_tier_validation.

The approval banner, its buttons, the review list and the validation status of
the suite's approved documents come from OCA base_tier_validation, which ships
no usable Chinese. The entries apply by xmlid, as for helpdesk_mgmt (see
test_helpdesk_translations). Two kinds of entries go beyond OCA's .pot:

- the ``validation_status`` selection of each model on ``cs.approval.mixin``:
  Odoo gives those selection records base_tier_validation xmlids
  (``selection__<model>__validation_status__<value>``), so each such model is
  listed in the i18n_extra entries of "Waiting", "Pending", ...;
- the web client strings of OCA's review widget (``odoo-javascript``): the web
  client merges the translations of every module into one map, so they apply
  from cs_service_dept too.
"""

from lxml import etree

from odoo.tests import TransactionCase, tagged

LANGS = ("zh_CN", "zh_TW")

STATUS = {
    "zh_CN": {
        "no": "无需审批",
        "waiting": "等待中",
        "pending": "待审批",
        "validated": "已审批",
        "rejected": "已驳回",
    },
    "zh_TW": {
        "no": "無需審批",
        "waiting": "等待中",
        "pending": "待審批",
        "validated": "已審批",
        "rejected": "已駁回",
    },
}

EXPECTED = {
    "zh_CN": {
        "banner": "此记录需要审批。",
        "validate": "审批通过",
        "reject": "驳回",
        "request": "申请审批",
        "restart": "重新审批",
        "reviewer": "审核人",
        "todo_by": "待办人",
        "review_approved": "已审批",
        "menu": "层级定义",
        "subtype": "已申请层级审批",
        "activity": "层级审批提醒",
        "cron": "发送层级审核提醒",
        "web": {"Requested by": "申请人", "Todo by": "待办人", "Validation Date": "审批日期"},
    },
    "zh_TW": {
        "banner": "此記錄需要審批。",
        "validate": "審批通過",
        "reject": "駁回",
        "request": "申請審批",
        "restart": "重新審批",
        "reviewer": "審核人",
        "todo_by": "待辦人",
        "review_approved": "已審批",
        "menu": "層級定義",
        "subtype": "已申請層級審批",
        "activity": "層級審批提醒",
        "cron": "傳送層級審核提醒",
        "web": {"Requested by": "申請人", "Todo by": "待辦人", "Validation Date": "審批日期"},
    },
}


@tagged("post_install", "-at_install")
class TestTierTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)
        module = cls.env["ir.module.module"].search([("name", "=", "cs_service_dept")])
        module._update_translations(list(LANGS))
        cls.approval_models = sorted(
            name
            for name, model in cls.env.registry.items()
            if getattr(model, "_cs_approval", False)
            and not model._abstract
            # i18n_extra is applied when cs_service_dept loads: the approved
            # documents of the other addons carry these terms in their own .po
            and model._original_module in ("cs_service_dept", "helpdesk_mgmt")
        )

    def _selection(self, model, field, lang):
        fields = self.env[model].with_context(lang=lang).fields_get([field])
        return dict(fields[field]["selection"])

    def test_english_is_untouched(self):
        self.assertEqual(
            self._selection("tier.validation", "validation_status", "en_US")["waiting"],
            "Waiting",
        )
        label = self.env.ref("base_tier_validation.tier_validation_label")
        self.assertIn("This Record needs to be", label.with_context(lang="en_US").arch_db)

    def test_validation_status_reads_in_chinese_on_every_approved_document(self):
        self.assertIn("cs.confidentiality.request", self.approval_models)
        self.assertIn("helpdesk.ticket", self.approval_models)
        for lang in LANGS:
            for model in ["tier.validation", *self.approval_models]:
                with self.subTest(lang=lang, model=model):
                    self.assertEqual(
                        self._selection(model, "validation_status", lang),
                        STATUS[lang],
                        f"{model}: add its selection__{model.replace('.', '_')}"
                        "__validation_status__* xmlids to i18n_extra",
                    )

    def test_banner_and_buttons_read_in_chinese(self):
        label = self.env.ref("base_tier_validation.tier_validation_label")
        buttons = self.env.ref("base_tier_validation.tier_validation_buttons")
        for lang, expected in EXPECTED.items():
            with self.subTest(lang=lang):
                arch = label.with_context(lang=lang).arch_db
                for term in ("banner", "validate", "reject"):
                    self.assertIn(expected[term], arch)
                self.assertNotIn("This Record needs to be", arch)
                self.assertNotIn('string="Reject"', arch)
                # the markup around the translated text is kept
                self.assertIn('<i class="fa fa-lg fa-info-circle"/>', arch)
                self.assertIn(f"<b>{expected['reject']}</b>", arch)
                arch = buttons.with_context(lang=lang).arch_db
                self.assertIn(f'string="{expected["request"]}"', arch)
                self.assertIn(f'string="{expected["restart"]}"', arch)

    def test_approved_document_form_reads_in_chinese(self):
        """The banner OCA inserts into the form of a cs document, as the client gets it."""
        for lang, expected in EXPECTED.items():
            with self.subTest(lang=lang):
                Request = self.env["cs.confidentiality.request"].with_context(lang=lang)
                arch = Request.get_view(view_type="form")["arch"]
                # OCA's get_view hands back bytes with character references
                doc = etree.fromstring(arch if isinstance(arch, bytes) else arch.encode())
                text = "".join(doc.itertext())
                self.assertIn(expected["banner"], text)
                self.assertNotIn("This Record needs to be", text)
                self.assertNotIn("Operation has been", text)
                for name, term in (("validate_tier", "validate"), ("reject_tier", "reject")):
                    strings = doc.xpath(f"//button[@name='{name}']/@string")
                    self.assertEqual(strings, [expected[term]])

    def test_tier_review_reads_in_chinese(self):
        for lang, expected in EXPECTED.items():
            with self.subTest(lang=lang):
                Review = self.env["tier.review"].with_context(lang=lang)
                fields = Review.fields_get(["reviewer_id", "todo_by", "status"])
                self.assertEqual(fields["reviewer_id"]["string"], expected["reviewer"])
                self.assertEqual(fields["todo_by"]["string"], expected["todo_by"])
                status = dict(fields["status"]["selection"])
                self.assertEqual(status["approved"], expected["review_approved"])
                self.assertEqual(status["rejected"], STATUS[lang]["rejected"])
                self.assertEqual(status["pending"], STATUS[lang]["pending"])

    def test_menus_subtypes_and_cron_read_in_chinese(self):
        for lang, expected in EXPECTED.items():
            with self.subTest(lang=lang):
                env = self.env(context=dict(self.env.context, lang=lang))
                menu = env.ref("base_tier_validation.menu_tier_definition")
                self.assertEqual(menu.name, expected["menu"])
                subtype = env.ref("base_tier_validation.mt_tier_validation_requested")
                self.assertEqual(subtype.name, expected["subtype"])
                activity = env.ref("base_tier_validation.mail_act_tier_validation_reminder")
                self.assertEqual(activity.name, expected["activity"])
                cron = env.ref("base_tier_validation.ir_cron_auto_tier_validation")
                self.assertEqual(cron.name, expected["cron"])

    def test_review_widget_strings_reach_the_web_client(self):
        """OCA's review list is a JS widget: its column titles are web strings."""
        for lang, expected in EXPECTED.items():
            with self.subTest(lang=lang):
                per_module, _lang_params = self.env["ir.http"].get_translations_for_webclient(
                    ["cs_service_dept"], lang
                )
                terms = {m["id"]: m["string"] for m in per_module["cs_service_dept"]["messages"]}
                for source, translation in expected["web"].items():
                    self.assertEqual(terms.get(source), translation)
