#!/usr/bin/env python3
# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Precision and recall of "urgent" of the triage on arrival.

Creates the labelled ticket texts of cs_service_dept/tests/data/triage_eval.csv
(233 texts, half tuning, half held-out) as tickets in a transaction that is
rolled back, triages them with the database's lexicon and settings, and
prints precision and recall of "urgent" on the held-out part (and the tuning
part with --tuning).

    export ODOO_SRC=/opt/odoo18 && .venv/bin/python bench/triage_eval.py [--db DB]
        [--tuning] [--mistakes]
"""

import argparse

from kb_common import add_db_argument, bench_registry, load_module

import odoo


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_db_argument(parser)
    parser.add_argument("--tuning", action="store_true", help="also the tuning part")
    parser.add_argument("--mistakes", action="store_true", help="list the texts mistaken")
    args = parser.parse_args()
    with bench_registry(args, "triage_eval") as registry, registry.cursor() as cr:
        triage_eval = load_module("cs_service_dept/tests/triage_eval.py")
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        rows = triage_eval.read_data()
        for split in ["tune", "heldout"] if args.tuning else ["heldout"]:
            result = triage_eval.evaluate(env, rows, split)
            print(triage_eval.format_result(result, split))
            if args.mistakes:
                for text, urgent, score, words in result[3]:
                    label = "missed" if urgent else "false alarm"
                    print(f"  {label} ({score}: {', '.join(words)}): {text}")
        cr.rollback()


if __name__ == "__main__":
    main()
