#!/usr/bin/env python3
# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Top-1 and top-3 of the knowledge-base suggestions, old method against new.

Loads the labelled set of cs_service_dept/tests/data/ (62 articles, 180
questions) into a database in a transaction that is rolled back, and prints
for the held-out part (and the tuning part with --tuning) how often the right
article is the first suggestion (top-1) and among the first three (top-3).

    export ODOO_SRC=/opt/odoo18 && .venv/bin/python bench/kb_eval.py [--db DB]
        [--tuning] [--misses]
"""

import argparse

from kb_common import add_db_argument, bench_registry, load_module

import odoo


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_db_argument(parser)
    parser.add_argument("--tuning", action="store_true", help="also the tuning part")
    parser.add_argument("--misses", action="store_true", help="list the questions missed")
    args = parser.parse_args()
    with bench_registry(args, "kb_eval") as registry, registry.cursor() as cr:
        kb_eval = load_module("cs_service_dept/tests/kb_eval.py")
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        articles, questions = kb_eval.read_data()
        ids = kb_eval.load_articles(env, articles)
        splits = ["tune", "heldout"] if args.tuning else ["heldout"]
        for split in splits:
            results = kb_eval.evaluate(env, articles, questions, ids, split)
            print(kb_eval.format_table(results, split))
            if args.misses:
                for method, (__, __, __, misses) in results.items():
                    print(f"  missed by {method}: " + " | ".join(misses))
        cr.rollback()


if __name__ == "__main__":
    main()
