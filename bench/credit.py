#!/usr/bin/env python3
# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the full credit evaluation (cs_credit_rating).

Copies a database where cs_credit_rating is installed into a throw-away one,
generates customers, confirmed sale orders, posted invoices and credit notes
with their receivable lines, and payments reconciled with them (early, on time,
late, partly paid; a quarter unpaid) straight in PostgreSQL (INSERT ... SELECT
generate_series). Then, on the same data in the same run, it times the
reference pass ``../shared/bench/credit_raw.sql`` (the same figures for every
customer in read-only grouped statements; with PostgreSQL's JIT compilation on
and off, the faster being the reference) and the scheduled action that
evaluates every customer (the first night; twice by default, the rows deleted
in between, the faster counting as for the reference pass, and so the rows it
wrote, timed again in plain SQL), and prints them and their ratio; then the
next day's run on the same figures (no grade changes, nothing changed: no
evaluation is recorded again). The throw-away database is dropped.

    .venv/bin/python bench/credit.py --source DB [--customers 100000]
        [--orders 1000000] [--invoices 500000] [--raw-sql FILE] [--keep]
    .venv/bin/python bench/credit.py --reuse DB

With --reuse, a database kept by an earlier run (--keep) is timed again
without generating its data: its policy evaluations, anomalies and night's
figures are deleted first, and it is kept.

Without --source the newest cs_tmpl_* template is copied and cs_credit_rating
is installed into the copy first (a few minutes more).
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / ".odoo" / "odoo.conf"
ODOO_SRC = Path(os.environ.get("ODOO_SRC", ROOT / ".odoo" / "src"))
sys.path.insert(0, str(ODOO_SRC))

from kb_common import psql

import odoo
from odoo.tools import config

