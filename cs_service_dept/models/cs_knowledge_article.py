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
        # the candidates of a suggestion: articles sharing a token with the ticket
        self.env.cr.execute(
            "CREATE INDEX IF NOT EXISTS cs_knowledge_article_search_tokens_idx "
            "ON cs_knowledge_article USING gin (string_to_array(cs_search_tokens, ' '))"
        )

    @api.depends("name", "answer", "tag_ids.name")
    def _compute_cs_search_tokens(self):
        tokenizer = self.env["cs.knowledge.synonym"]._cs_tokenizer()
        for article in self:
            tokens = article_tokens(
                tokenizer, article.name, article.answer, article.tag_ids.mapped("name")
            )
            article.cs_search_tokens = " ".join(tokens)
            article.cs_search_length = len(tokens)

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
        fields_to_compute = [self._fields["cs_search_tokens"], self._fields["cs_search_length"]]
        for field in fields_to_compute:
            self.env.add_to_compute(field, articles)
        articles.flush_recordset(["cs_search_tokens", "cs_search_length"])

    @api.model
    def _cs_suggest(self, text, limit=5, is_html=False):
        """Articles answering ``text`` best first, as [(article, matched terms)].

        ``text`` is cut into tokens, widened by the synonyms, and the articles
        holding any of them are read in one query (GIN index on the stored
        tokens; the number and mean length of the articles in the same query),
        then ranked by BM25 in Python. Record rules apply.
        """
        Synonym = self.env["cs.knowledge.synonym"]
        __, synonyms = Synonym._cs_vocabulary()
        tokens = tokenize(Synonym._cs_tokenizer(), text, is_html=is_html)
        if not tokens:
            return []
        terms = query_terms(tokens, synonyms)
        term_list = list(terms)
        self.flush_model(["cs_search_tokens", "cs_search_length", "active", "company_id", "state"])
        table = self._table
        published = [("state", "=", "published")]
        stats = self._search(published).select(
            SQL("COUNT(*)"), SQL("COALESCE(AVG(%s), 0)", SQL.identifier(table, "cs_search_length"))
        )
        query = self._search(published)
        tokens_sql = SQL("string_to_array(%s, ' ')", SQL.identifier(table, "cs_search_tokens"))
        query.add_where(SQL("%s && %s::text[]", tokens_sql, term_list))
        self.env.cr.execute(
            SQL(
                "WITH stats AS MATERIALIZED (%s) SELECT stats.*, c.* FROM stats "
                "LEFT JOIN (%s) c ON TRUE",
                stats,
                query.select(
                    SQL.identifier(table, "id"),
                    SQL.identifier(table, "cs_search_length"),
                    SQL(
                        "ARRAY(SELECT t FROM unnest(%s) t WHERE t = ANY(%s::text[]))",
                        tokens_sql,
                        term_list,
                    ),
                ),
            )
        )
        rows = self.env.cr.fetchall()
        if not rows or not rows[0][0]:
            return []
        total, avg_length = rows[0][0], float(rows[0][1])
        candidates = [row[2:] for row in rows if row[2]]
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
