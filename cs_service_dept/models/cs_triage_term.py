# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from .cs_knowledge_text import normalize

TRIAGE_CATEGORIES = [
    ("safety", "Safety"),
    ("escalation", "Press, Regulator or Court"),
    ("churn", "Threat to Leave"),
    ("urgency", "Urgency"),
    ("anger", "Anger"),
    ("repeat", "Repeated Contact"),
    ("calm", "Not Urgent"),
]


class CsTriageTerm(models.Model):
    """A word of the triage lexicon: where it appears in a new ticket, the ticket's
    urgency score gains its weight (each category once, with its strongest word).

    Words are matched on the ticket's text in Simplified Chinese and lower case,
    so a word written in Traditional or Simplified characters finds both.
    """

    _name = "cs.triage.term"
    _description = "Triage Term"
    _order = "category, weight desc, term"

    term = fields.Char(
        string="Words",
        required=True,
        translate=False,
        help="Words customers write (e.g. 冒烟, 12315, 投诉到), in Simplified or "
        "Traditional characters. Ignored after a negation (没有冒烟, 不急).",
    )
    category = fields.Selection(TRIAGE_CATEGORIES, required=True, default="urgency")
    weight = fields.Integer(
        required=True,
        default=20,
        help="Points added to the urgency score. Each category counts once, with its "
        "strongest word found; negative points (Not Urgent) lower the score.",
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("term_uniq", "unique (term)", "This word is already in the triage lexicon."),
    ]

    @api.constrains("term", "weight")
    def _check_term(self):
        for record in self:
            if not normalize(record.term or "").strip():
                raise ValidationError(
                    self.env._("Give the words of the triage term %(term)r.", term=record.term)
                )
            if not -100 <= record.weight <= 100:
                raise ValidationError(
                    self.env._(
                        "The weight of %(term)s must be between -100 and 100.", term=record.term
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self.env.registry.clear_cache()
        return records

    def write(self, vals):
        result = super().write(vals)
        self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result

    @api.model
    @tools.ormcache()
    def _cs_lexicon(self):
        """The active terms as (words in Simplified lower case, category, weight),
        cached per worker until the lexicon changes."""
        return tuple(
            (normalize(term.term).strip(), term.category, term.weight)
            for term in self.sudo().search([])
        )
