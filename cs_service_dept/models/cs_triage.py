# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Triage of a new ticket on arrival: urgency and mood read from its text, the
customer's repeated contacts, and the open ticket it likely repeats. When the
customer writes again on an open ticket, it is triaged again with what they
wrote.

The text is read the way the knowledge base reads it (``cs_knowledge_text``):
HTML reduced to text, Traditional converted to Simplified, lower case; the
department's lexicon (``cs.triage.term``) is matched on it, a word right after
a negation (没有冒烟, 不急) not counting. Each category counts once, with its
strongest word, so an angry mail full of insults weighs what one insult does,
and anger alone stays below the threshold while anger with a threat reaches it.
Duplicates are compared on the sets of jieba tokens of the knowledge base.

A lexicon and rules rather than a trained model: every point of the score
names the word or rule that gave it, the department edits them without a
developer, and nothing is downloaded or trained.
"""

import re
from collections import defaultdict
from datetime import datetime, timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .cs_knowledge_text import MAX_ARTICLE_CHARS, normalize, tokenize

# A word preceded (in its clause, within NEGATION_WINDOW characters) by a
# negation does not count: 没有冒烟, 不是很急. Questions and "keeps on" are
# no negation: 会不会漏电, 有没有漏电, 不停冒烟.
NEGATIONS = ("没有", "没", "不", "无", "未", "别", "防止", "避免", "no ", "not ")
NOT_NEGATIONS = ("会不会", "是不是", "有没有", "不会", "不停", "不断", "不住", "不了", "不能")
NEGATION_WINDOW = 4
_CLAUSE_END = re.compile(r"[，。！？!?,.;；:：\n]")
_LATIN = re.compile(r"[a-z0-9]")
# Earlier tickets of the customer counted by the repeated-contact rule, at most.
REPEAT_CAP = 3
# A new ticket is compared with the customer's open tickets of these last days.
DUPLICATE_DAYS = 7
# Share of common tokens (Jaccard) from which a ticket likely repeats another,
# and the fewest tokens they must share.
DUPLICATE_SIMILARITY = 0.5
DUPLICATE_MIN_SHARED = 2
TRIAGE_BATCH = 200
# The triage cron's trigger is due this long after a ticket arrives (in whole
# seconds, as datetimes are stored); the tickets arriving while a committed
# trigger is still TRIGGER_SHARED or more ahead share it.
TRIGGER_DELAY = timedelta(seconds=2)
TRIGGER_SHARED = timedelta(seconds=0.5)
# {database: when the latest trigger this worker committed is due}
_COMMITTED_TRIGGERS = {}
# Messages that are the customer writing (the portal's chatter, a mail), not
# a note (an auto-reply the gateway logs) or a system notification.
CUSTOMER_MESSAGE_TYPES = ("comment", "email")
# Result fields only the triage (superuser) writes: no client sets them.
TRIAGE_FIELDS = (
    "cs_triage_pending",
    "cs_triage_score",
    "cs_triage_level",
    "cs_triage_matches",
    "cs_triage_priority_raised",
    "cs_likely_duplicate_id",
    "cs_duplicate_similarity",
)
SETTINGS = {
    "threshold": ("cs_service_dept.triage_threshold", 50),
    "repeat_days": ("cs_service_dept.triage_repeat_days", 7),
    "repeat_weight": ("cs_service_dept.triage_repeat_weight", 15),
}


def _negated(text, start):
    before = _CLAUSE_END.split(text[max(0, start - NEGATION_WINDOW) : start])[-1]
    for phrase in NOT_NEGATIONS:
        before = before.replace(phrase, " ")
    return any(negation in before for negation in NEGATIONS)


def _occurrences(text, word):
    if _LATIN.search(word):
        pattern = r"(?<![a-z0-9])" + re.escape(word) + r"(?![a-z0-9])"
        return (match.start() for match in re.finditer(pattern, text))
    return (match.start() for match in re.finditer(re.escape(word), text))


def match_lexicon(text, lexicon):
    """The lexicon's words found in ``text`` (normalized) and not negated, as
    [(category, word, weight)]."""
    return [
        (category, word, weight)
        for word, category, weight in lexicon
        if word and any(not _negated(text, start) for start in _occurrences(text, word))
    ]


def triage_score(matches, repeat_count=0, repeat_weight=0):
    """(score, reasons) of the words matched and the earlier contacts: each
    category counts once with its strongest word (the largest weight, the most
    negative for Not Urgent); reasons are dicts ({category, word, weight} or
    {rule, count, weight})."""
    best = {}
    for category, word, weight in matches:
        held = best.get(category)
        if held is None or abs(weight) > abs(held[1]):
            best[category] = (word, weight)
    reasons = [
        {"category": category, "word": word, "weight": weight}
        for category, (word, weight) in sorted(best.items(), key=lambda item: -item[1][1])
    ]
    count = min(repeat_count, REPEAT_CAP)
    if count and repeat_weight:
        reasons.append({"rule": "repeat", "count": repeat_count, "weight": count * repeat_weight})
    return sum(reason["weight"] for reason in reasons), reasons


def similarity(tokens, other_tokens):
    """Jaccard similarity of two token sets; 0 when they share too few tokens."""
    shared = len(tokens & other_tokens)
    if shared < DUPLICATE_MIN_SHARED:
        return 0.0
    return shared / len(tokens | other_tokens)


class CsTriageMixin(models.AbstractModel):
    """Triage on arrival (see the module's docstring): a ticket is created with a
    pending flag and the triage cron triggered; the cron reads the pending
    tickets in batches, scores them, raises the priority of urgent ones one
    level (once), gives their supervisor an activity, and flags likely
    duplicates. A message of the customer on an open ticket flags it pending
    again."""

    _name = "cs.triage.mixin"
    _description = "Ticket Triage"
    _inherit = ["mail.thread"]

    cs_triage_pending = fields.Boolean(
        string="Triage Pending", copy=False, readonly=True, index=True
    )
    # The fields restricted to specialists are in a prefetch group of their own:
    # in the default one, every read of a ticket would check their group.
    cs_triage_score = fields.Integer(
        string="Urgency Score",
        copy=False,
        readonly=True,
        groups="cs_service_dept.group_cs_specialist",
        prefetch="cs_triage",
        help="Points of the triage lexicon's words found in the text and of the "
        "customer's repeated contacts.",
    )
    cs_triage_level = fields.Selection(
        [("normal", "Normal"), ("high", "High")],
        string="Urgency",
        copy=False,
        readonly=True,
        groups="cs_service_dept.group_cs_specialist",
        prefetch="cs_triage",
        help="High from the threshold set in the settings: the priority was raised "
        "one level and the supervisor notified.",
    )
    cs_triage_matches = fields.Json(
        string="Triage Matches",
        copy=False,
        readonly=True,
        groups="cs_service_dept.group_cs_specialist",
        prefetch="cs_triage",
    )
    cs_triage_reasons = fields.Html(
        string="Why This Urgency",
        compute="_compute_cs_triage_reasons",
        sanitize=False,
        groups="cs_service_dept.group_cs_specialist",
        prefetch="cs_triage",
    )
    cs_triage_priority_raised = fields.Boolean(
        string="Priority Raised by Triage", copy=False, readonly=True
    )
    cs_likely_duplicate_id = fields.Many2one(
        comodel_name="helpdesk.ticket",
        string="Likely Duplicate of",
        copy=False,
        readonly=True,
        index="btree_not_null",
        groups="cs_service_dept.group_cs_specialist",
        prefetch="cs_triage",
        help="An open ticket of the same customer from the last days with nearly the same words.",
    )
    cs_duplicate_similarity = fields.Float(
        string="Similarity (%)",
        copy=False,
        readonly=True,
        digits=(5, 1),
        groups="cs_service_dept.group_cs_specialist",
        prefetch="cs_triage",
    )

    @api.depends("cs_triage_matches")
    @api.depends_context("lang")
    def _compute_cs_triage_reasons(self):
        labels = dict(
            self.env["cs.triage.term"]._fields["category"]._description_selection(self.env)
        )
        for ticket in self:
            items = []
            for reason in ticket.sudo().cs_triage_matches or []:
                if reason.get("rule") == "repeat":
                    label = self.env._(
                        "Repeated contact: %(count)s earlier tickets", count=reason["count"]
                    )
                else:
                    label = Markup("%s: <b>%s</b>") % (
                        labels.get(reason["category"], reason["category"]),
                        reason["word"],
                    )
                items.append(Markup("<li>%s (%+d)</li>") % (label, reason["weight"]))
            ticket.cs_triage_reasons = items and Markup("<ul>%s</ul>") % Markup("").join(items)

    # ---------------------------------------------------------------- CRUD

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_check_triage_fields(
            set().union(*vals_list) | {key[8:] for key in self.env.context if key[:8] == "default_"}
        )
        for vals in vals_list:
            vals["cs_triage_pending"] = True
        records = super().create(vals_list)
        self._cs_triage_trigger()
        return records

    def write(self, vals):
        self._cs_check_triage_fields(vals)
        return super().write(vals)

    def _cs_check_triage_fields(self, fnames):
        """The triage's results are the triage's: no client writes them."""
        if not self.env.su and set(fnames) & set(TRIAGE_FIELDS):
            raise AccessError(
                self.env._("The triage results of tickets are computed, not written.")
            )

    # ---------------------------------------------------------------- mail

    def _message_post_after_hook(self, message, msg_vals):
        """The customer writes again on an open ticket (portal, mail): it is
        triaged again, their message's text included. The priority is still
        raised once at most."""
        result = super()._message_post_after_hook(message, msg_vals)
        if (
            message.message_type in CUSTOMER_MESSAGE_TYPES
            and message.subtype_id
            and not message.subtype_id.internal
            and message.author_id
            and message.author_id == self.partner_id
            and not self.cs_triage_pending
            and not self.closed
        ):
            self.sudo().cs_triage_pending = True
            self._cs_triage_trigger()
        return result

    # ------------------------------------------------------------- actions

    def action_cs_retriage(self):
        """A supervisor has the ticket triaged again (e.g. after changing the lexicon).
        The priority is never raised twice."""
        if not self.env.user.has_group("cs_service_dept.group_cs_supervisor"):
            raise AccessError(self.env._("Only a supervisor has tickets triaged again."))
        self.check_access("write")
        self.sudo().write({"cs_triage_pending": True})
        self._cs_triage_trigger()

    def action_cs_dismiss_duplicate(self):
        """Not a duplicate: the flag goes, with a note saying who decided it."""
        self.check_access("write")
        for ticket in self:
            original = ticket.sudo().cs_likely_duplicate_id
            if original:
                ticket.sudo().write({"cs_likely_duplicate_id": False, "cs_duplicate_similarity": 0})
                ticket.message_post(
                    body=self.env._("Not a duplicate of %(ticket)s.", ticket=original.display_name),
                    subtype_xmlid="mail.mt_note",
                )

    def action_cs_merge_duplicate(self):
        """Open OCA's merge wizard with this ticket and its likely original,
        merging into the original."""
        self.ensure_one()
        self.check_access("write")
        original = self.sudo().cs_likely_duplicate_id
        if not original:
            raise UserError(
                self.env._("%(ticket)s is not flagged as a duplicate.", ticket=self.display_name)
            )
        tickets = original.with_env(self.env) | self
        tickets.check_access("write")
        # OCA's wizard is for helpdesk users of all tickets: the supervisors
        self.env["helpdesk.ticket.merge"].check_access("create")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "helpdesk_mgmt_merge.action_helpdesk_ticket_merge"
        )
        action["context"] = {
            "active_model": self._name,
            "active_ids": tickets.ids,
            "active_id": original.id,
        }
        return action

    # ------------------------------------------------------------ business

    @api.model
    def _cs_triage_trigger(self):
        """Have the triage cron run at the cron worker's next poll (within a
        minute) after the transaction is committed: a trigger seconds ahead
        is not notified to the worker, so tickets arriving together are
        triaged by one run instead of each waking the worker while the next
        customers are being served.

        Tickets arriving together also share the trigger: while a trigger
        this worker committed is still TRIGGER_SHARED or more ahead, the
        current transaction commits before it is due, and the run it causes
        triages this ticket too; no trigger is inserted. Otherwise one is (the
        cron's id is cached; ``env.ref`` would check that it exists, one query
        more). The cron's hourly run is the safety net."""
        dbname = self.env.cr.dbname
        committed = _COMMITTED_TRIGGERS.get(dbname)
        if committed and TRIGGER_SHARED <= committed - datetime.now() <= TRIGGER_DELAY:
            return
        call_at = fields.Datetime.now() + TRIGGER_DELAY
        cron_id = self.env["ir.model.data"]._xmlid_to_res_id("cs_service_dept.ir_cron_cs_triage")
        # what ir.cron._trigger does for a moment in the future, without reading
        # the cron's active flag (a trigger ahead is kept whatever it says)
        self.env["ir.cron.trigger"].sudo().create({"cron_id": cron_id, "call_at": call_at})

        @self.env.cr.postcommit.add
        def remember():
            _COMMITTED_TRIGGERS[dbname] = max(_COMMITTED_TRIGGERS.get(dbname, call_at), call_at)

    def _cs_triage_text(self, messages=()):
        """The text the lexicon is matched on: the ticket's title and description,
        then ``messages`` (what the customer wrote on it, newest first) as far as
        MAX_ARTICLE_CHARS more characters go."""
        self.ensure_one()
        texts = [
            normalize(
                Markup("<p>%s</p>%s") % (self.name or "", self.description or ""),
                is_html=True,
                max_chars=MAX_ARTICLE_CHARS,
            )
        ]
        budget = MAX_ARTICLE_CHARS
        for body in messages:
            if budget <= 0:
                break
            texts.append(normalize(body, is_html=True, max_chars=budget))
            budget -= len(texts[-1])
        return "\n".join(texts)

    def _cs_triage_customer_messages(self):
        """{ticket id: bodies of the messages its customer wrote on it, newest
        first}, read in one query for the batch."""
        messages = (
            self.env["mail.message"]
            .sudo()
            .search_fetch(
                [
                    ("model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("message_type", "in", CUSTOMER_MESSAGE_TYPES),
                    ("subtype_id.internal", "=", False),
                    ("author_id", "in", self.partner_id.ids),
                ],
                ["res_id", "author_id", "body"],
                order="id desc",
            )
        )
        customers = {ticket.id: ticket.partner_id for ticket in self}
        bodies = defaultdict(list)
        for message in messages:
            if message.author_id == customers[message.res_id]:
                bodies[message.res_id].append(message.body)
        return bodies

    @api.model
    def _cs_triage_settings(self):
        params = self.env["ir.config_parameter"].sudo()
        values = {}
        for name, (key, default) in SETTINGS.items():
            try:
                values[name] = int(params.get_param(key, default))
            except ValueError:
                values[name] = default
        return values

    def _cs_triage(self):
        """Triage these tickets (superuser): scores, levels, priorities, duplicates,
        the supervisors' activities. Reads are set-based: the lexicon (cached),
        one read of the customers' recent tickets, one of the tickets' texts,
        one of their customers' messages."""
        settings = self._cs_triage_settings()
        customer_messages = self._cs_triage_customer_messages()
        lexicon = self.env["cs.triage.term"]._cs_lexicon()
        recent = self._cs_triage_recent(max(settings["repeat_days"], DUPLICATE_DAYS))
        tokenizer = self.env["cs.knowledge.synonym"]._cs_tokenizer()
        token_cache = {}

        def tokens_of(ticket):
            if ticket.id not in token_cache:
                token_cache[ticket.id] = set(
                    tokenize(
                        tokenizer,
                        Markup("<p>%s</p>%s") % (ticket.name or "", ticket.description or ""),
                        is_html=True,
                    )
                )
            return token_cache[ticket.id]

        urgent = self.browse()
        for ticket in self:
            earlier = [
                other
                for other in recent.get(ticket.commercial_partner_id.id, ())
                if other.id < ticket.id and other.create_date <= ticket.create_date
            ]
            since = ticket.create_date - timedelta(days=settings["repeat_days"])
            repeats = sum(1 for other in earlier if other.create_date >= since)
            score, reasons = triage_score(
                match_lexicon(ticket._cs_triage_text(customer_messages[ticket.id]), lexicon),
                repeat_count=repeats,
                repeat_weight=settings["repeat_weight"],
            )
            level = "high" if score >= settings["threshold"] else "normal"
            values = {
                "cs_triage_pending": False,
                "cs_triage_score": score,
                "cs_triage_level": level,
                "cs_triage_matches": reasons,
            }
            duplicate, ratio = self._cs_triage_duplicate(ticket, earlier, tokens_of)
            if duplicate and duplicate != ticket.cs_likely_duplicate_id:
                values.update(cs_likely_duplicate_id=duplicate.id, cs_duplicate_similarity=ratio)
            if level == "high" and not ticket.cs_triage_priority_raised:
                values.update(
                    cs_triage_priority_raised=True,
                    priority=str(min(int(ticket.priority or "0") + 1, 3)),
                )
                urgent |= ticket
            ticket.write(values)
        urgent._cs_triage_notify()
        return urgent

    @api.model
    def _cs_triage_duplicate(self, ticket, earlier, tokens_of):
        """The open ticket among ``earlier`` (the customer's) of the last
        DUPLICATE_DAYS days most similar to ``ticket``, and the similarity in %."""
        since = ticket.create_date - timedelta(days=DUPLICATE_DAYS)
        candidates = [other for other in earlier if other.create_date >= since and not other.closed]
        if not candidates:
            return self.browse(), 0.0
        tokens = tokens_of(ticket)
        best, ratio = max(
            ((other, similarity(tokens, tokens_of(other))) for other in candidates),
            key=lambda pair: (pair[1], pair[0].id),
        )
        if ratio < DUPLICATE_SIMILARITY:
            return self.browse(), 0.0
        return best, round(100 * ratio, 1)

    def _cs_triage_recent(self, days):
        """{commercial partner id: its tickets created in the ``days`` before the
        batch's last one}, read in one query with what the triage compares."""
        partners = self.commercial_partner_id
        if not partners:
            return {}
        dates = self.mapped("create_date")
        tickets = self.with_context(active_test=False).search_fetch(
            [
                ("commercial_partner_id", "in", partners.ids),
                ("create_date", ">=", min(dates) - timedelta(days=days)),
                ("create_date", "<=", max(dates)),
                ("active", "=", True),
            ],
            ["commercial_partner_id", "create_date", "name", "description", "stage_id"],
            order="id",
        )
        return tickets.grouped(lambda t: t.commercial_partner_id.id)

    def _cs_triage_notify(self):
        """An activity for the supervisor of each urgent ticket (the team's leader,
        else the department's first supervisor), in their language, created in
        one go."""
        if not self:
            return
        fallback = (
            self.env.ref("cs_service_dept.group_cs_supervisor")
            .users.filtered(lambda u: u.active and not u.share)
            .sorted("id")[:1]
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        vals_list = []
        for user, tickets in self.grouped(lambda t: t.team_id.user_id or fallback).items():
            if not user:
                continue
            localized = tickets.with_context(lang=user.lang)
            summary = localized.env._("Urgent ticket on arrival")
            vals_list += [
                {
                    "res_model_id": model_id,
                    "res_id": ticket.id,
                    "activity_type_id": activity_type.id,
                    "summary": summary,
                    "note": ticket.cs_triage_reasons,
                    "user_id": user.id,
                    "date_deadline": today,
                }
                for ticket in localized
            ]
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(vals_list)

    # ---------------------------------------------------------------- crons

    @api.model
    def _cron_cs_triage(self, batch_size=TRIAGE_BATCH):
        """Triage the pending tickets, a batch per call (Odoo calls again while
        some remain). Idempotent: a triaged ticket is no longer pending."""
        # archived tickets too (merged while pending): none stays pending
        Ticket = self.sudo().with_context(active_test=False)
        tickets = Ticket.search([("cs_triage_pending", "=", True)], order="id", limit=batch_size)
        tickets.with_context(active_test=True)._cs_triage()
        remaining = Ticket.search_count([("cs_triage_pending", "=", True)]) if tickets else 0
        self.env["ir.cron"]._notify_progress(done=len(tickets), remaining=remaining)
        return tickets
