# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import fields, sql_db
from odoo.tests import tagged

from .ticket_common import CsTicketCommon

# BaseCommon turns the chatter off; a ticket's assignment notification is the
# path under test, so it is back on here.
MAIL_ON = {
    "tracking_disable": False,
    "mail_create_nolog": False,
    "mail_create_nosubscribe": False,
    "mail_notrack": False,
}


# post_install: Odoo sends no assignment notification while modules install.
@tagged("post_install", "-at_install")
class TestCustomerRow(CsTicketCommon):
    """Creating tickets and confirming orders does not write the customer's row
    over and over: concurrent transactions of a busy customer would serialise on
    it ("could not serialize access due to concurrent update")."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo's default with auth_signup: notifications carry a signup link.
        cls.env["ir.config_parameter"].set_param("auth_signup.invitation_scope", "b2c")
        cls.product = cls.env["product.product"].create({"name": "Service", "type": "service"})

    def row_version(self, record):
        """The physical row of ``record``: every UPDATE of it makes a new one."""
        self.env.flush_all()
        self.env.cr.execute(f"SELECT ctid FROM {record._table} WHERE id = %s", [record.id])
        return self.env.cr.fetchone()[0]

    def made_yesterday(self, *records):
        """As if created by an earlier transaction: a write() now, even of the
        same values, sets a new write_date and so UPDATEs the row."""
        self.env.flush_all()
        for record in records:
            self.env.cr.execute(
                f"UPDATE {record._table} SET write_date = write_date - interval '1 day' "
                "WHERE id = %s",
                [record.id],
            )
        self.env.invalidate_all()

    @contextmanager
    def assertRowNotWritten(self, record):
        before = self.row_version(record)
        yield
        self.assertEqual(self.row_version(record), before, f"{record} was written")

    def create_assigned_ticket(self, name):
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.supervisor)
            .with_context(**MAIL_ON)
            .create(
                {
                    "name": name,
                    "description": f"<p>{name}</p>",
                    "partner_id": self.customer.id,
                    "user_id": self.specialist.id,
                }
            )
        )

    def confirm_order(self, customer):
        order = self.env["sale.order"].create(
            {
                "partner_id": customer.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 1})],
            }
        )
        order.action_confirm()
        return order

    def test_ticket_create_does_not_write_customer(self):
        self.create_assigned_ticket("First")
        # The assignment notification made the customer a signup link once.
        self.assertEqual(self.customer.sudo().signup_type, "signup")
        self.made_yesterday(self.customer)
        with self.assertRowNotWritten(self.customer):
            ticket = self.create_assigned_ticket("Second")
        # the notification that used to write the row was sent
        notification = self.env["mail.message"].search(
            [
                ("model", "=", "helpdesk.ticket"),
                ("res_id", "=", ticket.id),
                ("message_type", "=", "user_notification"),
            ]
        )
        self.assertEqual(notification.partner_ids, self.specialist.partner_id)

    def test_order_confirm_moves_last_order_date_once(self):
        customer = self.create_customer("订单客户")
        contact = self.env["res.partner"].create({"name": "采购员", "parent_id": customer.id})
        self.made_yesterday(customer, contact)
        write_date = customer.write_date
        order = self.confirm_order(contact)
        # the order's day in the company's time zone
        order_day = self.env["cs.followup"]._cs_local_date(order.date_order)
        self.assertEqual(customer.cs_last_order_date, order_day)
        # set in SQL: no write on the customer (nor on its contacts)
        self.assertEqual(customer.write_date, write_date)
        with self.assertRowNotWritten(customer), self.assertRowNotWritten(contact):
            self.confirm_order(contact)
        self.assertEqual(customer.cs_last_order_date, order_day)

    def test_order_confirm_skips_locked_customer(self):
        """Another transaction holds the customer's row: the order confirms, the
        date waits for the dormancy cron."""
        # a committed row another connection can lock: the company's partner
        customer = self.env.company.partner_id
        before = customer.cs_last_order_date
        self.assertFalse(before and before >= fields.Date.today(), "nothing left to move")
        self.env.flush_all()
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other.execute("SET lock_timeout = '10s'")
            other.execute(
                "SELECT id FROM res_partner WHERE id = %s FOR NO KEY UPDATE", [customer.id]
            )
            order = self.confirm_order(customer)
        finally:
            other.rollback()
            other.close()
        self.assertEqual(order.state, "sale")
        self.assertEqual(customer.cs_last_order_date, before)
