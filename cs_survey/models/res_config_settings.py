# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# ir.config_parameter keys (without the "cs_survey." prefix) and their defaults.
SETTINGS = {
    "revisit_days": 7,
    "quiet_days": 90,
    "satisfaction_target": 95,
    "revisit_target": 80,
}


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
    cs_satisfaction_target = fields.Integer(
        string="Satisfaction Target (%)",
        config_parameter="cs_survey.satisfaction_target",
        default=SETTINGS["satisfaction_target"],
    )
    cs_revisit_target = fields.Integer(
        string="Revisit Rate Target (%)",
        config_parameter="cs_survey.revisit_target",
        default=SETTINGS["revisit_target"],
    )

    @api.constrains(
        "cs_revisit_days",
        "cs_survey_quiet_days",
        "cs_satisfaction_target",
        "cs_revisit_target",
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
            for name in ("cs_satisfaction_target", "cs_revisit_target"):
                if not 0 <= settings[name] <= 100:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s goes from 0 to 100.",
                            setting=settings._fields[name].get_description(self.env)["string"],
                        )
                    )

    @api.model
    def _cs_survey_setting(self, key):
        """The integer setting ``key`` (see SETTINGS), its default when unset or bad."""
        value = self.env["ir.config_parameter"].sudo().get_param(f"cs_survey.{key}")
        try:
            return int(value) if value not in (None, False, "") else SETTINGS[key]
        except ValueError:
            return SETTINGS[key]
