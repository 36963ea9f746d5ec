# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class HelpdeskSla(models.Model):
    """OCA helpdesk_mgmt_sla's service level, with what the department adds:
    a first-response target besides the resolution one (a stage reached), and
    the request type it applies to."""

    _inherit = "helpdesk.sla"

    # shown on every ticket it applies to: in the reader's language
    name = fields.Char(translate=True)
    cs_target = fields.Selection(
        selection=[("resolution", "Resolution"), ("first_response", "First Response")],
        string="Target",
        default="resolution",
        required=True,
        tracking=True,
        help="Resolution: the ticket reaches the stage in time. First response: the "
        "customer is first answered in time (first public message of customer service).",
    )
    cs_request_type = fields.Selection(
        selection=lambda self: (
            self.env["helpdesk.ticket"]._fields["cs_request_type"]._description_selection(self.env)
        ),
        string="Request Type",
        help="Only tickets of this request type get this SLA; empty: every type.",
    )

    @api.constrains("days", "hours", "cs_target", "stage_id", "active")
    def _check_cs_target(self):
        # an archived SLA targets nothing (OCA's own migration creates one empty)
        for sla in self.filtered("active"):
            if sla.days < 0 or sla.hours < 0 or not (sla.days or sla.hours):
                raise ValidationError(
                    self.env._(
                        "The SLA %(sla)s needs a time to reach its target: days or hours, "
                        "neither negative.",
                        sla=sla.name,
                    )
                )
            if sla.cs_target == "resolution" and not sla.stage_id:
                raise ValidationError(
                    self.env._(
                        "The resolution SLA %(sla)s needs the stage the ticket must reach.",
                        sla=sla.name,
                    )
                )
