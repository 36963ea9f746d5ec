# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class StockPickingType(models.Model):
    _inherit = "stock.picking.type"

    cs_repair_kind = fields.Selection(
        [("repair", "Repair"), ("maintenance", "Maintenance")],
        string="Service Kind",
        default="repair",
        help="Repair operation types: a repair (维修) of a fault or a maintenance (保养).",
    )
