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
    # The field OCA helpdesk_mgmt_sla adds, with the same name, type and default:
    # installing that module later adds nothing new.
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        "Working Hours",
        default=lambda self: self.env.company.resource_calendar_id,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
