# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HelpdeskTicketMerge(models.TransientModel):
    _inherit = "helpdesk.ticket.merge"

    def merge_tickets(self):
        """OCA's merge moves the merged tickets' messages to the kept one, which
        only administrators may do (``mail.message.write`` of ``res_id``). The
        department's supervisors merge the tickets they may write (the likely
        duplicates the triage flags): checked here, then merged as superuser.
        Merged into a new ticket, the supervisor must also be allowed to create
        tickets and to read the team the new one goes to, and the new ticket,
        as created, must pass the supervisor's create rules (else the merge is
        rolled back with the error)."""
        if self.env.is_admin() or not self.env.user.has_group(
            "cs_service_dept.group_cs_supervisor"
        ):
            return super().merge_tickets()
        (self.ticket_ids | self.dst_ticket_id).check_access("write")
        if self.create_new_ticket:
            self.env["helpdesk.ticket"].check_access("create")
            self.dst_helpdesk_team_id.check_access("read")
        result = super(HelpdeskTicketMerge, self.sudo()).merge_tickets()
        if self.create_new_ticket:
            self.dst_ticket_id.with_env(self.env).check_access("create")
        return result
