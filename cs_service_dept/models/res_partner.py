# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # The customer file (客户档案): field names are the contract the other cs_suite
    # addons and integrations use.
    cs_specialist_id = fields.Many2one(
        "res.users",
        string="Service Specialist",
        tracking=True,
        domain=[("share", "=", False)],
        help="The customer service specialist (客服专员) who follows this customer up.",
    )
    cs_assigned_date = fields.Date(string="Assigned On", tracking=True)
    cs_owner = fields.Selection(
        [("sales", "Sales"), ("customer_service", "Customer Service")],
        string="Followed Up By",
        default="sales",
        tracking=True,
        help="Who follows this customer up: the salesperson, or customer service.",
    )
    cs_confidentiality = fields.Selection(
        [
            ("public", "Public"),
            ("internal", "Internal"),
            ("secret", "Secret"),
            ("top_secret", "Top Secret"),
        ],
        string="Confidentiality",
        default="internal",
        required=True,
        tracking=True,
        help="Secret and top secret customers are visible only to their specialist, "
        "supervisors and above.",
    )
