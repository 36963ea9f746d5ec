# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def action_cs_file_archive(self):
        """File the closed complaint, with its printed forms, into the
        customer's complaint archive (归档)."""
        return self.env["cs.archive"].action_file_records(self._name, self.ids)
