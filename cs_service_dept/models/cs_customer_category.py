# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsCustomerCategory(models.Model):
    """Classification of customers (industry, size, value tier).

    A model of its own rather than res.partner.category: the department's
    classification is typed (the assignment prefers specialists by specialty and
    gives high-value customers the more skilled specialists), and the partner tags
    stay free for sales and marketing.
    """

    _name = "cs.customer.category"
    _description = "Customer Category"
    _order = "category_type, sequence, name"

    name = fields.Char(required=True, translate=True)
    category_type = fields.Selection(
        [("industry", "Industry"), ("size", "Size"), ("value_tier", "Value Tier")],
        string="Type",
        required=True,
        default="industry",
    )
    high_value = fields.Boolean(
        help="Customers in this value tier go to the most skilled specialist "
        "among those equally loaded."
    )
    sequence = fields.Integer(default=10)
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "name_type_uniq",
            "unique(name, category_type)",
            "A customer category with this name and type already exists.",
        )
    ]
