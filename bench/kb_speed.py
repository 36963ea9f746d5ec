#!/usr/bin/env python3
# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time of one knowledge-base suggestion at 5,000 articles, cold and warm.

In a transaction that is rolled back: the database's articles are archived,
5,000 articles are created through the ORM (the 62 labelled articles of
cs_service_dept/tests/data/ with product models and numbers varied, each with
the answer of another one appended), then the held-out questions are asked:

- cold: the first call of a process (jieba's dictionary, the department
  dictionary and OpenCC's tables loaded, the synonyms read);
- warm: every later call (median, 95th percentile, max).

    export ODOO_SRC=/opt/odoo18 && .venv/bin/python bench/kb_speed.py [--db DB]
        [--articles 5000] [--rounds 3] [--dump FILE]
"""

import argparse
import json
import os
import statistics
import time

from kb_common import add_db_argument, bench_registry, load_module

import odoo

PRODUCTS = ["LaserJet M1136", "iR-ADV C3530", "EcoTank L3150", "MFC-7860", "DS-530", "CS-200"]


def make_articles(articles, count):
    result = []
    for n in range(count):
        base = articles[n % len(articles)]
        other = articles[(n * 7 + 3) % len(articles)]
        product = PRODUCTS[n % len(PRODUCTS)]
        result.append(
            {
                "name": f"{base['name']}（{product}，第 {n} 号）",
                "answer": base["answer"] + other["answer"] + f"<p>适用型号：{product}-{n}</p>",
                "tags": base["tags"],
                "key": f"{base['key']}_{n}",
            }
        )
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_db_argument(parser)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="passes over the questions")
    parser.add_argument("--dump", help="write the articles' stored tokens and the queries' here")
    args = parser.parse_args()
    with bench_registry(args, "kb_speed") as registry, registry.cursor() as cr:
        kb_eval = load_module("cs_service_dept/tests/kb_eval.py")
        from odoo.addons.cs_service_dept.models import cs_knowledge_text

        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        articles, questions = kb_eval.read_data()
        start = time.perf_counter()
        kb_eval.load_articles(env, make_articles(articles, args.articles))
        env.flush_all()
        # as autovacuum would: the planner knows the new rows
        cr.execute("ANALYZE cs_knowledge_article, cs_knowledge_article_term")
        elapsed = time.perf_counter() - start
        print(f"{args.articles:,} articles created and tokenized in {elapsed:.1f} s")
        texts = [q["question"] for q in questions if q["split"] == "heldout"]
        Article = env["cs.knowledge.article"]

        # cold: forget everything the process loaded
        cs_knowledge_text._base_tokenizer = None
        cs_knowledge_text._converter = None
        cs_knowledge_text._tokenizers.clear()
        registry.clear_cache()
        start = time.perf_counter()
        Article._cs_suggest(texts[0])
        cold = (time.perf_counter() - start) * 1000

        timings = []
        cpu = time.process_time()
        for __ in range(args.rounds):
            for text in texts:
                start = time.perf_counter()
                Article._cs_suggest(text)
                timings.append((time.perf_counter() - start) * 1000)
        cpu = (time.process_time() - cpu) * 1000 / len(timings)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"cold first call: {cold:.0f} ms")
        print(
            f"warm, {len(timings)} calls: median {statistics.median(timings):.1f} ms, "
            f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms "
            f"(Odoo process CPU {cpu:.1f} ms a call, the rest is PostgreSQL and waiting)"
        )
        print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
        if args.dump:
            tokenizer = env["cs.knowledge.synonym"]._cs_tokenizer()
            cr.execute("SELECT cs_search_tokens FROM cs_knowledge_article WHERE active")
            corpus = [row[0].split() for row in cr.fetchall()]
            queries = [cs_knowledge_text.tokenize(tokenizer, text) for text in texts]
            with open(args.dump, "w") as dump:
                json.dump({"corpus": corpus, "queries": queries}, dump, ensure_ascii=False)
        cr.rollback()


if __name__ == "__main__":
    main()
