# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsRepairFeeLine(models.Model):
    """A fee of a repair out of warranty (labour, call-out...): repair quotations
    carry only parts, the fees go with them when the quotation is made."""

    _name = "cs.repair.fee.line"
    _description = "Repair Fee"
    _order = "repair_id, sequence, id"

    repair_id = fields.Many2one(
        "repair.order", required=True, index=True, ondelete="cascade", check_company=True
    )
    sequence = fields.Integer(default=10)
    fee_id = fields.Many2one(
        "cs.repair.fee",
        string="From Fee Schedule",
        readonly=True,
        ondelete="set null",
        help="Set when the line comes from the fee schedule (replaced when the "
        "product or the fault changes).",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Service",
        required=True,
        domain=[("type", "=", "service")],
        check_company=True,
    )
    name = fields.Char(string="Description")
    quantity = fields.Float(default=1.0, digits="Product Unit of Measure")
    price_unit = fields.Monetary(string="Unit Price")
    price_subtotal = fields.Monetary(
        string="Subtotal", compute="_compute_price_subtotal", store=True
    )
    currency_id = fields.Many2one(related="repair_id.company_id.currency_id")
    company_id = fields.Many2one(related="repair_id.company_id", store=True)

    @api.depends("quantity", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.quantity * line.price_unit

    @api.constrains("price_unit", "quantity", "product_id")
    def _check_amounts(self):
        for line in self:
            if line.price_unit < 0:
                raise ValidationError(
                    self.env._(
                        "The fee %(fee)s of %(repair)s cannot be negative.",
                        fee=line.product_id.display_name,
                        repair=line.repair_id.display_name,
                    )
                )
            if line.quantity <= 0:
                raise ValidationError(
                    self.env._(
                        "The quantity of the fee %(fee)s must be positive.",
                        fee=line.product_id.display_name,
                    )
                )
            line.product_id._cs_check_fee_product()

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name
            self.price_unit = self.product_id.lst_price

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if not self.env.su:
            lines.repair_id._cs_check_fees_editable()
        return lines

    def write(self, vals):
        if not self.env.su:
            self.repair_id._cs_check_fees_editable()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self.repair_id._cs_check_fees_editable()
        return super().unlink()
