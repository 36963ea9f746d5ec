# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CsSurveyCommon


@tagged("post_install", "-at_install")
class TestSettings(CsSurveyCommon):
    def test_settings_saved_and_used(self):
        form = Form(self.env["res.config.settings"])
        form.cs_revisit_days = 10
        form.cs_satisfaction_target_rate = 90
        form.save().execute()
        Settings = self.env["res.config.settings"]
        self.assertEqual(Settings._cs_survey_setting("revisit_days"), 10)
        self.assertEqual(Settings._cs_survey_setting("satisfaction_target"), 90)
        revisit = self.close(self.create_ticket("Ten days"))
        self.assertEqual((revisit.due_date - revisit.service_date).days, 10)

    def test_bad_settings_refused(self):
        for vals in (
            {"cs_revisit_days": -1},
            {"cs_survey_quiet_days": -5},
            {"cs_satisfaction_target_rate": 120},
            {"cs_revisit_target_rate": -1},
        ):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                self.env["res.config.settings"].create(vals)

    def test_garbage_parameter_falls_back(self):
        self.env["ir.config_parameter"].sudo().set_param("cs_survey.revisit_days", "abc")
        self.assertEqual(self.env["res.config.settings"]._cs_survey_setting("revisit_days"), 7)
