#!/usr/bin/env python3
# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Cost of creating a ticket over the external API, with and without the suite.

Two throw-away copies of the newest cs_tmpl_* template (setup/test builds it:
helpdesk_mgmt and the OCA modules the suite depends on, helpdesk_mgmt_sla,
helpdesk_mgmt_merge, base_tier_validation..., with their demo data): one left
as is, one where cs_service_dept is installed. Both get the same team (with an
SLA on its working hours), customer and channel. One Odoo server serves both;
tickets are created one by one through JSON-RPC (``/jsonrpc``, ``execute_kw``
``helpdesk.ticket`` ``create``, as an integration does), alternating between
the databases so that both see the same machine load. Prints ms per ticket
(median, 95th percentile) for each and the ratio.

    export ODOO_SRC=/opt/odoo18 && .venv/bin/python bench/ticket_create.py
        [--tickets 1000] [--warmup 30] [--db-oca DB --db-cs DB [--update]] [--keep]
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from kb_common import psql

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / ".odoo" / "odoo.conf"
ODOO_SRC = Path(os.environ.get("ODOO_SRC", ROOT / ".odoo" / "src"))
LOGIN, PASSWORD = "admin", "admin"


def odoo_bin(*args):
    subprocess.run([sys.executable, str(ODOO_SRC / "odoo-bin"), "-c", str(CONF), *args], check=True)


class Rpc:
    def __init__(self, url, db):
        self.url, self.db = url, db
        self.uid = self.call("common", "login", db, LOGIN, PASSWORD)
        if not self.uid:
            sys.exit(f"cannot log in to {db} as {LOGIN}")

    def call(self, service, method, *args):
        payload = json.dumps(
            {
                "jsonrpc": "2.0",
                "method": "call",
                "params": {"service": service, "method": method, "args": args},
            }
        ).encode()
        request = urllib.request.Request(self.url, payload, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            reply = json.loads(response.read())
        if reply.get("error"):
            raise RuntimeError(json.dumps(reply["error"], indent=1)[:2000])
        return reply["result"]

    def __call__(self, model, method, *args, **kwargs):
        return self.call(
            "object", "execute_kw", self.db, self.uid, PASSWORD, model, method, list(args), kwargs
        )

    def xmlid(self, xmlid):
        module, name = xmlid.split(".")
        [row] = self(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return row["res_id"]


def prepare(rpc):
    """The same team (with an SLA), customer and channel in each database."""
    done = rpc.xmlid("helpdesk_mgmt.helpdesk_ticket_stage_done")
    team = rpc(
        "helpdesk.ticket.team",
        "create",
        {"name": "Bench Team", "use_sla": True, "user_ids": [(6, 0, [rpc.uid])]},
    )
    rpc(
        "helpdesk.sla",
        "create",
        {"name": "Bench resolution", "team_ids": [(6, 0, [team])], "stage_id": done, "hours": 8},
    )
    partner = rpc("res.partner", "create", {"name": "Bench Customer", "email": "b@example.com"})
    channel = rpc.xmlid("helpdesk_mgmt.helpdesk_ticket_channel_email")
    return {"team_id": team, "partner_id": partner, "channel_id": channel}


def free_port():
    with socket.socket() as sock:
        sock.bind(("localhost", 0))
        return sock.getsockname()[1]


def stats(timings):
    timings = sorted(timings)
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=30, help="tickets not counted, each")
    parser.add_argument("--db-oca", help="existing database with the OCA modules only")
    parser.add_argument("--db-cs", help="existing database with cs_service_dept")
    parser.add_argument("--update", action="store_true", help="update cs_service_dept in --db-cs")
    parser.add_argument("--keep", action="store_true", help="keep the databases made here")
    args = parser.parse_args()

    made = []
    dbs = {"oca": args.db_oca, "cs": args.db_cs}
    source = psql(
        "SELECT datname FROM pg_database WHERE datname LIKE 'cs_tmpl_%' ORDER BY oid DESC LIMIT 1"
    )
    server = None
    try:
        for key, db in dbs.items():
            if not db:
                if not source:
                    sys.exit("no cs_tmpl_* database: run setup/test once, or give --db-oca/--db-cs")
                dbs[key] = f"cs_bench_ticket_{key}_{os.getpid()}"
                print(f"copying {source} into {dbs[key]}", flush=True)
                psql(f'CREATE DATABASE "{dbs[key]}" TEMPLATE "{source}"')
                made.append(dbs[key])
        if dbs["cs"] in made or args.update:
            print(f"installing cs_service_dept in {dbs['cs']}", flush=True)
            flag = "-u" if dbs["cs"] not in made else "-i"
            odoo_bin(
                "-d", dbs["cs"], flag, "cs_service_dept", "--stop-after-init", "--log-level=warn"
            )
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                str(ODOO_SRC / "odoo-bin"),
                "-c",
                str(CONF),
                "--http-port",
                str(port),
                "--workers",
                "0",
                "--max-cron-threads",
                "0",
                "--log-level=warn",
                "--db-filter",
                ".*",
            ]
        )
        url = f"http://localhost:{port}/jsonrpc"
        for __ in range(120):
            try:
                with socket.create_connection(("localhost", port), timeout=1):
                    break
            except OSError:
                time.sleep(1)
        rpcs = {key: Rpc(url, db) for key, db in dbs.items()}
        payloads = {key: prepare(rpc) for key, rpc in rpcs.items()}
        timings = {key: [] for key in rpcs}
        total = args.warmup + args.tickets
        for n in range(total):
            # alternate who goes first: both see the same load
            for key in ("oca", "cs") if n % 2 else ("cs", "oca"):
                vals = {
                    "name": f"Printer error E{n:04d}",
                    "description": f"<p>The printer of office {n} shows error E{n:04d} "
                    "when printing on both sides.</p>",
                    **payloads[key],
                }
                start = time.perf_counter()
                rpcs[key]("helpdesk.ticket", "create", [vals])
                if n >= args.warmup:
                    timings[key].append((time.perf_counter() - start) * 1000)
        figures = {key: stats(values) for key, values in timings.items()}
        print(f"{args.tickets:,} tickets created in each database through JSON-RPC")
        for key, label in (("oca", "helpdesk_mgmt + OCA modules"), ("cs", "cs_service_dept")):
            median, p95 = figures[key]
            print(f"  {label:<28} ({dbs[key]}): median {median:.1f} ms, p95 {p95:.1f} ms")
        print(
            f"cs_service_dept / OCA: median {figures['cs'][0] / figures['oca'][0]:.2f}x, "
            f"p95 {figures['cs'][1] / figures['oca'][1]:.2f}x"
        )
        print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    finally:
        if server:
            server.terminate()
            server.wait()
        if not args.keep:
            for db in made:
                psql(f'DROP DATABASE IF EXISTS "{db}"')
        elif made:
            print(f"kept: {', '.join(made)}")


if __name__ == "__main__":
    main()
