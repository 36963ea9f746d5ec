# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    cs_role = fields.Selection(
        [
            ("satisfaction", "Satisfaction Score"),
            ("solved", "Solved?"),
            ("comment", "Comment"),
        ],
        string="Measures",
        help="What this question measures in the customer service figures.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        questions = super().create(vals_list)
        questions.survey_id._cs_check_template_edit()
        return questions

    def write(self, vals):
        self.survey_id._cs_check_template_edit()
        result = super().write(vals)
        if "survey_id" in vals:
            self.survey_id._cs_check_template_edit()
        return result

    def unlink(self):
        self.survey_id._cs_check_template_edit()
        return super().unlink()
