#!/usr/bin/env python3
# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Time the dormancy follow-up cron of cs_service_dept on a large data set.

Copies a database that has cs_service_dept installed (with demo data) into a
throw-away database, generates straight in PostgreSQL (INSERT ... SELECT
generate_series) 100,000 customers, 1,000,000 confirmed sale orders and 200,000
follow-ups, then, on the same data in the same run, times:

- the reference statement ``../shared/bench/dormancy_raw.sql`` (one read-only
  statement classifying every customer: the physical limit);
- the catch-up run of the scheduled action ``cs.followup._cron_plan_dormancy()``,
  called again and again with a commit after each call, as Odoo calls it, until
  nothing remains;
- the daily steady-state run: the next day's run on the same data (the daily
  classification again, then what is left to plan: nothing, it is idempotent);

and prints the times in seconds and the steady-state / reference ratio.

    .venv/bin/python bench/dormancy.py --template <db with cs_service_dept> \\
        [--db cs_bench_dormancy] [--customers 100000] [--orders 1000000] \\
        [--followups 200000] [--raw-sql ../shared/bench/dormancy_raw.sql] [--keep]

Run it from the repository root after ``setup/test`` or ``setup/run`` wrote
.odoo/odoo.conf; ODOO_SRC must point to Odoo 18.
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def copy_row_sql(cr, table, overrides, source_where, n):
    """INSERT ... SELECT copying one template row with some columns overridden."""
    cr.execute(
        """SELECT column_name FROM information_schema.columns
            WHERE table_name = %s AND column_name != 'id'
         ORDER BY ordinal_position""",
        [table],
    )
    columns = [row[0] for row in cr.fetchall()]
    exprs = [overrides.get(column, f"t.{column}") for column in columns]
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"SELECT {', '.join(exprs)} FROM generate_series(1, {n}) AS g, "
        f"(SELECT * FROM {table} WHERE {source_where} LIMIT 1) AS t"
    )


def generate(cr, customers, orders, followups):
    cr.execute("SELECT user_id FROM cs_specialist WHERE active ORDER BY id")
    specialists = [row[0] for row in cr.fetchall()] or [None]
    cr.execute("SELECT id FROM res_users WHERE login = 'admin'")
    admin = cr.fetchone()[0]
    spec_array = "ARRAY[" + ",".join(str(s) for s in specialists) + "]::int[]"
    t0 = time.time()
    # Customers: 80% followed up by customer service, 20% by sales.
    cr.execute(
        copy_row_sql(
            cr,
            "res_partner",
            {
                "name": "'Bench customer ' || g",
                "complete_name": "'Bench customer ' || g",
                "ref": "'BENCH-' || g",
                "email": "NULL",
                "customer_rank": "1",
                "cs_owner": "CASE WHEN g % 5 = 0 THEN 'sales' ELSE 'customer_service' END",
                "user_id": f"CASE WHEN g % 5 = 0 THEN {admin} ELSE NULL END",
                "cs_specialist_id": (
                    f"CASE WHEN g % 5 = 0 THEN NULL "
                    f"ELSE ({spec_array})[1 + g % {len(specialists)}] END"
                ),
                "cs_confidentiality": "'internal'",
                "cs_dormancy": "'active'",
                "cs_last_order_date": "NULL",
                "cs_last_contact_date": "NULL",
                "cs_takeover_date": "NULL",
                "cs_handover_date": "NULL",
                "cs_handover_reason": "NULL",
                "cs_dormancy_todo": "NULL",
                "create_date": "now() - interval '400 days'",
                "write_date": "now() - interval '400 days'",
                "commercial_partner_id": "NULL",
            },
            "name = '深圳华强电子有限公司'",
            customers,
        ),
    )
    cr.execute(
        "UPDATE res_partner SET commercial_partner_id = id "
        "WHERE ref LIKE 'BENCH-%' AND commercial_partner_id IS NULL"
    )
    cr.execute("SELECT min(id), max(id) FROM res_partner WHERE ref LIKE 'BENCH-%'")
    first, last = cr.fetchone()
    span = last - first + 1
    print(f"  {customers:,} customers in {time.time() - t0:.1f}s", flush=True)
    t0 = time.time()
    # Orders: ten per customer on average, dates skewed towards the recent past
    # (some customers ordered last week, some months ago).
    partner_expr = f"{first} + (g::bigint * 7919) % {span}"
    cr.execute(
        copy_row_sql(
            cr,
            "sale_order",
            {
                "name": "'BENCH/' || g",
                "partner_id": partner_expr,
                "partner_invoice_id": partner_expr,
                "partner_shipping_id": partner_expr,
                "state": "'sale'",
                "date_order": (
                    f"now() - make_interval(days => ((({partner_expr}) % 97) + (g % 13) * 9)::int)"
                ),
                "create_date": "now() - interval '1 day'",
                "write_date": "now() - interval '1 day'",
                "access_token": "NULL",
            },
            "state = 'sale'",
            orders,
        ),
    )
    print(f"  {orders:,} sale orders in {time.time() - t0:.1f}s", flush=True)
    t0 = time.time()
    # Follow-ups: done, planned and cancelled, around today.
    cr.execute(
        copy_row_sql(
            cr,
            "cs_followup",
            {
                "partner_id": f"{first} + (g::bigint * 104729) % {span}",
                "specialist_id": f"({spec_array})[1 + g % {len(specialists)}]",
                "rule": "'manual'",
                "method": "'phone'",
                "state": (
                    "CASE WHEN g % 10 < 6 THEN 'done' "
                    "WHEN g % 10 < 9 THEN 'planned' ELSE 'cancelled' END"
                ),
                "planned_date": "current_date - (g % 90) + 15",
                "done_date": "CASE WHEN g % 10 < 6 THEN current_date - (g % 90) END",
                "planned_count": "CASE WHEN g % 10 < 9 THEN 1 ELSE 0 END",
                "done_count": "CASE WHEN g % 10 < 6 THEN 1 ELSE 0 END",
                "activity_id": "NULL",
                "outcome": "NULL",
            },
            "TRUE",
            followups,
        ),
    )
    print(f"  {followups:,} follow-ups in {time.time() - t0:.1f}s", flush=True)
    cr.execute("ANALYZE res_partner; ANALYZE sale_order; ANALYZE cs_followup")


