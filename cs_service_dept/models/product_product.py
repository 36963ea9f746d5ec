# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import ValidationError


class ProductProduct(models.Model):
    _inherit = "product.product"

    def _cs_check_fee_product(self):
        """A repair fee is a service that does not open another repair when its
        quotation is confirmed (repair's ``create_repair``)."""
        for product in self.sudo():
            if product.type != "service" or product.create_repair:
                raise ValidationError(
                    self.env._(
                        "%(product)s cannot be a repair fee: use a service product that "
                        "does not create a repair.",
                        product=product.display_name,
                    )
                )