GENERATE = """
-- customers: companies with a customer rank, their own commercial entity
INSERT INTO res_partner (name, complete_name, is_company, customer_rank,
                         active, type, autopost_bills, cs_confidentiality,
                         company_id, create_date, write_date)
SELECT 'Bench customer ' || g, 'Bench customer ' || g, TRUE, 1, TRUE, 'contact',
       'ask', 'public', NULL, now(), now()
  FROM generate_series(1, %(customers)s) g;
UPDATE res_partner SET commercial_partner_id = id
 WHERE name LIKE 'Bench customer %%' AND commercial_partner_id IS NULL;
CREATE TEMP TABLE bench_customer AS
SELECT row_number() OVER (ORDER BY id) AS n, id FROM res_partner
 WHERE name LIKE 'Bench customer %%';
CREATE INDEX ON bench_customer (n);

-- confirmed sale orders over the last two years
INSERT INTO sale_order (name, partner_id, partner_invoice_id, partner_shipping_id,
                        company_id, date_order, state, picking_policy,
                        currency_id, currency_rate, amount_untaxed, amount_tax,
                        amount_total, create_date, write_date)
SELECT 'BENCH/' || g, c.id, c.id, c.id, %(company)s,
       now() - ((g %% 730) || ' days')::interval, 'sale', 'direct',
       %(currency)s, 1.0, (g %% 5000) + 100, 0, (g %% 5000) + 100, now(), now()
  FROM generate_series(1, %(orders)s) g
  JOIN bench_customer c ON c.n = 1 + (g %% %(customers)s);

-- posted customer invoices and credit notes: some paid, some overdue
INSERT INTO account_move (name, move_type, state, journal_id, company_id,
                          currency_id, date, invoice_date, invoice_date_due,
                          partner_id, commercial_partner_id, auto_post,
                          amount_total_signed, amount_residual_signed,
                          amount_total, amount_residual, payment_state,
                          create_date, write_date)
SELECT 'BINV/' || g,
       CASE WHEN g %% 20 = 0 THEN 'out_refund' ELSE 'out_invoice' END,
       'posted', %(journal)s, %(company)s, %(currency)s,
       current_date - (g %% 540), current_date - (g %% 540),
       current_date - (g %% 540) + 30, c.id, c.id, 'no',
       CASE WHEN g %% 20 = 0 THEN -((g %% 3000) + 50) ELSE (g %% 3000) + 50 END,
       CASE WHEN g %% 20 = 0 THEN 0 WHEN g %% 4 = 0 THEN (g %% 3000) + 50
            WHEN g %% 4 = 2 THEN ((g %% 3000) + 50) / 2.0 ELSE 0 END,
       (g %% 3000) + 50,
       CASE WHEN g %% 20 = 0 THEN 0 WHEN g %% 4 = 0 THEN (g %% 3000) + 50
            WHEN g %% 4 = 2 THEN ((g %% 3000) + 50) / 2.0 ELSE 0 END,
       CASE WHEN g %% 20 = 0 THEN 'paid' WHEN g %% 4 = 0 THEN 'not_paid'
            WHEN g %% 4 = 2 THEN 'partial' ELSE 'paid' END,
       now(), now()
  FROM generate_series(1, %(invoices)s) g
  JOIN bench_customer c ON c.n = 1 + ((g * 7) %% %(customers)s);

-- the receivable (payment term) line of each invoice and credit note
INSERT INTO account_move_line (move_id, journal_id, company_id, account_id, partner_id,
                               currency_id, company_currency_id, display_type, name,
                               date, date_maturity, parent_state, debit, credit,
                               balance, amount_currency, amount_residual,
                               amount_residual_currency, reconciled,
                               create_date, write_date)
SELECT m.id, m.journal_id, m.company_id, %(receivable)s, m.partner_id, m.currency_id,
       m.currency_id, 'payment_term', m.name, m.date, m.invoice_date_due, 'posted',
       GREATEST(m.amount_total_signed, 0), GREATEST(-m.amount_total_signed, 0),
       m.amount_total_signed, m.amount_total_signed, m.amount_residual_signed,
       m.amount_residual_signed, m.amount_residual_signed = 0, now(), now()
  FROM account_move m
 WHERE m.name LIKE 'BINV/%%';

-- payments of the paid and partly paid invoices, from 20 days early to 40 days
-- late, each reconciled with its invoice's receivable line
CREATE TEMP TABLE bench_pay AS
SELECT l.id AS line_id, m.partner_id, m.company_id, substr(m.name, 6)::int AS g,
       m.amount_total_signed - m.amount_residual_signed AS paid,
       LEAST(m.invoice_date_due + ((substr(m.name, 6)::int %% 7) * 10 - 20),
             current_date) AS paid_on
  FROM account_move m
  JOIN account_move_line l ON l.move_id = m.id AND l.display_type = 'payment_term'
 WHERE m.name LIKE 'BINV/%%' AND m.move_type = 'out_invoice'
   AND m.amount_total_signed > m.amount_residual_signed;
INSERT INTO account_move (name, move_type, state, journal_id, company_id, currency_id,
                          date, partner_id, commercial_partner_id, auto_post,
                          amount_total_signed, amount_residual_signed, amount_total,
                          amount_residual, payment_state, create_date, write_date)
SELECT 'BPAY/' || g, 'entry', 'posted', %(bank)s, company_id, %(currency)s, paid_on,
       partner_id, partner_id, 'no', paid, 0, paid, 0, 'not_paid', now(), now()
  FROM bench_pay;
CREATE TEMP TABLE bench_pay_move AS
SELECT substr(name, 6)::int AS g, id FROM account_move WHERE name LIKE 'BPAY/%%';
INSERT INTO account_move_line (move_id, journal_id, company_id, account_id, partner_id,
                               currency_id, company_currency_id, display_type, name,
                               date, parent_state, debit, credit, balance,
                               amount_currency, amount_residual,
                               amount_residual_currency, reconciled,
                               create_date, write_date)
SELECT pm.id, %(bank)s, p.company_id, %(receivable)s, p.partner_id, %(currency)s,
       %(currency)s, 'product', 'BPAY/' || p.g, p.paid_on, 'posted', 0, p.paid, -p.paid,
       -p.paid, 0, 0, TRUE, now(), now()
  FROM bench_pay p JOIN bench_pay_move pm ON pm.g = p.g;
INSERT INTO account_partial_reconcile (debit_move_id, credit_move_id, company_id,
                                       debit_currency_id, credit_currency_id, amount,
                                       debit_amount_currency, credit_amount_currency,
                                       max_date, create_date, write_date)
SELECT p.line_id, pl.id, p.company_id, %(currency)s, %(currency)s, p.paid, p.paid,
       p.paid, p.paid_on, now(), now()
  FROM bench_pay p
  JOIN bench_pay_move pm ON pm.g = p.g
  JOIN account_move_line pl ON pl.move_id = pm.id;
ANALYZE account_move_line;
ANALYZE account_partial_reconcile;
ANALYZE res_partner;
ANALYZE sale_order;
ANALYZE account_move;
"""


def time_raw(cr, raw_sql, jit):
    """Run the reference pass (it fills a temporary table) and read its rows,
    with PostgreSQL's JIT compilation on or off."""
    cr.execute(f"SET jit = {'on' if jit else 'off'}")
    cr.execute("DROP TABLE IF EXISTS f")
    start = time.perf_counter()
    cr.execute(raw_sql)
    cr.fetchall()
    elapsed = time.perf_counter() - start
    cr.execute("RESET jit")
    return elapsed


