# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError

from .common import CsCommon


class TestSettings(CsCommon):
    def test_defaults(self):
        thresholds = self.env["res.partner"]._cs_thresholds()
        self.assertEqual(
            thresholds,
            {
                "idle_week_days": 7,
                "call_within_days": 7,
                "idle_month_days": 30,
                "contacts_per_month": 2,
                "sales_silence_days": 60,
            },
        )

    def test_save(self):
        settings = self.env["res.config.settings"].create({"cs_idle_week_days": 10})
        settings.execute()
        self.assertEqual(self.env["res.partner"]._cs_thresholds()["idle_week_days"], 10)

    def test_zero_or_negative_refused(self):
        for field in ("cs_idle_week_days", "cs_contacts_per_month", "cs_sales_silence_days"):
            for value in (0, -3):
                with self.assertRaises(ValidationError):
                    self.env["res.config.settings"].create({field: value})
        self.assertEqual(self.env["res.partner"]._cs_thresholds()["idle_week_days"], 7)

    def test_month_after_week(self):
        with self.assertRaises(ValidationError):
            self.env["res.config.settings"].create(
                {"cs_idle_week_days": 40, "cs_idle_month_days": 30}
            )


class TestKpiTargetSettings(CsCommon):
    def test_defaults_and_save(self):
        Report = self.env["cs.ticket.report"]
        self.assertEqual(
            Report._cs_kpi_targets(),
            {
                "handling_hours": 3.0,
                "fcr_rate": 80.0,
                "satisfaction_rate": 95.0,
                "revisit_rate": 80.0,
            },
        )
        self.env["res.config.settings"].create(
            {"cs_handling_target_hours": 2.5, "cs_satisfaction_target_rate": 90.0}
        ).execute()
        targets = Report._cs_kpi_targets()
        self.assertEqual((targets["handling_hours"], targets["satisfaction_rate"]), (2.5, 90.0))

    def test_out_of_range_refused(self):
        for field, value in (
            ("cs_handling_target_hours", 0),
            ("cs_handling_target_hours", -1),
            ("cs_fcr_target_rate", 0),
            ("cs_satisfaction_target_rate", 101),
            ("cs_revisit_target_rate", -5),
        ):
            with self.subTest(field=field, value=value), self.assertRaises(ValidationError):
                self.env["res.config.settings"].create({field: value})
        self.assertEqual(self.env["cs.ticket.report"]._cs_kpi_targets()["handling_hours"], 3.0)

    def test_settings_need_admin_rights(self):
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.manager).create(
                {"cs_handling_target_hours": 10}
            )
