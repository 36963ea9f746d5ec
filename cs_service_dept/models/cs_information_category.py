# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

INFO_TYPES = [
    ("market", "Market News"),
    ("need", "Customer Need"),
    ("contact", "Contact Change"),
    ("complaint", "Complaint Heard"),
    ("other", "Other"),
]


class CsInformationCategory(models.Model):
    """A class of customer information (客户信息分类法): by type, region and
    period of validity. The supervisor assigns a responsible specialist to
    each class (分派专人管理各类资料); new records of the class go to them."""

    _name = "cs.information.category"
    _description = "Customer Information Category"
    _order = "sequence, name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    info_type = fields.Selection(
        INFO_TYPES,
        string="Information Type",
        required=True,
        default="other",
        help="Also gives the prefix of the records' numbers.",
    )
    region = fields.Char(help="Region the class covers; empty for every region.")
    validity = fields.Selection(
        [
            ("short", "Short Term"),
            ("season", "Seasonal"),
            ("long", "Long Term"),
        ],
        default="long",
        help="How long the information of this class stays useful (time classification).",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Specialist",
        domain=[("share", "=", False)],
        help="New records of this category are assigned to this specialist.",
    )
    description = fields.Text()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "An information category with this name already exists.",
        )
    ]
