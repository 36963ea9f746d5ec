# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _action_confirm(self):
        res = super()._action_confirm()
        # Keep the customer file's last order date current between two cron runs.
        # The date is the order's local date in the company's time zone.
        by_customer = self.grouped(lambda order: order.partner_id.commercial_partner_id)
        Followup = self.env["cs.followup"]
        for customer, orders in by_customer.items():
            last = Followup._cs_local_date(max(orders.mapped("date_order")))
            if not customer.cs_last_order_date or customer.cs_last_order_date < last:
                customer.sudo().write({"cs_last_order_date": last})
        return res
