# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cs_survey_opt_out = fields.Boolean(
        string="No Satisfaction Surveys",
        tracking=True,
        help="The customer asked not to receive satisfaction surveys: their services "
        "are revisited by phone instead.",
    )
    cs_revisit_ids = fields.One2many("cs.revisit", "partner_id", string="Revisits")
