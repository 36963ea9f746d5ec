# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from .repair_common import RepairCommon


class TestRepairReturn(RepairCommon):
    """Returns and exchanges (退换): Odoo's return of the delivery, then a credit
    note or a replacement order, linked to the ticket."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product.lst_price = 800.0
        cls.order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [
                    (0, 0, {"product_id": cls.product.id, "product_uom_qty": 3}),
                    (0, 0, {"product_id": cls.labour.id, "product_uom_qty": 1}),
                ],
            }
        )
        cls.order.action_confirm()
        cls.delivery = cls.order.picking_ids
        cls.delivery.move_ids.quantity = 3
        cls.delivery.move_ids.picked = True
        cls.delivery.button_validate()
        cls.invoice = cls.order._create_invoices()
        cls.invoice.action_post()
        cls.ticket = (
            cls.env["helpdesk.ticket"]
            .with_user(cls.specialist)
            .create(
                {
                    "name": "办公椅无法升降",
                    "description": "<p>气杆失灵</p>",
                    "partner_id": cls.customer.id,
                    "cs_request_type": "repair",
                }
            )
        )

    def _wizard(self, user=None, repair=None, **vals):
        if repair:
            action = repair.with_user(user or self.specialist).action_cs_return_exchange()
        else:
            action = self.ticket.with_user(user or self.specialist).action_cs_return_exchange()
        model = self.env["cs.return.wizard"].with_user(user or self.specialist)
        with Form(model.with_context(**action["context"])) as form:
            form.picking_id = vals.pop("picking_id", self.delivery)
            for name, value in vals.items():
                setattr(form, name, value)
            if not form.reason:
                form.reason = "气杆无法修复"
        return form.record

    def test_return_with_credit_note(self):
        repair = self.env["repair.order"].browse(
            self.ticket.with_user(self.specialist).action_cs_create_repair()["res_id"]
        )
        repair.with_user(self.specialist).product_id = self.product
        wizard = self._wizard(repair=repair, quantity=2)
        self.assertEqual(wizard.product_id, self.product, "the repair's product")
        self.assertEqual(wizard.invoice_id, self.invoice, "the delivery's invoice")
        wizard.action_confirm()

        self.assertEqual(self.ticket.cs_return_outcome, "return")
        self.assertEqual(self.ticket.cs_return_count, 1)
        self.assertEqual(self.ticket.cs_credit_note_count, 1)
        self.assertEqual(self.ticket.cs_replacement_count, 0)
        returned = self.ticket.cs_return_picking_ids
        self.assertEqual(returned.return_id, self.delivery, "Odoo's return of the delivery")
        self.assertEqual(returned.picking_type_code, "incoming")
        self.assertEqual(returned.move_ids.product_id, self.product)
        self.assertEqual(returned.move_ids.product_uom_qty, 2)
        # The invoice is another salesperson's: the ticket's specialist reads its
        # credit note all the same, someone outside customer service does not.
        self.assertNotEqual(self.invoice.invoice_user_id, self.specialist)
        credit_note = self.ticket.with_user(self.specialist).cs_credit_note_ids
        credit_note.invoice_line_ids.mapped("price_subtotal")
        with self.assertRaises(AccessError):
            credit_note.with_user(self.internal_user).check_access("read")
        with self.assertRaises(AccessError):
            credit_note.with_user(self.specialist).write({"ref": "x"})
        credit_note = credit_note.sudo()
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.invoice_line_ids.product_id, self.product)
        self.assertEqual(credit_note.invoice_line_ids.quantity, 2)
        self.assertAlmostEqual(credit_note.amount_untaxed, 1600.0)
        self.assertEqual(repair.state, "cancel", "returned instead of repaired")
        self.assertIn(returned.name, self.ticket.message_ids[0].body)
        self.assertTrue(any(returned.name in body for body in repair.message_ids.mapped("body")))
        action = self.ticket.with_user(self.specialist).action_cs_view_returns()
        self.assertEqual(action["domain"], [("cs_ticket_id", "=", self.ticket.id)])
        self.assertEqual(
            self.env[action["res_model"]].with_user(self.specialist).search(action["domain"]),
            returned,
        )
        self.assertEqual(
            self.ticket.with_user(self.specialist).action_cs_view_credit_notes()["res_model"],
            "account.move",
        )
        # one left to return: two more is refused, nothing written
        with self.assertRefused(UserError, "Only 1.0 of"):
            self._raw_wizard(quantity=2).action_confirm()
        self.assertEqual(self.ticket.cs_return_count, 1)
        self.assertEqual(self.ticket.cs_credit_note_count, 1)

    def test_exchange_with_replacement_order(self):
        wizard = self._wizard(outcome="exchange", product_id=self.product, quantity=1)
        wizard.action_confirm()
        self.assertEqual(self.ticket.cs_return_outcome, "exchange")
        self.assertEqual(self.ticket.cs_return_count, 1)
        self.assertEqual(self.ticket.cs_credit_note_count, 0)
        order = self.ticket.cs_replacement_order_ids
        self.assertEqual(len(order), 1)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.order_line.product_id, self.product)
        self.assertEqual(order.order_line.product_uom_qty, 1)
        self.assertEqual(order.amount_total, 0.0, "the replacement is free")
        self.assertTrue(order.picking_ids, "the replacement is delivered")
        self.assertEqual(self.ticket.cs_return_picking_ids.move_ids.product_uom_qty, 1)
        self.assertIn(order.name, self.ticket.message_ids[0].body)

    def _raw_wizard(self, **vals):
        """As an RPC client sends it, without the form's onchanges and checks."""
        values = {
            "ticket_id": self.ticket.id,
            "picking_id": self.delivery.id,
            "product_id": self.product.id,
            "quantity": 1,
            "invoice_id": self.invoice.id,
            "reason": "x",
        }
        values.update({k: v.id if hasattr(v, "ids") else v for k, v in vals.items()})
        return self.env["cs.return.wizard"].with_user(self.specialist).create(values)

    def test_bad_input(self):
        other = self.create_customer("Other customer (return)", street="x")
        other_order = self.env["sale.order"].create(
            {
                "partner_id": other.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 1})],
            }
        )
        other_order.action_confirm()
        other_delivery = other_order.picking_ids
        other_delivery.move_ids.quantity = 1
        other_delivery.move_ids.picked = True
        other_delivery.button_validate()
        cases = [
            ({"picking_id": other_delivery, "product_id": self.product}, "Choose a delivery"),
            ({"product_id": self.maintenance_fee}, "did not deliver"),
            ({"product_id": self.product, "quantity": 0}, "must be positive"),
            ({"product_id": self.product, "quantity": 4}, "Only 3.0 of"),
            (
                {"product_id": self.product, "invoice_id": self.env["account.move"]},
                "posted invoice",
            ),
        ]
        for vals, pattern in cases:
            with self.subTest(pattern=pattern), self.assertRefused(UserError, pattern):
                self._raw_wizard(**vals).action_confirm()
        not_done = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [(0, 0, {"product_id": self.product.id})],
            }
        )
        not_done.action_confirm()
        with self.assertRefused(UserError, "Choose a delivery"):
            self._raw_wizard(picking_id=not_done.picking_ids).action_confirm()
        self.assertFalse(self.ticket.cs_return_picking_ids)
        self.assertFalse(self.ticket.cs_return_outcome)
        self.assertFalse(self.delivery.move_ids.returned_move_ids)

    def test_credited_invoice(self):
        """A credit note made earlier on the invoice, here by accounting by hand,
        lowers what a return may still credit; a cancelled one does not."""
        credit_note = self.invoice._reverse_moves()
        line = credit_note.invoice_line_ids.filtered(lambda ln: ln.product_id == self.product)
        credit_note.write({"invoice_line_ids": [(1, line.id, {"quantity": 2})]})
        with self.assertRefused(UserError, "not credited yet"):
            self._raw_wizard(quantity=2).action_confirm()
        self.assertFalse(self.ticket.cs_return_picking_ids, "nothing half-written")
        credit_note.button_cancel()
        self._raw_wizard(quantity=2).action_confirm()
        self.assertEqual(self.ticket.sudo().cs_credit_note_ids.invoice_line_ids.quantity, 2)

    def test_rights(self):
        """Outside customer service nobody returns; a forged repair is refused."""
        with self.assertRefused(AccessError, "Only customer service"):
            self.ticket.with_user(self.engineer).action_cs_return_exchange()
        with self.assertRaises(AccessError):
            self.env["cs.return.wizard"].with_user(self.engineer).create(
                {"ticket_id": self.ticket.id, "reason": "x"}
            )
        other_ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.specialist)
            .create(
                {
                    "name": "其他",
                    "description": "<p>其他</p>",
                    "partner_id": self.customer.id,
                    "cs_request_type": "repair",
                }
            )
        )
        other_repair = self.env["repair.order"].browse(
            other_ticket.with_user(self.specialist).action_cs_create_repair()["res_id"]
        )
        # as a client forging default_repair_id
        wizard = self._raw_wizard(repair_id=other_repair)
        with self.assertRefused(UserError, "does not belong"):
            wizard.action_confirm()
        self.assertEqual(other_repair.state, "draft")
        self.assertFalse(self.ticket.cs_return_picking_ids)
        repair = self.create_repair()
        with self.assertRefused(UserError, "Link"):
            repair.with_user(self.specialist).action_cs_return_exchange()
