# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController


class CsHelpdeskTicketController(HelpdeskTicketController):
    """The customer chooses the request type on the portal form."""

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        field = request.env["helpdesk.ticket"]._fields["cs_request_type"]
        values["cs_request_types"] = field._description_selection(request.env)
        return values

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        request_type = kw.get("cs_request_type")
        allowed = dict(request.env["helpdesk.ticket"]._fields["cs_request_type"].selection)
        # Only a known type; anything else stays a consultation.
        if request_type in allowed:
            vals["cs_request_type"] = request_type
        return vals
