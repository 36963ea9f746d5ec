"""Run every check of cs_suite; called by setup/test inside .venv.

Steps, each counted in the closing line "N passed, M failed":
1. linters: ruff, ruff format, pylint_odoo's mandatory checks (one check each);
2. repository checks: pytest on tests/ (manifests, translations, glossary,
   each addon installing and uninstalling alone);
3. the addons' own Odoo tests, on a throw-away copy of a template database that
   holds the addons' dependencies (built once, then reused while its inputs match).

With --upstream: the suites of the Odoo and OCA modules the addons extend
(UPSTREAM), in a fresh database where the four addons are installed with tests
enabled: each upstream module's at_install tests run when it installs, its
post_install tests once everything, cs_* included, is installed. With
--upstream --reference the same suites run in a database without cs_*, to
compare the counts.
"""

import argparse
import contextlib
import fcntl
import hashlib
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(os.environ.get("CS_ROOT", Path(__file__).resolve().parent.parent))
CONF = os.environ.get("CS_CONF", str(ROOT / ".odoo" / "odoo.conf"))
ODOO_SRC = Path(os.environ["ODOO_SRC"])
ALL_MODULES = os.environ.get(
    "CS_MODULES", "cs_service_dept,cs_credit_rating,cs_archive,cs_survey"
).split(",")
PYTHON = sys.executable
STATS_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when loading database")
LOG_RE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ")
TEST_RE = re.compile(
    r"^\S+ \S+ \d+ \w+ \S+ odoo\.addons\.(\w+)\.tests\.\S*: (Starting|FAIL:|ERROR:|skipped) (\S+)"
)
# The Odoo and OCA modules cs_suite extends, whose own suites must still pass.
UPSTREAM = ["helpdesk_mgmt", "base_tier_validation", "sale", "repair", "survey"]


class Tally:
    def __init__(self):
        self.passed = 0
        self.failed = 0
        self.failures = []

    def add(self, name, passed, failed=0):
        self.passed += passed
        self.failed += failed
        if failed:
            self.failures.append(name)


def odoo_cmd(*args, sub=()):
    """odoo-bin with our config; sub=("db",) or ("shell",) for a subcommand."""
    return [PYTHON, str(ODOO_SRC / "odoo-bin"), *sub, "-c", CONF, *args]


def free_port():
    with contextlib.closing(socket.socket()) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def banner(text):
    print(f"\n=== {text}", flush=True)


def run_linters(tally):
    addons = [m for m in ALL_MODULES if (ROOT / m).is_dir()]
    checks = [
        ("ruff check", [PYTHON, "-m", "ruff", "check", "."]),
        ("ruff format", [PYTHON, "-m", "ruff", "format", "--check", "."]),
        (
            "pylint_odoo",
            [
                PYTHON,
                "-m",
                "pylint",
                "--rcfile=.pylintrc-mandatory",
                "--score=n",
                *addons,
            ],
        ),
        ("oca-checks-odoo-module", [str(Path(PYTHON).parent / "oca-checks-odoo-module"), *addons]),
        (
            "oca-checks-po",
            [
                str(Path(PYTHON).parent / "oca-checks-po"),
                *map(
                    str,
                    sorted(ROOT.glob("cs_*/i18n/*.po")) + sorted(ROOT.glob("cs_*/i18n_extra/*.po")),
                ),
            ],
        ),
    ]
    for name, cmd in checks:
        banner(name)
        rc = subprocess.call(cmd, cwd=ROOT)
        tally.add(name, int(rc == 0), int(rc != 0))


def external_depends():
    """Modules outside the suite that its addons need (the template's content)."""
    import ast

    deps = set()
    for mod in ALL_MODULES:
        manifest = ast.literal_eval((ROOT / mod / "__manifest__.py").read_text())
        deps.update(d for d in manifest.get("depends", []) if d not in ALL_MODULES)
    return sorted(deps)


def template_key(deps):
    """Changes when what the template holds would change."""
    return hashlib.sha256(
        "\n".join(
            [
                ",".join(deps),
                str(ODOO_SRC),
                (ODOO_SRC / "odoo" / "release.py").read_text(),
                *(  # only the addons from PyPI shape the template, not the tools
                    line
                    for line in (ROOT / "requirements.txt").read_text().splitlines()
                    if line.startswith("odoo-addon-")
                ),
            ]
        ).encode()
    ).hexdigest()[:10]