def time_writes(cr):
    """Time writing again, in plain SQL, the rows the evaluation had to write:
    its evaluations and anomalies (copied; the customers' grade and score are
    derived from the evaluations, no customer is written); rolled back.
    Without JIT, as the evaluation's own statements run."""
    cr.execute("SET jit = off")
    cr.execute("SAVEPOINT bench_writes")
    start = time.perf_counter()
    cr.execute(
        """
        INSERT INTO cs_credit_evaluation
               (partner_id, company_id, date, origin, state, policy_id, total_score, grade,
                figures, details, validation_status, create_uid, write_uid, create_date,
                write_date)
        SELECT partner_id, company_id, date, origin, state, policy_id, total_score, grade,
               figures, details, validation_status, create_uid, write_uid, create_date,
               write_date
          FROM cs_credit_evaluation WHERE origin = 'policy'
        """
    )
    cr.execute(
        """
        INSERT INTO cs_credit_anomaly
               (partner_id, company_id, kind, previous_value, current_value, user_id,
                detected_on, state, create_uid, write_uid, create_date, write_date)
        SELECT partner_id, company_id, kind, previous_value, current_value, user_id,
               -- not open: one open anomaly of a kind per customer
               detected_on, 'dismissed', create_uid, write_uid, create_date, write_date
          FROM cs_credit_anomaly
        """
    )
    elapsed = time.perf_counter() - start
    cr.execute("ROLLBACK TO SAVEPOINT bench_writes")
    cr.execute("RESET jit")
    return elapsed


