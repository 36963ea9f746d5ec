# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class HelpdeskTicket(models.Model):
    """Opportunities found while serving a ticket (销售机会挖掘)."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "cs.opportunity.mixin"]
