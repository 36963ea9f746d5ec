# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import date_utils


class CsSurveyFigures(models.TransientModel):
    """The department's satisfaction and revisit figures over a period, against
    their targets."""

    _name = "cs.survey.figures"
    _description = "Satisfaction Figures"

    date_from = fields.Date(
        required=True,
        default=lambda self: date_utils.start_of(fields.Date.context_today(self), "month"),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: date_utils.end_of(fields.Date.context_today(self), "month"),
    )
    team_id = fields.Many2one("helpdesk.ticket.team")
    specialist_id = fields.Many2one("res.users")
    satisfaction_display = fields.Char(string="Satisfaction", compute="_compute_figures")
    satisfaction_target = fields.Integer(compute="_compute_figures")
    satisfaction_met = fields.Boolean(compute="_compute_figures")
    revisit_display = fields.Char(string="Revisit Rate", compute="_compute_figures")
    revisit_target = fields.Integer(compute="_compute_figures")
    revisit_met = fields.Boolean(compute="_compute_figures")
    response_display = fields.Char(string="Response Rate", compute="_compute_figures")
    scored_count = fields.Integer(string="Scores", compute="_compute_figures")
    required_count = fields.Integer(string="Revisits Due", compute="_compute_figures")
    invited_count = fields.Integer(string="Invitations", compute="_compute_figures")

    def _report_domain(self):
        self.ensure_one()
        domain = [("date", ">=", self.date_from), ("date", "<=", self.date_to)]
        if self.team_id:
            domain.append(("team_id", "=", self.team_id.id))
        if self.specialist_id:
            domain.append(("specialist_id", "=", self.specialist_id.id))
        return domain

    @api.depends("date_from", "date_to", "team_id", "specialist_id")
    def _compute_figures(self):
        Settings = self.env["res.config.settings"]
        satisfaction_target = Settings._cs_survey_setting("satisfaction_target")
        revisit_target = Settings._cs_survey_setting("revisit_target")
        no_data = self.env._("No data")

        def display(rate):
            return no_data if rate is None else f"{rate:.1f}%"

        for wizard in self:
            figures = self.env["cs.satisfaction.report"]._cs_figures(wizard._report_domain())
            wizard.satisfaction_display = display(figures["satisfaction"])
            wizard.satisfaction_target = satisfaction_target
            wizard.satisfaction_met = (
                figures["satisfaction"] is not None
                and figures["satisfaction"] >= satisfaction_target
            )
            wizard.revisit_display = display(figures["revisit"])
            wizard.revisit_target = revisit_target
            wizard.revisit_met = (
                figures["revisit"] is not None and figures["revisit"] >= revisit_target
            )
            wizard.response_display = display(figures["response"])
            wizard.scored_count = figures["scored"]
            wizard.required_count = figures["required"]
            wizard.invited_count = figures["invited"]

    def action_open_report(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_survey.cs_satisfaction_report_action"
        )
        action["domain"] = self._report_domain()
        return action
