# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Evaluation of the knowledge-base suggestions on the labelled set of tests/data/.

``kb_articles.json``: 62 articles (question, HTML answer, tags) of a company
selling and repairing office equipment. ``kb_questions.json``: 180 customer
questions as they write them, each with the key of the article that answers
it and its part: the first question of an article, and every second one after
it, is ``tune``, the others ``heldout``. Synonyms, the department dictionary
and the weights were chosen on the tuning part only.

Used by the test ``TestKnowledgeEval`` and by ``bench/kb_eval.py``.
"""

import json
from pathlib import Path

from odoo.addons.cs_service_dept.models.cs_text import cs_tokenize

DATA = Path(__file__).resolve().parent / "data"
# The bigram method kept for the comparison (the _cs_suggest of 18.0.1.2.0).
OLD_CANDIDATE_TOKENS = 12
OLD_CANDIDATE_LIMIT = 50


def read_data():
    articles = json.loads((DATA / "kb_articles.json").read_text())
    questions = json.loads((DATA / "kb_questions.json").read_text())
    return articles, questions


def load_articles(env, articles):
    """Archive the database's articles and create the labelled ones: {key: id}."""
    Article = env["cs.knowledge.article"]
    Article.search([]).write({"active": False})
    Tag = env["helpdesk.ticket.tag"]
    names = sorted({tag for article in articles for tag in article["tags"]})
    tags = {tag.name: tag.id for tag in Tag.search([("name", "in", names)])}
    for name in names:
        if name not in tags:
            tags[name] = Tag.create({"name": name}).id
    records = Article.create(
        [
            {
                "name": article["name"],
                "answer": article["answer"],
                "tag_ids": [(6, 0, [tags[tag] for tag in article["tags"]])],
            }
            for article in articles
        ]
    )
    return {article["key"]: record.id for article, record in zip(articles, records, strict=True)}


def old_suggest(articles, ids, text, limit=3):
    """The bigram method as it was: ILIKE of the longest tokens on the title's
    and tags' bigrams to fetch 50 candidates, then the count of shared tokens."""
    tokens = cs_tokenize(text)
    if not tokens:
        return []
    keywords = {}
    for article in articles:
        words = cs_tokenize(article["name"])
        for tag in article["tags"]:
            words |= cs_tokenize(tag)
        keywords[ids[article["key"]]] = " ".join(sorted(words))
    probe = sorted(tokens, key=lambda t: (-len(t), t))[:OLD_CANDIDATE_TOKENS]
    # the search's order: use_count desc (all 0 here), name
    ordered = sorted(articles, key=lambda article: article["name"])
    candidates = [
        ids[article["key"]]
        for article in ordered
        if any(token in keywords[ids[article["key"]]] for token in probe)
    ][:OLD_CANDIDATE_LIMIT]
    scored = []
    for article_id in candidates:
        score = len(tokens & set(keywords[article_id].split()))
        if score:
            scored.append((-score, article_id))
    return [article_id for __, article_id in sorted(scored)[:limit]]


def new_suggest(env, text, limit=3):
    return [article.id for article, __ in env["cs.knowledge.article"]._cs_suggest(text, limit)]


def evaluate(env, articles, questions, ids, split):
    """{method: (top-1 %, top-3 %, questions, misses)} on the questions of ``split``."""
    selected = [question for question in questions if question["split"] == split]
    results = {}
    methods = {
        "old (ILIKE bigrams)": lambda text: old_suggest(articles, ids, text),
        "new (jieba + OpenCC + BM25)": lambda text: new_suggest(env, text),
    }
    for method, suggest in methods.items():
        top1 = top3 = 0
        misses = []
        for question in selected:
            found = suggest(question["question"])
            expected = ids[question["article"]]
            top1 += found[:1] == [expected]
            top3 += expected in found[:3]
            if expected not in found[:3]:
                misses.append(question["question"])
        total = len(selected) or 1
        results[method] = (100.0 * top1 / total, 100.0 * top3 / total, len(selected), misses)
    return results


def format_table(results, split):
    lines = [f"{'method (' + split + ')':<34} {'top-1':>7} {'top-3':>7} {'questions':>10}"]
    for method, (top1, top3, count, __) in results.items():
        lines.append(f"{method:<34} {top1:>6.1f}% {top3:>6.1f}% {count:>10}")
    return "\n".join(lines)
