# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

from .cs_knowledge_text import get_tokenizer, normalize, split_words


class CsKnowledgeSynonym(models.Model):
    _name = "cs.knowledge.synonym"
    _description = "Knowledge Base Synonyms"
    _order = "name"

    name = fields.Char(
        string="Words",
        required=True,
        help="Words the customers use for the same thing, separated by commas "
        "(e.g. 发票, 开票, invoice). A ticket using one of them also finds the "
        "articles written with the others.",
    )
    active = fields.Boolean(default=True)

    @api.constrains("name")
    def _check_name(self):
        for synonym in self:
            if len(split_words(synonym.name)) < 2:
                msg = self.env._(
                    "Give at least two words separated by commas: %(words)s",
                    words=synonym.name,
                )
                raise ValidationError(msg)

    @api.model_create_multi
    def create(self, vals_list):
        synonyms = super().create(vals_list)
        self._cs_dictionary_changed()
        return synonyms

    def write(self, vals):
        result = super().write(vals)
        if {"name", "active"} & set(vals):
            self._cs_dictionary_changed()
        return result

    def unlink(self):
        result = super().unlink()
        self._cs_dictionary_changed()
        return result

    def _cs_dictionary_changed(self):
        """New words: every worker rebuilds its tokenizer, the articles are re-tokenized."""
        self.env.registry.clear_cache()
        articles = self.env["cs.knowledge.article"].sudo().with_context(active_test=False)
        articles._cs_recompute_search_tokens(articles.search([]))

    @api.model
    @tools.ormcache()
    def _cs_vocabulary(self):
        """(dictionary words, {word: synonyms}) of the database, cached per worker.

        The dictionary holds the synonyms' words and the tags' names, in
        Simplified lower case as the texts they are compared with.
        """
        synonyms = {}
        words = set()
        for line in self.sudo().search([]).mapped("name"):
            group = [normalize(word) for word in split_words(line)]
            words.update(group)
            for word in group:
                synonyms.setdefault(word, set()).update(w for w in group if w != word)
        tags = self.env["helpdesk.ticket.tag"].sudo().with_context(active_test=False)
        for name in tags.search([]).mapped("name"):
            words.update(normalize(word) for word in split_words(name))
        # multi-word entries (e.g. "paper jam") cannot be one jieba token
        words = tuple(sorted(word for word in words if " " not in word))
        return words, {word: tuple(sorted(group)) for word, group in synonyms.items()}

    @api.model
    def _cs_tokenizer(self):
        """The jieba tokenizer of this database with its dictionary words."""
        words, __ = self._cs_vocabulary()
        return get_tokenizer(self.env.cr.dbname, words)
