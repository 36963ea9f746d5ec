# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsRepairFee(models.Model):
    """One line of the fee schedule (维修及养护费用标准): the service product charged
    for a repair or a maintenance of a product category, for a fault type."""

    _name = "cs.repair.fee"
    _description = "Repair Fee Schedule"
    _order = "repair_kind, categ_id, fault_type_id, sequence, id"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    repair_kind = fields.Selection(
        [("repair", "Repair"), ("maintenance", "Maintenance")],
        string="Service Kind",
        required=True,
        default="repair",
    )
    categ_id = fields.Many2one(
        "product.category",
        string="Product Category",
        help="Products of this category and its sub-categories (empty: every product).",
    )
    fault_type_id = fields.Many2one(
        "cs.repair.fault.type", help="Empty: every fault of this kind of service."
    )
    product_id = fields.Many2one(
        "product.product",
        string="Service",
        required=True,
        domain=[("type", "=", "service")],
        help="The service product the customer is charged.",
    )
    price = fields.Monetary(required=True, help="Price charged out of warranty.")
    currency_id = fields.Many2one(related="company_id.currency_id")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.constrains("price", "product_id")
    def _check_price_product(self):
        for fee in self:
            if fee.price < 0:
                raise ValidationError(
                    self.env._(
                        "The fee %(fee)s cannot be negative.", fee=fee.product_id.display_name
                    )
                )
            fee.product_id._cs_check_fee_product()

    @api.depends("product_id", "categ_id", "fault_type_id")
    def _compute_display_name(self):
        for fee in self:
            parts = [fee.product_id.display_name, fee.categ_id.display_name]
            parts.append(fee.fault_type_id.display_name)
            fee.display_name = " / ".join(part for part in parts if part)
