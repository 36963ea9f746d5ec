# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A database for the knowledge-base benchmarks (bench/kb_eval.py, bench/kb_speed.py).

With ``--db NAME`` an existing database where this branch's cs_service_dept is
installed is used as is; otherwise the newest cs_tmpl_* template (setup/test
builds it) is copied into a throw-away database, cs_service_dept is installed
(or updated) in it, and the copy is dropped at the end. Everything the benchmarks create
is rolled back.
"""

import contextlib
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONF = ROOT / ".odoo" / "odoo.conf"
ODOO_SRC = Path(os.environ.get("ODOO_SRC", ROOT / ".odoo" / "src"))
sys.path.insert(0, str(ODOO_SRC))

import odoo
from odoo.tools import config


def psql(sql, db="postgres"):
    return subprocess.run(
        ["psql", "-X", "-q", "-At", "-d", db, "-c", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def add_db_argument(parser):
    parser.add_argument("--db", help="database with this branch's cs_service_dept installed")


@contextlib.contextmanager
def bench_registry(args, name):
    """Yield the registry of the benchmark's database (see the module docstring)."""
    db, copy = args.db, not args.db
    if copy:
        source = psql(
            "SELECT datname FROM pg_database WHERE datname LIKE 'cs_tmpl_%' "
            "ORDER BY oid DESC LIMIT 1"
        )
        if not source:
            sys.exit("no cs_tmpl_* database: run setup/test once, or give --db")
        db = f"cs_bench_{name}_{os.getpid()}"
        print(f"copying {source} into {db}, cs_service_dept installed or updated", flush=True)
        psql(f'CREATE DATABASE "{db}" TEMPLATE "{source}"')
    try:
        if copy:
            installed = psql(
                "SELECT 1 FROM ir_module_module "
                "WHERE name = 'cs_service_dept' AND state = 'installed'",
                db=db,
            )
            subprocess.run(
                [
                    sys.executable,
                    str(ODOO_SRC / "odoo-bin"),
                    "-c",
                    str(CONF),
                    "-d",
                    db,
                    "-u" if installed else "-i",
                    "cs_service_dept",
                    "--stop-after-init",
                    "--log-level=warn",
                ],
                check=True,
            )
        config.parse_config(["-c", str(CONF), "-d", db, "--log-level=warn"])
        yield odoo.modules.registry.Registry(db)
    finally:
        if copy:
            odoo.sql_db.close_all()
            psql(f'DROP DATABASE IF EXISTS "{db}"')


def load_module(path):
    """Import a helper of the addon by its path, without its package (the tests'
    package would import odoo.tests outside a test run)."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, ROOT / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
