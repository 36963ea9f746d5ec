# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class SurveyQuestionAnswer(models.Model):
    _inherit = "survey.question.answer"

    cs_solved = fields.Boolean(
        string="Means Solved",
        help='On a "was it solved?" question: choosing this answer means the problem '
        "was solved. The other answers mean it was not.",
    )

    def _cs_surveys(self):
        sudo_self = self.sudo()
        surveys = sudo_self.question_id.survey_id | sudo_self.matrix_question_id.survey_id
        return surveys.with_env(self.env)

    @api.model_create_multi
    def create(self, vals_list):
        answers = super().create(vals_list)
        answers._cs_surveys()._cs_check_template_edit()
        return answers

    def write(self, vals):
        self._cs_surveys()._cs_check_template_edit()
        return super().write(vals)

    def unlink(self):
        self._cs_surveys()._cs_check_template_edit()
        return super().unlink()