def template_db():
    """Name of a database holding the dependencies, built when missing."""
    deps = external_depends()
    name = f"cs_tmpl_{template_key(deps)}"
    lock_path = ROOT / ".odoo" / "template.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time, others wait for it
        if db_exists(name) and Path(filestore(name)).is_dir():
            return name
        banner(f"building template database {name}: {', '.join(deps)} (once)")
        building = f"{name}_building"
        drop_db(building)
        drop_db(name)
        t0 = time.time()
        rc = subprocess.call(
            odoo_cmd(
                "-d",
                building,
                "-i",
                ",".join(deps),
                "--stop-after-init",
                "--log-level=warn",
                "--http-port",
                str(free_port()),
            )
        )
        if rc:
            raise SystemExit(f"could not build the template database (exit {rc})")
        subprocess.check_call(odoo_cmd("rename", building, name, sub=("db",)))
        print(f"template ready in {time.time() - t0:.0f}s", flush=True)
    return name


def filestore(db):
    import configparser

    cp = configparser.ConfigParser()
    cp.read(CONF)
    return os.path.join(cp["options"]["data_dir"], "filestore", db)


def psql(sql, db="postgres"):
    return subprocess.run(
        ["psql", "-X", "-tAq", "-d", db, "-c", sql], check=False, capture_output=True, text=True
    ).stdout.strip()


def db_exists(name):
    return psql(f"select 1 from pg_database where datname = '{name}'") == "1"


def drop_db(name):
    if db_exists(name):
        subprocess.call(odoo_cmd("drop", name, sub=("db",)), stdout=subprocess.DEVNULL)


def run_repo_checks(tally, template, pytest_args):
    banner("repository checks (pytest tests/)")
    import pytest

    class Counter:
        def __init__(self):
            self.passed = self.failed = 0

        def pytest_runtest_logreport(self, report):
            if report.when == "call" and report.passed:
                self.passed += 1
            elif report.failed:
                self.failed += 1

    counter = Counter()
    os.environ["CS_TEMPLATE_DB"] = template
    rc = pytest.main(
        ["-p", "no:odoo", "-p", "no:cacheprovider", "-q", str(ROOT / "tests"), *pytest_args],
        plugins=[counter],
    )
    failed = counter.failed
    if rc not in (0, 5) and not failed:  # 5: nothing selected
        failed = 1
    tally.add("repository checks", counter.passed, failed)


def run_odoo(cmd):
    """Run odoo-bin, echo its log; return (stats, exit status, logged errors,
    {module: {"run", "failed", "skipped": count}})."""
    stats = None
    logged_errors = 0
    per_module = {}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    for line in proc.stdout:
        sys.stdout.write(line)
        if m := STATS_RE.search(line):
            stats = tuple(int(x) for x in m.groups())
            continue
        if LOG_RE.match(line):
            logged_errors += 1
        if m := TEST_RE.match(line):
            counts = per_module.setdefault(m[1], dict.fromkeys(("run", "failed", "skipped"), 0))
            counts[{"Starting": "run", "skipped": "skipped"}.get(m[2], "failed")] += 1
    return stats, proc.wait(), logged_errors, per_module


def tally_odoo(tally, name, stats, rc, logged_errors):
    if stats is None:
        tally.add(f"{name} (no result: see the log above)", 0, 1)
        return
    failed, errors, total = stats
    bad = failed + errors
    if not bad and (rc or logged_errors):
        bad = 1  # errors logged outside any test, e.g. while installing
    tally.add(name, max(total - failed - errors, 0), bad)


