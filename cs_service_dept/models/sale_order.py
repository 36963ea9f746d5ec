# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from psycopg2 import errors as pgerrors

from odoo import fields, models
from odoo.tools import SQL, mute_logger

_logger = logging.getLogger(__name__)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    cs_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Ticket",
        index="btree_not_null",
        copy=False,
        readonly=True,
        help="The ticket this replacement order was made for (exchange).",
    )

    def _action_confirm(self):
        res = super()._action_confirm()
        self._cs_update_last_order_date()
        # a repair quotation confirmed (on the portal too) is the accepted estimate
        self.sudo().repair_order_ids._cs_record_estimate_acceptance()
        return res

    def _cs_update_last_order_date(self):
        """Keep the customer file's last order date current between two dormancy
        cron runs, without serialising a busy customer's orders.

        As Odoo does for the customer rank (account's ``_increase_rank``): in SQL,
        only on the rows whose date moves forward (no ``write_date``, no sync to
        the contacts), and skipped when another transaction holds the customer's
        row: the cron sets the date from the orders anyway.
        """
        last = {}
        local_date = self.env["cs.followup"]._cs_local_date
        for order in self:
            customer_id = order.partner_id.commercial_partner_id.id
            # the order's day in the company's time zone
            day = local_date(order.date_order)
            last[customer_id] = max(day, last.get(customer_id, day))
        if not last:
            return
        customers = self.env["res.partner"].browse(last)
        customers.flush_recordset(["cs_last_order_date"])
        try:
            with self.env.cr.savepoint(flush=False), mute_logger("odoo.sql_db"):
                rows = self.env.execute_query(
                    SQL(
                        """WITH moved AS (
                               SELECT p.id, v.day
                                 FROM res_partner p
                                 JOIN unnest(%s::int[], %s::date[]) AS v(id, day) ON v.id = p.id
                                WHERE p.cs_last_order_date IS NULL OR p.cs_last_order_date < v.day
                                  FOR NO KEY UPDATE OF p NOWAIT
                           )
                           UPDATE res_partner p SET cs_last_order_date = moved.day
                             FROM moved WHERE p.id = moved.id
                        RETURNING p.id""",
                        list(last),
                        list(last.values()),
                    )
                )
        except (pgerrors.LockNotAvailable, pgerrors.SerializationFailure):
            _logger.debug("Customer rows locked: their last order date waits for the cron.")
            return
        if rows:
            moved = customers.browse([row[0] for row in rows])
            moved.invalidate_recordset(["cs_last_order_date"])
            moved.modified(["cs_last_order_date"])
