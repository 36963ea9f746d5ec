# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.osv import expression

from .cs_text import cs_tokenize

REVIEW_DAYS = 30
# Tokens used to fetch candidate articles in one search.
CANDIDATE_TOKENS = 12
CANDIDATE_LIMIT = 50


class CsKnowledgeArticle(models.Model):
    _name = "cs.knowledge.article"
    _description = "Knowledge Article"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "use_count desc, name"

    name = fields.Char(string="Question", required=True, tracking=True, translate=False)
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
    keywords = fields.Char(
        compute="_compute_keywords",
        store=True,
        help="Words and Chinese character pairs of the question and tags, "
        "used to suggest the article on tickets.",
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

    @api.depends("name", "tag_ids.name")
    def _compute_keywords(self):
        for article in self:
            tokens = cs_tokenize(article.name)
            for tag in article.tag_ids:
                tokens |= cs_tokenize(tag.name)
            article.keywords = " ".join(sorted(tokens))

    @api.model
    def _cs_suggest(self, tokens, limit=5):
        """Articles sharing the most tokens with ``tokens``, best first.

        One search fetches candidates (ILIKE on the longest tokens), then the
        candidates are scored in Python by the number of shared tokens.
        """
        if not tokens:
            return self.browse()
        probe = sorted(tokens, key=lambda t: (-len(t), t))[:CANDIDATE_TOKENS]
        domain = expression.OR([[("keywords", "ilike", token)] for token in probe])
        candidates = self.search(domain, limit=CANDIDATE_LIMIT)
        scored = []
        for article in candidates:
            score = len(tokens & set((article.keywords or "").split()))
            if score:
                scored.append((-score, -article.use_count, article.id))
        return self.browse([article_id for __, __, article_id in sorted(scored)[:limit]])

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