def run_cron(env, batch_size):
    """Call the scheduled action as Odoo does, a commit after each call, until
    nothing remains; return the number of calls."""
    calls = 0
    while True:
        calls += 1
        remaining = env["cs.credit.evaluation"]._cron_evaluate_all(batch_size=batch_size)
        env.cr.commit()
        if not remaining:
            return calls


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", help="database with cs_credit_rating installed")
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--orders", type=int, default=1_000_000)
    parser.add_argument("--invoices", type=int, default=500_000)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="times the first night and its rows are timed (the fastest counts, as "
        "for the reference pass)",
    )
    parser.add_argument(
        "--raw-sql",
        type=Path,
        default=ROOT.parent / "shared" / "bench" / "credit_raw.sql",
        help="the reference pass",
    )
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--reuse", help="a database kept by an earlier run, timed again")
    args = parser.parse_args()
    if args.reuse:
        reuse(args)
        return

    db = f"cs_bench_credit_{os.getpid()}"
    install = False
    source = args.source
    if not source:
        source = psql(
            "SELECT datname FROM pg_database WHERE datname LIKE 'cs_tmpl_%' "
            "ORDER BY oid DESC LIMIT 1"
        )
        install = True
    print(f"copying {source} into {db}", flush=True)
    psql(f'CREATE DATABASE "{db}" TEMPLATE "{source}"')
    try:
        if install:
            print("installing cs_credit_rating", flush=True)
            subprocess.run(
                [
                    sys.executable,
                    str(ODOO_SRC / "odoo-bin"),
                    "-c",
                    str(CONF),
                    "-d",
                    db,
                    "-i",
                    "cs_credit_rating",
                    "--stop-after-init",
                    "--log-level=warn",
                ],
                check=True,
            )
        config.parse_config(["-c", str(CONF), "-d", db, "--log-level=warn"])
        registry = odoo.modules.registry.Registry(db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            company = env.company
            journal = env["account.journal"].search(
                [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1
            )
            bank = env["account.journal"].search(
                [("type", "=", "bank"), ("company_id", "=", company.id)], limit=1
            )
            receivable = env["account.account"].search(
                [("account_type", "=", "asset_receivable"), ("company_ids", "in", company.id)],
                limit=1,
            )
            # only the generated customers are evaluated
            cr.execute("UPDATE res_partner SET customer_rank = 0")
            params = {
                "customers": args.customers,
                "orders": args.orders,
                "invoices": args.invoices,
                "company": company.id,
                "currency": company.currency_id.id,
                "journal": journal.id,
                "bank": bank.id,
                "receivable": receivable.id,
            }
            start = time.perf_counter()
            cr.execute(GENERATE % params)
            cr.commit()
            print(
                f"generated {args.customers:,} customers, {args.orders:,} sale orders, "
                f"{args.invoices:,} invoices in {time.perf_counter() - start:.1f} s",
                flush=True,
            )
        time_all(args, db, registry)
    finally:
        if not args.keep:
            odoo.sql_db.close_all()
            psql(f'DROP DATABASE IF EXISTS "{db}"')


def reuse(args):
    """Time again the database ``args.reuse`` kept by an earlier run: as it
    was after its data were generated."""
    db = args.reuse
    config.parse_config(["-c", str(CONF), "-d", db, "--log-level=warn"])
    registry = odoo.modules.registry.Registry(db)
    with registry.cursor() as cr:
        cr.execute("SELECT COUNT(*) FROM res_partner WHERE customer_rank > 0")
        args.customers = cr.fetchone()[0]
    reset(registry, db)
    print(f"timing {db} again ({args.customers:,} customers)", flush=True)
    time_all(args, db, registry)


def reset(registry, db):
    """Delete the nightly evaluation's rows: the database as generated."""
    with registry.cursor() as cr:
        cr.execute(
            "DELETE FROM cs_credit_anomaly;"
            "DELETE FROM cs_credit_evaluation WHERE origin = 'policy';"
            "DELETE FROM cs_credit_figure;"
            "UPDATE cs_credit_policy SET run_date = NULL, run_cursor = 0, run_remaining = 0"
        )
    psql("VACUUM ANALYZE cs_credit_evaluation, cs_credit_anomaly, cs_credit_figure", db=db)


def time_all(args, db, registry):
    """Time the reference pass, the evaluation, the rows written and the next
    day's evaluation on the generated database ``db``; print them."""
    raw_sql = args.raw_sql.read_text(encoding="utf-8")
    with registry.cursor() as cr:
        # the first execution reads the tables into memory
        raw_first = time_raw(cr, raw_sql, jit=True)
        raw_jit = min(time_raw(cr, raw_sql, jit=True) for _i in range(2))
        raw_no_jit = min(time_raw(cr, raw_sql, jit=False) for _i in range(2))
        # the stricter reference: the faster of the two
        raw = min(raw_jit, raw_no_jit)
        cr.rollback()
    # the first night, timed as often as the reference pass's fastest mode
    # (then the faster), each with the rows it wrote timed again
    nights, rewrites = [], []
    for night in range(args.rounds):
        if night:
            reset(registry, db)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            start = time.perf_counter()
            calls = run_cron(env, args.batch_size)
            nights.append(time.perf_counter() - start)
            rewrites.append(time_writes(cr))
    elapsed, writes = min(nights), min(rewrites)
    with registry.cursor() as cr:
        cr.execute("SELECT COUNT(*) FROM cs_credit_evaluation")
        evaluations = cr.fetchone()[0]
        cr.execute(
            "SELECT grade, COUNT(*) FROM cs_credit_evaluation "
            "WHERE origin = 'policy' GROUP BY 1 ORDER BY 1"
        )
        grades = dict(cr.fetchall())
        cr.execute("SELECT COUNT(*) FROM cs_credit_anomaly")
        anomalies = cr.fetchone()[0]
        print(
            f"reference pass (credit_raw.sql): {raw:.2f} s (JIT on {raw_jit:.2f} s, off "
            f"{raw_no_jit:.2f} s, first execution {raw_first:.2f} s)",
            flush=True,
        )
        print(
            f"full evaluation of {args.customers:,} customers: {elapsed:.1f} s in {calls} "
            f"calls ({evaluations:,} evaluations, grades {grades}, {anomalies:,} anomalies; "
            f"timed {', '.join(f'{t:.1f}' for t in nights)} s)",
            flush=True,
        )
    with registry.cursor() as cr:
        # the next day on the same figures: yesterday's evaluations are
        # the previous ones, no grade changes, no customer written
        cr.execute(
            "UPDATE cs_credit_evaluation SET date = date - 1;"
            "UPDATE cs_credit_anomaly SET detected_on = detected_on - 1;"
            "UPDATE cs_credit_policy SET run_date = run_date - 1"
        )
        cr.commit()
    # as the night's autovacuum would: the shift rewrote every evaluation
    psql("VACUUM ANALYZE cs_credit_evaluation, cs_credit_anomaly, res_partner", db=db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        start = time.perf_counter()
        next_calls = run_cron(env, args.batch_size)
        next_day = time.perf_counter() - start
        cr.execute("SELECT COUNT(*) FROM cs_credit_evaluation")
        next_written = cr.fetchone()[0] - evaluations
    print(
        f"rows written, timed again in plain SQL (evaluations, anomalies): {writes:.2f} s "
        f"(timed {', '.join(f'{t:.2f}' for t in rewrites)} s)",
        flush=True,
    )
    print(f"evaluation / reference: {elapsed / raw:.1f}x", flush=True)
    print(
        f"next day's evaluation (same figures, no grade changed): {next_day:.1f} s "
        f"in {next_calls} calls, {next_day / raw:.1f}x the reference, "
        f"{next_written:,} evaluations recorded",
        flush=True,
    )
    target = 3 * raw + writes
    print(
        f"evaluation / (3 x reference + rows written): {elapsed / target:.2f} "
        f"({'met' if elapsed <= target else 'not met'}: target {target:.1f} s)",
        flush=True,
    )


if __name__ == "__main__":
    main()
