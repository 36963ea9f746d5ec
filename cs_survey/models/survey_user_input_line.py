# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.user_input_id._cs_check_not_done()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.user_input_id._cs_check_not_done()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.user_input_id._cs_check_not_done()
        return super().unlink()