CLASSIFIED_ON = "cs_service_dept.dormancy_classified_on"


def time_raw(cr, raw_sql):
    """Execute the reference statement and fetch its rows."""
    start = time.time()
    cr.execute(raw_sql)
    cr.fetchall()
    return time.time() - start


def run_cron(env):
    """Call the scheduled action as Odoo does (a commit after each call) until
    nothing remains; return the time and the number of calls."""
    calls = 0
    start = time.time()
    while True:
        calls += 1
        remaining = env["cs.followup"]._cron_plan_dormancy()
        env.cr.commit()
        if not remaining:
            return time.time() - start, calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--template", required=True, help="database to copy")
    parser.add_argument("--db", default="cs_bench_dormancy")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--followups", type=int, default=200_000)
    parser.add_argument(
        "--raw-sql",
        type=Path,
        default=ROOT.parent / "shared" / "bench" / "dormancy_raw.sql",
        help="the reference statement",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")
    args = parser.parse_args()

    sys.path.insert(0, os.environ.get("ODOO_SRC", "/opt/odoo18"))
    import odoo
    from odoo.tools import config

    config.parse_config(["-c", str(ROOT / ".odoo" / "odoo.conf")])
    postgres = odoo.sql_db.db_connect("postgres")
    with postgres.cursor() as cr:
        cr._cnx.autocommit = True
        cr.execute(f'DROP DATABASE IF EXISTS "{args.db}"')
        cr.execute(f'CREATE DATABASE "{args.db}" TEMPLATE "{args.template}"')
    try:
        print(f"Generating data in {args.db}…", flush=True)
        db = odoo.sql_db.db_connect(args.db)
        with db.cursor() as cr:
            generate(cr, args.customers, args.orders, args.followups)
            cr.commit()
        raw_sql = args.raw_sql.read_text(encoding="utf-8")
        registry = odoo.modules.registry.Registry(args.db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            Followup = env["cs.followup"]
            raw_first = time_raw(cr, raw_sql)
            # the copied database may have run today's classification already
            # (a served demo database's cron): the catch-up classifies again
            env["ir.config_parameter"].set_param(CLASSIFIED_ON, False)
            cr.commit()
            followups_before = Followup.search_count([])
            catch_up, calls = run_cron(env)
            created = Followup.search_count([]) - followups_before
            raw = time_raw(cr, raw_sql)
            # The next day's run on the same data: classify again, plan what is left.
            env["ir.config_parameter"].set_param(CLASSIFIED_ON, False)
            cr.commit()
            steady, steady_calls = run_cron(env)
            again = Followup.search_count([]) - followups_before - created
            cr.execute(
                "SELECT cs_dormancy, count(*) FROM res_partner "
                "WHERE ref LIKE 'BENCH-%' GROUP BY 1 ORDER BY 1"
            )
            states = dict(cr.fetchall())
        print(f"Dormancy: {states}")
        print(f"Reference statement: {raw:.2f}s (first execution {raw_first:.2f}s)")
        print(f"Catch-up run: {catch_up:.1f}s in {calls} calls, {created:,} follow-ups planned")
        print(
            f"Daily steady-state run: {steady:.2f}s in {steady_calls} calls, "
            f"{again:,} follow-ups planned"
        )
        print(f"Steady state / reference: {steady / raw:.1f}x")
    finally:
        if not args.keep:
            odoo.sql_db.close_db(args.db)
            with postgres.cursor() as cr:
                cr._cnx.autocommit = True
                cr.execute(f'DROP DATABASE IF EXISTS "{args.db}"')


if __name__ == "__main__":
    main()
