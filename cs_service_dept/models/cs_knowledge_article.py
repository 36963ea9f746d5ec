# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, is_html_empty

from .cs_knowledge_text import (
    article_tokens,
    bm25_rank,
    in_script_of,
    preload_in_background,
    query_terms,
    tokenize,
)

REVIEW_DAYS = 30


class CsKnowledgeArticle(models.Model):
    _name = "cs.knowledge.article"
    _description = "Knowledge Article"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "use_count desc, name"

    name = fields.Char(string="Question", required=True, tracking=True, translate=False)
    state = fields.Selection(
        selection=[("draft", "Draft"), ("published", "Published")],
        string="Status",
        default="published",
        required=True,
        tracking=True,
        help="Only published articles are suggested on tickets.",
    )
    answer = fields.Html(required=True, sanitize_style=True)
    category_id = fields.Many2one(comodel_name="cs.knowledge.category")
    tag_ids = fields.Many2many(comodel_name="helpdesk.ticket.tag", string="Tags")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Owner",
        default=lambda self: self.env.user,
        domain="[('share', '=', False)]",
        tracking=True,
        help="Keeps the article up to date (monthly review).",
    )
    review_date = fields.Date(
        string="Last Review",
        default=fields.Date.context_today,
        tracking=True,
    )
    use_count = fields.Integer(string="Times Used", readonly=True, copy=False)
    cs_search_tokens = fields.Text(
        string="Search Tokens",
        compute="_compute_cs_search_tokens",
        store=True,
        help="Words of the question, answer and tags (Simplified Chinese, lower case) "
        "by which the article is suggested on tickets.",
    )
    cs_search_length = fields.Integer(
        string="Search Length", compute="_compute_cs_search_tokens", store=True
    )
    ticket_ids = fields.Many2many(
        comodel_name="helpdesk.ticket",
        relation="cs_knowledge_article_helpdesk_ticket_rel",
        column1="article_id",
        column2="ticket_id",
        string="Tickets",
        copy=False,
    )
    company_id = fields.Many2one(comodel_name="res.company", default=lambda self: self.env.company)
    active = fields.Boolean(default=True)

    def init(self):
        # The postings of the stored tokens: (term, article, term frequency), kept
        # in step with cs_search_tokens when it is written (_write_multi), so a
        # suggestion reads only the articles' rows of the ticket's terms.
        self.env.cr.execute(
            "DROP INDEX IF EXISTS cs_knowledge_article_search_tokens_idx;"
            "CREATE TABLE IF NOT EXISTS cs_knowledge_article_term ("
            " term varchar NOT NULL,"
            " article_id integer NOT NULL REFERENCES cs_knowledge_article(id) ON DELETE CASCADE,"
            " tf integer NOT NULL,"
            " PRIMARY KEY (term, article_id))"
        )
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS cs_knowledge_article_term_article_id_idx "
            "ON cs_knowledge_article_term (article_id)"
        )
        self.env.cr.execute(
            "SELECT id FROM cs_knowledge_article a WHERE cs_search_tokens <> '' AND NOT EXISTS "
            "(SELECT 1 FROM cs_knowledge_article_term p WHERE p.article_id = a.id)"
        )
        self.browse([row[0] for row in self.env.cr.fetchall()])._cs_index_terms()

    def _register_hook(self):
        # jieba's dictionary takes about a second to load: load it while the
        # registry starts rather than in the first ticket's suggestion
        super()._register_hook()
        preload_in_background()

    @api.depends("name", "answer", "tag_ids.name")
    def _compute_cs_search_tokens(self):
        tokenizer = self.env["cs.knowledge.synonym"]._cs_tokenizer()
        for article in self:
            tokens = article_tokens(
                tokenizer, article.name, article.answer, article.tag_ids.mapped("name")
            )
            article.cs_search_tokens = " ".join(tokens)
            article.cs_search_length = len(tokens)

    def _create(self, data_list):
        articles = super()._create(data_list)
        articles._cs_index_terms()
        return articles

    def _write_multi(self, vals_list):
        tokens = {
            article.id: vals["cs_search_tokens"]
            for article, vals in zip(self, vals_list, strict=True)
            if "cs_search_tokens" in vals
        }
        if tokens:
            self.browse(tokens)._cs_index_terms(tokens)
        return super()._write_multi(vals_list)

    def _cs_index_terms(self, tokens=None):
        """Rewrite the postings of these articles from their tokens: ``tokens``
        ({id: tokens} about to be written) or the stored ones."""
        if not self.ids:
            return
        if tokens is None:
            source = SQL(
                "SELECT id, cs_search_tokens AS tokens FROM cs_knowledge_article "
                "WHERE id = ANY(%s)",
                self.ids,
            )
        else:
            source = SQL(
                "SELECT * FROM unnest(%s::int[], %s::text[]) AS d(id, tokens)",
                list(tokens),
                [value or "" for value in tokens.values()],
            )
        self.env.cr.execute(
            SQL(
                "DELETE FROM cs_knowledge_article_term WHERE article_id = ANY(%s);"
                "INSERT INTO cs_knowledge_article_term (term, article_id, tf) "
                "SELECT t.term, d.id, COUNT(*) FROM (%s) d "
                "CROSS JOIN LATERAL unnest(string_to_array(d.tokens, ' ')) t(term) "
                "WHERE t.term <> '' GROUP BY d.id, t.term",
                self.ids,
                source,
            )
        )

    @api.model_create_multi
    def create(self, vals_list):
        articles = super().create(vals_list)
        articles._cs_check_tag_words()
        return articles

    def write(self, vals):
        result = super().write(vals)
        if "tag_ids" in vals:
            self._cs_check_tag_words()
        return result

    def _cs_check_tag_words(self):
        """A tag new to the dictionary: rebuild the tokenizers and re-tokenize."""
        Synonym = self.env["cs.knowledge.synonym"]
        words = set(Synonym._cs_vocabulary()[0])
        if any(name.lower() not in words for name in self.tag_ids.mapped("name")):
            self.env.registry.clear_cache()
            self._cs_recompute_search_tokens(self)

    @api.model
    def _cs_recompute_search_tokens(self, articles):
        """Tokenize ``articles`` again at the next flush (once, however many
        synonyms a data file or an import creates one after the other)."""
        for fname in ("cs_search_tokens", "cs_search_length"):
            self.env.add_to_compute(self._fields[fname], articles)

    @api.model
    def _cs_suggest(self, text, limit=5, is_html=False):
        """Articles answering ``text`` best first, as [(article, matched terms)].

        ``text`` is cut into tokens, widened by the synonyms, and the articles
        holding any of them are read in one query (their postings: term and
        frequency, with the number and mean length of the articles), then
        ranked by BM25 in Python. Record rules apply.
        """
        Synonym = self.env["cs.knowledge.synonym"]
        __, synonyms = Synonym._cs_vocabulary()
        tokens = tokenize(Synonym._cs_tokenizer(), text, is_html=is_html)
        if not tokens:
            return []
        terms = query_terms(tokens, synonyms)
        self.flush_model(["cs_search_tokens", "cs_search_length", "active", "company_id", "state"])
        table = self._table
        published = [("state", "=", "published")]
        stats = self._search(published).select(
            SQL("COUNT(*)"), SQL("COALESCE(AVG(%s), 0)", SQL.identifier(table, "cs_search_length"))
        )
        query = self._search(published)
        query.add_join(
            "JOIN",
            "cs_term",
            "cs_knowledge_article_term",
            SQL(
                "cs_term.article_id = %s AND cs_term.term = ANY(%s::varchar[])",
                SQL.identifier(table, "id"),
                list(terms),
            ),
        )
        self.env.cr.execute(
            SQL(
                "WITH stats AS MATERIALIZED (%s) SELECT stats.*, c.* FROM stats "
                "LEFT JOIN (%s) c ON TRUE",
                stats,
                query.select(
                    SQL.identifier(table, "id"),
                    SQL.identifier(table, "cs_search_length"),
                    SQL.identifier("cs_term", "term"),
                    SQL.identifier("cs_term", "tf"),
                ),
            )
        )
        rows = self.env.cr.fetchall()
        if not rows or not rows[0][0]:
            return []
        total, avg_length = rows[0][0], float(rows[0][1])
        candidates = {}
        for __, __, article_id, length, term, tf in rows:
            if article_id:
                candidates.setdefault(article_id, (length, {}))[1][term] = tf
        ranked = bm25_rank(terms, candidates, total, avg_length, limit)
        return [(self.browse(article_id), matched) for article_id, __, matched in ranked]

    def _cs_answer_in(self, lang):
        """(question, answer) in the Chinese script of ``lang`` (articles are written once)."""
        self.ensure_one()
        return in_script_of(self.name, lang), Markup(in_script_of(str(self.answer or ""), lang))

    @api.model
    def _cs_create_from_ticket(self, ticket):
        """A draft article from an answered ticket: its subject, description and
        last public reply, linked to the ticket (the knowledge base grows from cases)."""
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(self.env._("Only customer service writes knowledge articles."))
        ticket.check_access("read")
        reply = ticket.message_ids.filtered(
            lambda m: (
                m.message_type in ("comment", "email")
                and m.subtype_id == self.env.ref("mail.mt_comment")
                and m.author_id != ticket.partner_id
                and not is_html_empty(m.body)
            )
        )[:1]
        answer = Markup()
        if not is_html_empty(ticket.description):
            answer += Markup("<blockquote>%s</blockquote>") % ticket.description
        answer += reply.body or Markup("<p></p>")
        article = self.create(
            {
                "name": ticket.name,
                "answer": answer,
                "state": "draft",
                "tag_ids": [(6, 0, ticket.tag_ids.ids)],
                "company_id": ticket.company_id.id or self.env.company.id,
                "ticket_ids": [(4, ticket.id)],
            }
        )
        article.message_post(
            body=self.env._("Drafted from the ticket %(ticket)s.", ticket=ticket.display_name),
            subtype_xmlid="mail.mt_note",
        )
        return article

    def action_publish(self):
        self.write({"state": "published"})

    def action_mark_reviewed(self):
        self.write({"review_date": fields.Date.context_today(self)})
        activity_type = self.env.ref("cs_service_dept.mail_activity_type_article_review")
        activities = self.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        if activities:
            activities.action_feedback(feedback=self.env._("Article reviewed."))

    def action_answer_ticket(self):
        """Button on the ticket's suggestions: answer the ticket with this article."""
        self.ensure_one()
        ticket = self.env["helpdesk.ticket"].browse(self.env.context.get("cs_ticket_id"))
        ticket.ensure_one()
        return ticket.action_cs_answer_with_article(self)

    @api.model
    def _cron_review_reminder(self):
        """Articles not reviewed for 30 days get a review activity for their owner.

        Idempotent: an article that already has the activity is skipped.
        """
        activity_type = self.env.ref("cs_service_dept.mail_activity_type_article_review")
        limit_date = fields.Date.context_today(self) - timedelta(days=REVIEW_DAYS)
        articles = self.search(
            [
                "|",
                ("review_date", "=", False),
                ("review_date", "<", limit_date),
                ("user_id", "!=", False),
            ]
        )
        pending = set(
            self.env["mail.activity"]
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", articles.ids),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )
            .mapped("res_id")
        )
        todo = articles.filtered(lambda a: a.id not in pending)
        model_id = self.env["ir.model"]._get_id(self._name)
        # The summary is stored text: in the language of who reads it.
        summaries = {
            lang: self.with_context(lang=lang).env._("Monthly review of the article")
            for lang in set(todo.user_id.mapped("lang"))
        }
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": article.id,
                    "activity_type_id": activity_type.id,
                    "summary": summaries[article.user_id.lang],
                    "user_id": article.user_id.id,
                    "date_deadline": fields.Date.context_today(self),
                }
                for article in todo
            ]
        )
        self.env["ir.cron"]._notify_progress(done=len(todo), remaining=0)
        return todo
