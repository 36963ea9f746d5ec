# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Evaluation of the triage on the labelled set ``data/triage_eval.csv``.

233 ticket texts as customers write them (colloquial, typos, Traditional,
English product names; angry but not urgent, polite but urgent...), each
labelled urgent (1) or not (0), half ``tune`` and half ``heldout`` (every
second row). The shipped lexicon and the threshold were drawn from the tuning
part only.

Each text becomes a ticket without customer (so no repeated contact counts),
the triage runs on them as the cron does, and precision and recall of "urgent"
are counted. Used by ``TestTriageEval`` and ``bench/triage_eval.py``.
"""

import csv
from pathlib import Path

from markupsafe import Markup

DATA = Path(__file__).resolve().parent / "data" / "triage_eval.csv"


def read_data():
    with DATA.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def evaluate(env, rows, split):
    """(precision %, recall %, texts, [(text, urgent, score, words)] mistaken)."""
    selected = [row for row in rows if row["split"] == split]
    Ticket = env["helpdesk.ticket"].sudo()
    tickets = Ticket.create(
        [
            {"name": row["text"][:40], "description": Markup("<p>%s</p>") % row["text"]}
            for row in selected
        ]
    )
    tickets._cs_triage()
    true_positive = false_positive = false_negative = 0
    mistakes = []
    for row, ticket in zip(selected, tickets, strict=True):
        urgent = row["urgent"] == "1"
        found = ticket.cs_triage_level == "high"
        true_positive += urgent and found
        false_positive += found and not urgent
        false_negative += urgent and not found
        if urgent != found:
            words = [reason.get("word", "") for reason in ticket.cs_triage_matches]
            mistakes.append((row["text"], urgent, ticket.cs_triage_score, words))
    precision = 100.0 * true_positive / ((true_positive + false_positive) or 1)
    recall = 100.0 * true_positive / ((true_positive + false_negative) or 1)
    return precision, recall, len(selected), mistakes


def format_result(result, split):
    precision, recall, count, __ = result
    return f"urgent ({split}, {count} texts): precision {precision:.1f}%  recall {recall:.1f}%"
