# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# ir.config_parameter keys (without the "cs_survey." prefix) and their defaults.
# The satisfaction and revisit targets are the department's (cs_service_dept's
# KPI targets), read through _cs_survey_setting.
SETTINGS = {
    "revisit_days": 7,
    "quiet_days": 90,
}
TARGETS = {"satisfaction_target": "satisfaction_rate", "revisit_target": "revisit_rate"}


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_revisit_days = fields.Integer(
        string="Revisit Within (Days)",
        config_parameter="cs_survey.revisit_days",
        default=SETTINGS["revisit_days"],
        help="A revisit is due this many days after the service closed.",
    )
    cs_survey_quiet_days = fields.Integer(
        string="Survey at Most Every (Days)",
        config_parameter="cs_survey.quiet_days",
        default=SETTINGS["quiet_days"],
        help="A customer invited to a satisfaction survey less than this many days ago "
        "gets no new invitation.",
    )
    cs_revisit_first_contact = fields.Boolean(
        string="Revisit First-contact Consultations",
        config_parameter="cs_survey.revisit_first_contact",
        help="Consultations solved at the first contact count in the revisit rate too.",
    )

    @api.constrains(
        "cs_revisit_days",
        "cs_survey_quiet_days",
    )
    def _check_cs_survey_settings(self):
        for settings in self:
            for name in ("cs_revisit_days", "cs_survey_quiet_days"):
                if settings[name] < 0:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s cannot be negative.",
                            setting=settings._fields[name].get_description(self.env)["string"],
                        )
                    )

    @api.model
    def _cs_survey_setting(self, key):
        """The integer setting ``key`` (see SETTINGS), its default when unset or bad;
        ``satisfaction_target`` and ``revisit_target`` are the department's targets."""
        if key in TARGETS:
            return round(self.env["cs.ticket.report"]._cs_kpi_targets()[TARGETS[key]])
        return self.env["res.partner"]._cs_get_param(key, SETTINGS[key], module="cs_survey")
