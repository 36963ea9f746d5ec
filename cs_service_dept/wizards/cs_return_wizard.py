# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Returns and exchanges (退换): when a repair ticket ends in a return or an
exchange instead of a repair. The product comes back through Odoo's own return
of the customer's delivery (``stock.return.picking``); a return is credited by
Odoo's reversal of the invoice (``account.move.reversal``, a draft credit note of
the returned quantity), an exchange gets a free replacement order. All of them
are linked to the ticket (``cs_ticket_id``) and told in its chatter."""

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_round

GROUP_SPECIALIST = "cs_service_dept.group_cs_specialist"


class CsReturnWizard(models.TransientModel):
    _name = "cs.return.wizard"
    _description = "Return or Exchange"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, readonly=True)
    repair_id = fields.Many2one("repair.order", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", compute="_compute_partner_id")
    outcome = fields.Selection(
        [("return", "Return (Credit Note)"), ("exchange", "Exchange (Replacement)")],
        required=True,
        default="return",
    )
    picking_id = fields.Many2one(
        "stock.picking",
        string="Delivery",
        domain="[('partner_id', 'child_of', partner_id), ('state', '=', 'done'),"
        " ('picking_type_code', '=', 'outgoing')]",
        help="The delivery to the customer the product is returned from.",
    )
    product_id = fields.Many2one("product.product")
    quantity = fields.Float(digits="Product Unit of Measure", default=1.0)
    invoice_id = fields.Many2one(
        "account.move",
        compute="_compute_invoice_id",
        store=True,
        readonly=False,
        domain="[('partner_id', 'child_of', partner_id), ('state', '=', 'posted'),"
        " ('move_type', '=', 'out_invoice')]",
        help="The invoice credited for a return.",
    )
    reason = fields.Char(required=True)

    @api.depends("ticket_id")
    def _compute_partner_id(self):
        for wizard in self:
            wizard.partner_id = wizard.ticket_id.partner_id.commercial_partner_id

    @api.depends("picking_id", "product_id")
    def _compute_invoice_id(self):
        for wizard in self:
            invoices = wizard.picking_id.sudo().sale_id.invoice_ids.filtered(
                lambda m, w=wizard: (
                    m.state == "posted"
                    and m.move_type == "out_invoice"
                    and w.product_id in m.invoice_line_ids.product_id
                )
            )
            wizard.invoice_id = invoices[:1]

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        repair = self.env["repair.order"].browse(values.get("repair_id"))
        if repair and repair.product_id:
            values.setdefault("product_id", repair.product_id.id)
            values.setdefault("quantity", repair.product_qty or 1.0)
        return values

    def action_confirm(self):
        """Return the product, then credit it or replace it (as customer service:
        the stock and accounting documents are made by the approved path)."""
        self.ensure_one()
        if not self.env.user.has_group(GROUP_SPECIALIST):
            raise AccessError(self.env._("Only customer service handles returns and exchanges."))
        ticket = self.ticket_id
        ticket.check_access("write")
        if self.repair_id:
            self.repair_id.check_access("write")
            if self.repair_id.ticket_id != ticket:
                raise UserError(
                    self.env._(
                        "%(repair)s does not belong to %(ticket)s.",
                        repair=self.repair_id.display_name,
                        ticket=ticket.display_name,
                    )
                )
        moves = self._cs_check_return()
        return_picking = self.sudo()._cs_create_return(moves)
        values = {
            "quantity": self.quantity,
            "product": self.product_id.display_name,
            "delivery": self.picking_id.name,
            "return": return_picking.name,
            "reason": self.reason,
        }
        if self.outcome == "return":
            document = self.sudo()._cs_create_credit_note()
            body = self.env._(
                "Return of %(quantity)s × %(product)s from %(delivery)s: %(return)s; "
                "draft credit note %(document)s of %(invoice)s. Reason: %(reason)s",
                document=document.display_name,
                invoice=self.invoice_id.sudo().name,
                **values,
            )
        else:
            document = self.sudo()._cs_create_replacement()
            body = self.env._(
                "Exchange of %(quantity)s × %(product)s from %(delivery)s: return "
                "%(return)s; replacement order %(document)s. Reason: %(reason)s",
                document=document.display_name,
                **values,
            )
        ticket.sudo().cs_return_outcome = self.outcome
        ticket.message_post(body=body, subtype_xmlid="mail.mt_note")
        if self.repair_id:
            self.repair_id.message_post(body=body, subtype_xmlid="mail.mt_note")
            if self.repair_id.state in ("draft", "confirmed", "under_repair"):
                self.repair_id.action_repair_cancel()
        return {"type": "ir.actions.act_window_close"}

    def _cs_check_return(self):
        """Refuse what cannot be returned; the delivery's moves of the product."""
        self.ensure_one()
        picking = self.picking_id.sudo()
        customer = self.ticket_id.partner_id.commercial_partner_id
        if not customer:
            raise UserError(
                self.env._(
                    "Set the customer of %(ticket)s first.", ticket=self.ticket_id.display_name
                )
            )
        if (
            not picking
            or picking.state != "done"
            or picking.picking_type_code != "outgoing"
            or picking.partner_id.commercial_partner_id != customer
        ):
            raise UserError(
                self.env._(
                    "Choose a delivery done to %(customer)s to return the product from.",
                    customer=customer.display_name,
                )
            )
        moves = picking.move_ids.filtered(
            lambda m: m.state == "done" and m.product_id == self.product_id and not m.scrapped
        )
        if not self.product_id or not moves:
            raise UserError(
                self.env._(
                    "%(delivery)s did not deliver %(product)s.",
                    delivery=picking.name,
                    product=self.product_id.display_name or "-",
                )
            )
        rounding = self.product_id.uom_id.rounding
        returnable = self._cs_returnable(moves)
        if float_compare(self.quantity, 0.0, precision_rounding=rounding) <= 0:
            raise UserError(self.env._("The quantity returned must be positive."))
        if float_compare(self.quantity, returnable, precision_rounding=rounding) > 0:
            raise UserError(
                self.env._(
                    "Only %(quantity)s of %(product)s delivered by %(delivery)s can still be "
                    "returned.",
                    quantity=returnable,
                    product=self.product_id.display_name,
                    delivery=picking.name,
                )
            )
        if self.outcome == "return":
            invoice = self.invoice_id.sudo()
            if (
                invoice.state != "posted"
                or invoice.move_type != "out_invoice"
                or invoice.commercial_partner_id != customer
                or float_compare(
                    self.quantity, self._cs_creditable(invoice), precision_rounding=rounding
                )
                > 0
            ):
                raise UserError(
                    self.env._(
                        "A return is credited on a posted invoice of %(customer)s with at "
                        "least %(quantity)s of %(product)s invoiced and not credited yet.",
                        customer=customer.display_name,
                        quantity=self.quantity,
                        product=self.product_id.display_name,
                    )
                )
        return moves

    def _cs_creditable(self, invoice):
        """What of the product the invoice bills that no credit note (draft or
        posted, whoever made it) has credited yet."""
        credit_notes = invoice.reversal_move_ids.filtered(
            lambda m: m.state != "cancel" and m.move_type == "out_refund"
        )

        def quantity(moves):
            return sum(
                moves.invoice_line_ids.filtered(
                    lambda line: line.product_id == self.product_id
                ).mapped("quantity")
            )

        return quantity(invoice) - quantity(credit_notes)

    @api.model
    def _cs_returnable(self, moves):
        """What of these done moves has not been returned yet (returns not cancelled)."""
        quantity = 0.0
        for move in moves:
            returned = move.returned_move_ids.filtered(lambda m: m.state != "cancel")
            quantity += move.quantity - sum(returned.mapped("product_uom_qty"))
        return float_round(quantity, precision_rounding=moves.product_id.uom_id.rounding)

    def _cs_create_return(self, moves):
        """Odoo's return of the delivery, for the quantity returned (first moves first)."""
        wizard = (
            self.env["stock.return.picking"]
            .with_context(active_model="stock.picking", active_id=self.picking_id.id)
            .create({"picking_id": self.picking_id.id})
        )
        left = self.quantity
        for line in wizard.product_return_moves:
            if line.move_id not in moves or left <= 0:
                line.quantity = 0
                continue
            line.quantity = min(left, self._cs_returnable(line.move_id))
            left -= line.quantity
        return_picking = wizard._create_return()
        return_picking.cs_ticket_id = self.ticket_id
        return return_picking

    def _cs_create_credit_note(self):
        """Odoo's reversal of the invoice, a draft credit note kept to the returned
        product and quantity."""
        reversal = (
            self.env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=self.invoice_id.ids)
            .create({"reason": self.reason, "journal_id": self.invoice_id.journal_id.id})
        )
        reversal.reverse_moves()
        credit_note = reversal.new_move_ids
        product_lines = credit_note.invoice_line_ids.filtered(
            lambda line: line.display_type == "product"
        )
        kept = product_lines.filtered(lambda line: line.product_id == self.product_id)[:1]
        credit_note.write(
            {
                "cs_ticket_id": self.ticket_id.id,
                "invoice_line_ids": [Command.delete(line.id) for line in product_lines - kept]
                + [Command.update(kept.id, {"quantity": self.quantity})],
            }
        )
        return credit_note

    def _cs_create_replacement(self):
        """A free replacement order of the product, confirmed so that it is delivered."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.ticket_id.partner_id.id,
                "company_id": self.picking_id.company_id.id,
                "origin": self.ticket_id.number or self.ticket_id.name,
                "user_id": self.env.user.id,
                "cs_ticket_id": self.ticket_id.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.product_id.id,
                            "product_uom_qty": self.quantity,
                            "price_unit": 0.0,
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        return order
