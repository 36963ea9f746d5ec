# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HelpdeskTicketMerge(models.TransientModel):
    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        """OCA's merge moves the merged tickets' messages to the kept one, which
        only administrators may do (``mail.message.write`` of ``res_id``). The
        department's supervisors merge the tickets they may write (the likely
        duplicates the triage flags): checked here, then merged as superuser."""
        if self.env.is_admin() or not self.env.user.has_group(
            "cs_service_dept.group_cs_supervisor"
        ):
            return super().merge_tickets()
        (self.ticket_ids | self.dst_ticket_id).check_access("write")
        return super(HelpdeskTicketMerge, self.sudo()).merge_tickets()
