# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, new_test_user

from .common import CsCreditCommon


class TestSaleOrderCreditLimit(CsCreditCommon):
    """The refusal and the Manager's override, for the department's customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman = new_test_user(
            cls.env, login="cs_salesman", groups="sales_team.group_sale_salesman"
        )
        cls.company.account_use_credit_limit = False
        cls.customer = cls.create_customer("Sales Customer")
        # graded by the department: its credit is managed
        cls.grade(cls.customer, "A")
        cls.customer.with_company(cls.company).credit_limit = 1000
        # open receivable 300 and a confirmed order not invoiced of 200
        cls.create_invoice(cls.customer, 300, "2026-01-01", "2026-12-31")
        cls.create_order(cls.customer, 200)

    def test_over_limit_refused_with_amounts(self):
        order = self.create_order(self.customer, 600, confirm=False, user=self.salesman)
        with self.assertRaises(UserError) as err:
            order.with_user(self.salesman).action_confirm()
        message = str(err.exception)
        for amount in ("300.00", "200.00", "600.00", "1,100.00", "1,000.00"):
            self.assertIn(amount, message)
        self.assertEqual(order.state, "draft")
        self.assertFalse(self.company.account_use_credit_limit)

    def test_order_form_and_refusal_agree(self):
        """The order form's credit warning is the refusal's message."""
        order = self.create_order(self.customer, 600, confirm=False, user=self.salesman)
        form = Form(order.with_user(self.salesman))
        self.assertIn("1,100.00", form.partner_credit_warning)
        with self.assertRaises(UserError) as err:
            order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.partner_credit_warning, str(err.exception))
        self.assertTrue(order.cs_credit_blocked)
        within = self.create_order(self.customer, 400, confirm=False, user=self.salesman)
        self.assertFalse(within.partner_credit_warning)
        self.assertFalse(within.cs_credit_blocked)

    def test_forged_context_key_refused(self):
        """The salesperson sends the key the override uses internally."""
        order = self.create_order(self.customer, 600, confirm=False, user=self.salesman)
        with self.assertRaisesText(UserError, "over the credit limit"):
            order.with_user(self.salesman).with_context(cs_credit_override=True).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_forged_context_key_under_sudo_refused(self):
        """A route that confirms under sudo() and passes the caller's context
        on (as the portal's acceptance or the payment do) is still refused:
        only the override wizard's own marker skips the refusal."""
        order = self.create_order(self.customer, 600, confirm=False, user=self.salesman)
        for value in (True, 1, "1", {"override": True}):
            with self.assertRaisesText(UserError, "over the credit limit"):
                order.with_user(self.salesman).with_context(
                    cs_credit_override=value
                ).sudo().action_confirm()
        self.assertEqual(order.state, "draft")

    def test_blocked_list_query_count_does_not_grow(self):
        """The blocked orders are found in a fixed number of queries, whatever
        the number of customers and quotations."""
        Order = self.env["sale.order"]
        counts = []
        total = 0
        for size in (1, 3, 9):
            total += size
            for i in range(size):
                customer = self.create_customer(f"Blocked {size}-{i}")
                self.grade(customer, "C")
                self.create_order(customer, 10, confirm=False)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            blocked = Order.search([("cs_credit_blocked", "=", True)])
            self.assertEqual(len(blocked), total)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[1], counts[2])

    def test_customer_accepting_online_does_not_read_the_assessment(self):
        """The portal confirms a signed or paid quotation under sudo() as the
        customer: refused, without the department's figures or grade."""
        customer = self.create_customer("Portal Credit Customer")
        self.grade(customer, "C")
        order = self.create_order(customer, 10, confirm=False, user=self.salesman)
        portal = new_test_user(self.env, login="cs_credit_portal", groups="base.group_portal")
        with self.assertRaisesText(UserError, "department has reviewed it") as caught:
            order.with_user(portal).sudo()._validate_order()
        self.assertNotIn("grade C", str(caught.exception))
        self.assertEqual(order.state, "draft")
        self.assertTrue(order.cs_credit_blocked)

    def _pay_online(self, order):
        provider = self.env["payment.provider"].search([("code", "=", "none")], limit=1)
        return self.env["payment.transaction"].create(
            {
                "provider_id": provider.id,
                "payment_method_id": self.env.ref("payment.payment_method_unknown").id,
                "amount": order.amount_total,
                "currency_id": order.currency_id.id,
                "partner_id": order.partner_id.id,
                "reference": f"{order.name}-online",
                "operation": "online_redirect",
                "state": "done",
                "sale_order_ids": [Command.set(order.ids)],
            }
        )

    def test_paid_online_quotation_waits_for_review(self):
        """The customer pays a blocked quotation online: the payment's
        post-processing goes through (Odoo's cron would retry a refusal for
        days), the quotation stays one, flagged, and its salesperson gets one
        to-do however often the post-processing runs."""
        order = self.create_order(self.customer, 600, confirm=False, user=self.salesman)
        within = self.create_order(self.customer, 100, confirm=False, user=self.salesman)
        transactions = self._pay_online(order) | self._pay_online(within)
        confirmed = transactions._check_amount_and_confirm_order()
        self.assertEqual(confirmed, within)
        self.assertEqual(order.state, "draft")
        self.assertTrue(order.cs_credit_paid_hold)
        self.assertFalse(within.cs_credit_paid_hold)
        self.assertEqual(order.activity_ids.user_id, self.salesman)
        transactions[0]._check_amount_and_confirm_order()
        self.assertEqual(len(order.activity_ids), 1)
        paid = (
            self.env["sale.order"]
            .with_user(self.manager)
            .search([("cs_credit_blocked", "=", True), ("cs_credit_paid_hold", "=", True)])
        )
        self.assertEqual(paid, order)

    def test_override_of_an_order_within_credit_refused(self):
        """The override wizard, called directly on an order within the credit,
        does not confirm it with an "over the limit" line in the chatter."""
        within = self.create_order(self.customer, 100, confirm=False, user=self.salesman)
        wizard = (
            self.env["cs.credit.override.wizard"]
            .with_user(self.manager)
            .create({"order_id": within.id, "reason": "Why not"})
        )
        with self.assertRaisesText(UserError, "within its customer's credit"):
            wizard.action_confirm()
        self.assertEqual(within.state, "draft")
        self.assertFalse(any("Why not" in body for body in within.message_ids.mapped("body")))

    def test_within_limit_confirmed(self):
        order = self.create_order(self.customer, 500, confirm=False, user=self.salesman)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_unmanaged_customer_keeps_odoo_warning(self):
        """A partner the department does not manage: Odoo's warning, no refusal."""
        self.company.account_use_credit_limit = True
        partner = self.create_customer("Walk-in Customer")
        partner.with_company(self.company).credit_limit = 100
        order = self.create_order(partner, 600, confirm=False, user=self.salesman)
        self.assertIn("has reached its credit limit", order.partner_credit_warning)
        self.assertFalse(order.cs_credit_blocked)
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_manager_override_on_salesperson_order(self):
        """The demo-like Manager (no sales right) sees the blocked order in the
        Credit menu's list and confirms it with a reason."""
        order = self.create_order(self.customer, 600, confirm=False, user=self.salesman)
        blocked = (
            self.env["sale.order"]
            .with_user(self.manager)
            .search([("cs_credit_blocked", "=", True)])
        )
        self.assertEqual(blocked, order)
        # the order form shows the Manager the override button of a blocked order only
        self.assertTrue(Form(order.with_user(self.manager)).cs_credit_blocked)
        within = self.create_order(self.customer, 10, confirm=False, user=self.salesman)
        self.assertFalse(Form(within.with_user(self.manager)).cs_credit_blocked)
        action = order.with_user(self.manager).action_cs_credit_override()
        wizard = (
            self.env["cs.credit.override.wizard"]
            .with_user(self.manager)
            .with_context(**action["context"])
            .create({"reason": "Strategic customer, paid by LC"})
        )
        self.assertIn("1,100.00", wizard.message)
        wizard.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.user_id, self.salesman)
        for record in (order, self.customer):
            self.assertTrue(
                any("Strategic customer" in body for body in record.message_ids.mapped("body"))
            )
        self.assertFalse(self.company.account_use_credit_limit)
        # the Manager only reads the quotations of other salespersons: not
        # their confirmed orders, and writes none of them
        with self.assertRaises(AccessError):
            order.with_user(self.manager).write({"note": "x"})
        with self.assertRaises(AccessError):
            order.with_user(self.manager).read(["name"])
        quotation = self.create_order(self.customer, 10, confirm=False, user=self.salesman)
        quotation.with_user(self.manager).read(["name"])
        quotation.order_line.with_user(self.manager).read(["name"])
        with self.assertRaises(AccessError):
            order.order_line.with_user(self.manager).read(["name"])
        with self.assertRaises(AccessError):
            quotation.with_user(self.manager).write({"note": "x"})

    def test_specialist_cannot_override(self):
        order = self.create_order(self.customer, 600, confirm=False)
        with self.assertRaises(AccessError):
            self.env["cs.credit.override.wizard"].with_user(self.specialist).create(
                {"order_id": order.id, "reason": "Please"}
            )
        with self.assertRaises(AccessError):
            order.with_user(self.salesman).action_cs_credit_override()
        self.assertEqual(order.state, "draft")

    def test_grade_c_treated_as_over_limit(self):
        customer = self.create_customer("Grade C Customer")
        self.grade(customer, "C", total_score=40)
        order = self.create_order(customer, 10, confirm=False)
        with self.assertRaisesText(UserError, "credit grade C"):
            order.with_user(self.salesman).action_confirm()

    def test_confirmed_anomaly_treated_as_over_limit(self):
        customer = self.create_customer("Anomaly Sales Customer")
        self.grade(customer, "B")
        anomaly = self.env["cs.credit.anomaly"].create({"partner_id": customer.id})
        order = self.create_order(customer, 10, confirm=False)
        order.action_confirm()  # an open anomaly alone does not block
        anomaly.with_user(self.manager).action_confirm()
        order2 = self.create_order(customer, 10, confirm=False)
        with self.assertRaisesText(UserError, "confirmed credit anomaly"):
            order2.with_user(self.salesman).action_confirm()
