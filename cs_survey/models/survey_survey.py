# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

GROUP_MANAGER = "cs_service_dept.group_cs_manager"
SURVEY_TYPE = "cs_satisfaction"


class SurveySurvey(models.Model):
    _inherit = "survey.survey"

    # A type of its own, as hr_recruitment_survey does: Odoo's survey officer rules
    # cover the standard types only, so the suite's answers follow the suite's rules.
    survey_type = fields.Selection(
        selection_add=[(SURVEY_TYPE, "Customer Satisfaction")],
        ondelete={SURVEY_TYPE: "set default"},
    )
    cs_purpose = fields.Selection(
        [
            ("ticket", "After a Ticket"),
            ("complaint", "After a Complaint"),
            ("repair", "After a Repair"),
            ("relationship", "Relationship"),
        ],
        string="Sent",
        index=True,
        help="The customer service event that sends this survey by itself.",
    )

    @api.depends("survey_type")
    @api.depends_context("uid")
    def _compute_allowed_survey_types(self):
        result = super()._compute_allowed_survey_types()
        if self.env.user.has_group(GROUP_MANAGER):
            self.allowed_survey_types = (self.allowed_survey_types or []) + [SURVEY_TYPE]
        return result

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("survey_type") == SURVEY_TYPE for vals in vals_list):
            self._cs_check_template_manager()
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("survey_type") == SURVEY_TYPE:
            self._cs_check_template_manager()
        self._cs_check_template_edit()
        return super().write(vals)

    def unlink(self):
        self._cs_check_template_edit()
        return super().unlink()

    def _cs_check_template_edit(self):
        """The suite's survey templates feed the department's figures: only a
        customer service manager changes them."""
        if any(survey.survey_type == SURVEY_TYPE for survey in self.sudo()):
            self._cs_check_template_manager()

    def _cs_check_template_manager(self):
        if self.env.su or self.env.user.has_group(GROUP_MANAGER):
            return
        raise AccessError(
            self.env._("Only a customer service manager can change the satisfaction surveys.")
        )

    @api.model
    def _cs_get_template(self, purpose):
        """The active satisfaction survey sent for ``purpose``, if any."""
        return self._cs_get_templates().get(purpose, self.sudo().browse())

    @api.model
    def _cs_get_templates(self):
        """The active satisfaction survey sent for each purpose, in one query:
        ``{purpose: survey}``, the oldest survey of a purpose first."""
        surveys = self.sudo().search(
            [("survey_type", "=", SURVEY_TYPE), ("cs_purpose", "!=", False)], order="id desc"
        )
        return {survey.cs_purpose: survey for survey in surveys}