def run_odoo_tests(tally, template, modules, test_tags, keep_db):
    db = f"cs_test_{os.getpid()}"
    banner(f"Odoo tests of {', '.join(modules)} in {db}")
    drop_db(db)
    subprocess.check_call(
        odoo_cmd("duplicate", template, db, sub=("db",)), stdout=subprocess.DEVNULL
    )
    cmd = odoo_cmd(
        "-d",
        db,
        "-i",
        ",".join(modules),
        "--test-enable",
        "--stop-after-init",
        "--http-port",
        str(free_port()),
        "--log-handler=odoo.tests.stats:WARNING",
        "--log-handler=odoo.modules.loading:WARNING",
    )
    if test_tags:
        cmd.append(f"--test-tags={test_tags}")
    try:
        stats, rc, logged_errors, _per_module = run_odoo(cmd)
    finally:
        if not keep_db:
            drop_db(db)
    tally_odoo(tally, "Odoo tests", stats, rc, logged_errors)


def run_upstream_tests(tally, keep_db, reference=False, test_tags=None):
    """The upstream modules' suites in a fresh database holding the addons
    (or, for reference, only what they depend on)."""
    modules = external_depends() if reference else ALL_MODULES
    db = f"cs_upstream_{os.getpid()}"
    tags = test_tags or ",".join(f"/{m}" for m in UPSTREAM)
    banner(
        f"upstream suites {', '.join(UPSTREAM)} in {db}, a fresh database with "
        f"{', '.join(modules)} installed with tests enabled"
    )
    drop_db(db)
    cmd = odoo_cmd(
        "-d",
        db,
        "-i",
        ",".join(modules),
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        "--http-port",
        str(free_port()),
        "--log-handler=odoo.tests.stats:WARNING",
        "--log-handler=odoo.modules.loading:WARNING",
    )
    try:
        stats, rc, logged_errors, per_module = run_odoo(cmd)
    finally:
        if not keep_db:
            drop_db(db)
    print(f"\nupstream suites {'without' if reference else 'with'} cs_*:")
    for module, counts in sorted(per_module.items()):
        print(
            f"  {module:22} {counts['run']:4} run, {counts['failed']:3} failed, "
            f"{counts['skipped']:3} skipped"
        )
    tally_odoo(tally, "upstream suites", stats, rc, logged_errors)


def main():
    parser = argparse.ArgumentParser(prog="setup/test", description=__doc__)
    parser.add_argument("modules", nargs="*", help="only these addons' tests")
    parser.add_argument("-k", dest="keyword", help="repository checks matching (pytest -k)")
    parser.add_argument("--test-tags", help="Odoo --test-tags for the addons' tests")
    parser.add_argument("--no-lint", action="store_true", help="skip the linters")
    parser.add_argument("--keep-db", action="store_true", help="keep the test database")
    parser.add_argument(
        "--upstream",
        action="store_true",
        help=f"only the suites of the modules cs_suite extends ({', '.join(UPSTREAM)}), "
        "with the addons installed",
    )
    parser.add_argument(
        "--reference",
        action="store_true",
        help="with --upstream: the same suites without the addons, to compare counts",
    )
    args = parser.parse_args()
    if args.upstream:
        if args.modules or args.keyword:
            parser.error("--upstream runs the upstream suites only: no modules, no -k")
        tally = Tally()
        t0 = time.time()
        run_upstream_tests(tally, args.keep_db, args.reference, args.test_tags)
        return finish(tally, t0)
    unknown = set(args.modules) - set(ALL_MODULES)
    if unknown:
        parser.error(f"unknown module(s): {', '.join(sorted(unknown))}")

    tally = Tally()
    t0 = time.time()
    if not args.no_lint and not args.modules and not args.keyword:
        run_linters(tally)
    template = template_db()
    pytest_args = []
    if args.keyword:
        pytest_args = ["-k", args.keyword]
    elif args.modules:
        pytest_args = ["-k", " or ".join(args.modules)]
    run_repo_checks(tally, template, pytest_args)
    if not args.keyword:
        modules = args.modules or ALL_MODULES
        tags = args.test_tags or (",".join(f"/{m}" for m in args.modules) if args.modules else "")
        run_odoo_tests(tally, template, modules, tags, args.keep_db)
    return finish(tally, t0)


def finish(tally, t0):
    print(f"\n=== done in {time.time() - t0:.0f}s", flush=True)
    if tally.failures:
        print("failed: " + "; ".join(tally.failures))
    print(f"{tally.passed} passed, {tally.failed} failed", flush=True)
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
