# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    cs_warranty_months = fields.Integer(
        string="Warranty (Months)",
        help="How long after the purchase a repair of this product is free (0: no warranty).",
    )
    cs_maintenance_interval_months = fields.Integer(
        string="Maintenance Interval (Months)",
        help="Every how many months the customer is offered a maintenance of this "
        "product (0: no maintenance plan).",
    )

    @api.constrains("cs_warranty_months", "cs_maintenance_interval_months")
    def _check_cs_months(self):
        for template in self:
            if template.cs_warranty_months < 0 or template.cs_maintenance_interval_months < 0:
                raise ValidationError(
                    self.env._(
                        "The warranty and maintenance interval of %(product)s cannot be negative.",
                        product=template.display_name,
                    )
                )
