# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsCreditCompetitorTerm(models.Model):
    _name = "cs.credit.competitor.term"
    _description = "Credit Terms Granted by a Competitor"
    _order = "file_id, id"

    file_id = fields.Many2one("cs.credit.file", required=True, ondelete="cascade", index=True)
    competitor = fields.Char(required=True)
    credit_days = fields.Integer()
    credit_limit = fields.Monetary()
    currency_id = fields.Many2one(related="file_id.currency_id")
    notes = fields.Char()

    _sql_constraints = [
        (
            "credit_days_positive",
            "CHECK(credit_days >= 0 AND credit_limit >= 0)",
            "Competitors' credit days and limits cannot be negative.",
        ),
    ]
