# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class HelpdeskTicketTeam(models.Model):
    _inherit = "helpdesk.ticket.team"

    cs_escalation_team_id = fields.Many2one(
        comodel_name="helpdesk.ticket.team",
        string="Escalation Team",
        help="Unanswered consultations of this team are escalated to this team of specialists.",
    )
