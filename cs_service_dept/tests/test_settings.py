# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

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
