"""Run every check of cs_suite; called by setup/test inside .venv.

Steps, each counted in the closing line "N passed, M failed":
1. linters: ruff, ruff format, pylint_odoo's mandatory checks (one check each);
2. repository checks: pytest on tests/ (manifests, translations, glossary,
   each addon installing and uninstalling alone);
3. the addons' own Odoo tests, on a throw-away copy of a template database that
   holds the addons' dependencies (built once, then reused while its inputs match).

With --upstream: the suites of the Odoo and OCA modules the addons extend
(UPSTREAM), in a fresh database as in a company's Odoo into which the addons are
installed (see run_upstream_tests); --test-tags then takes /module[:Class[.method]]
specs. With --upstream --reference the same suites run without the addons, to
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
# Odoo logs a module's failing demo data as a warning and installs it without:
# the tests would then run on no demo at all and pass. It counts as an error.
DEMO_FAILED_RE = re.compile(r"odoo\.modules\.loading: Module \w+ demo data failed to install")
LOG_LINE_RE = re.compile(r"^\d{4}-\d\d-\d\d \S+ \d+ [A-Z]+ ")
TEST_RE = re.compile(
    r"^\S+ \S+ \d+ \w+ \S+ odoo\.addons\.(\w+)\.tests\.\S*: (Starting|FAIL:|ERROR:|skipped) (\S+)"
)
# The Odoo and OCA modules cs_suite extends, whose own suites must still pass.
UPSTREAM = [
    "helpdesk_mgmt",
    "helpdesk_mgmt_sla",
    "helpdesk_mgmt_merge",
    "base_tier_validation",
    "sale",
    "repair",
    "survey",
    "im_livechat",
]


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
    # The lock lives beside the filestores, which every clone on this machine shares
    # with the database server: one build at a time, other clones wait for it.
    lock_path = Path(filestore(name)).parent.parent / "template.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
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


def run_odoo(cmd, stdin=None):
    """Run odoo-bin (``stdin`` is fed to it), echo its log; return (stats,
    exit status, logged errors, {module: {"run", "failed", "skipped": count}},
    the lines printed outside the log)."""
    stats = None
    logged_errors = 0
    per_module = {}
    printed = []
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.PIPE if stdin is not None else None,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    for line in proc.stdout:
        sys.stdout.write(line)
        if m := STATS_RE.search(line):
            stats = tuple(int(x) for x in m.groups())
            continue
        if LOG_RE.match(line) or DEMO_FAILED_RE.search(line):
            logged_errors += 1
        if m := TEST_RE.match(line):
            counts = per_module.setdefault(m[1], dict.fromkeys(("run", "failed", "skipped"), 0))
            counts[{"Starting": "run", "skipped": "skipped"}.get(m[2], "failed")] += 1
        elif not LOG_LINE_RE.match(line):
            printed.append(line.strip())
    return stats, proc.wait(), logged_errors, per_module, printed


def tally_odoo(tally, name, stats, rc, logged_errors):
    if stats is None:
        tally.add(f"{name} (no result: see the log above)", 0, 1)
        return
    failed, errors, total = stats
    bad = failed + errors
    if not bad and (rc or logged_errors):
        bad = 1  # errors logged outside any test, e.g. while installing
    tally.add(name, max(total - failed - errors, 0), bad)


def test_args(db):
    """odoo-bin options to run tests in ``db`` and stop."""
    return (
        "-d",
        db,
        "--test-enable",
        "--stop-after-init",
        "--http-port",
        str(free_port()),
        "--log-handler=odoo.tests.stats:WARNING",
        "--log-handler=odoo.modules.loading:WARNING",
    )


def run_odoo_tests(tally, template, modules, test_tags, keep_db):
    db = f"cs_test_{os.getpid()}"
    banner(f"Odoo tests of {', '.join(modules)} in {db}")
    drop_db(db)
    subprocess.check_call(
        odoo_cmd("duplicate", template, db, sub=("db",)), stdout=subprocess.DEVNULL
    )
    cmd = odoo_cmd(*test_args(db), "-i", ",".join(modules))
    if test_tags:
        cmd.append(f"--test-tags={test_tags}")
    try:
        stats, rc, logged_errors, _per_module, _printed = run_odoo(cmd)
    finally:
        if not keep_db:
            drop_db(db)
    tally_odoo(tally, "Odoo tests", stats, rc, logged_errors)


# Installs the addons into an Odoo that already runs their dependencies, as a
# company does: without the addons' demo data (Odoo would give it to them since
# their dependencies have theirs), with tests enabled. Test mode is set here, not
# on the shell's command line: loading the registry the shell starts with would
# run every loaded module's at_install tests. Only the addons count as installing.
INSTALL_WITHOUT_DEMO = """
import odoo
Module = env["ir.module.module"]
Module.search([("name", "in", {modules!r})]).button_install()
Module.search([("state", "=", "to install")]).write({{"demo": False}})
env.cr.commit()
odoo.tools.config["init"] = dict.fromkeys({modules!r}, 1)
odoo.tools.config["test_enable"] = True
odoo.tools.config["test_tags"] = {test_tags!r}
odoo.modules.registry.Registry.new(env.cr.dbname, update_module=True)
env.invalidate_all()
print("INSTALLED", Module.search_count([("name", "in", {modules!r}), ("state", "=", "installed")]))
"""


def run_upstream_tests(tally, keep_db, reference=False, test_tags=None):
    """The upstream modules' suites in a fresh database, as in a company's Odoo
    into which the addons are installed (with --reference, never installed):

    1. the addons' dependencies, with their demo data and their at_install tests;
    2. the four addons, without their demo data, with tests enabled;
    3. the upstream modules' post_install tests, the addons now installed.
    """
    db = f"cs_upstream_{os.getpid()}"
    tags = test_tags or ",".join(f"/{m}" for m in UPSTREAM)
    # Each step runs only its kind: without -i, Odoo would run the at_install
    # tests again, each while its module loads, before the modules after it.
    at_install = ",".join(f"at_install{t}" for t in tags.split(","))
    post_install = ",".join(f"post_install{t}" for t in tags.split(","))
    banner(
        f"upstream suites {', '.join(UPSTREAM)} in {db}, a fresh database "
        + ("without cs_*" if reference else "into which cs_* is installed")
    )
    drop_db(db)
    common = test_args(db)
    steps = [
        (
            "their dependencies and at_install tests",
            odoo_cmd(*common, "-i", ",".join(external_depends()), f"--test-tags={at_install}"),
            None,
        ),
    ]
    if not reference:
        steps.append(
            (
                "cs_* installed",
                odoo_cmd("-d", db, "--no-http", sub=("shell",)),
                INSTALL_WITHOUT_DEMO.format(modules=ALL_MODULES, test_tags=at_install),
            )
        )
    steps.append(("post_install tests", odoo_cmd(*common, f"--test-tags={post_install}"), None))
    totals = [0, 0, 0]
    any_rc, any_logged = 0, 0
    per_module = {}
    try:
        for name, cmd, stdin in steps:
            banner(f"upstream suites: {name}")
            stats, rc, logged_errors, counts, printed = run_odoo(cmd, stdin)
            if stdin is not None:  # the shell prints no test result
                stats = (0, 0, 0) if f"INSTALLED {len(ALL_MODULES)}" in printed else None
            elif stats is None and rc == 0 and not logged_errors:
                stats = (0, 0, 0)  # no test selected in this step
            if stats is None:  # nothing to go on with
                tally_odoo(tally, f"upstream suites: {name}", stats, rc, logged_errors)
                return
            totals = [a + b for a, b in zip(totals, stats, strict=True)]
            any_rc, any_logged = any_rc or rc, any_logged + logged_errors
            for module, module_counts in counts.items():
                mine = per_module.setdefault(module, dict.fromkeys(module_counts, 0))
                for key, value in module_counts.items():
                    mine[key] += value
    finally:
        if not keep_db:
            drop_db(db)
    print(f"\nupstream suites {'without' if reference else 'with'} cs_*:")
    for module, counts in sorted(per_module.items()):
        print(
            f"  {module:22} {counts['run']:4} run, {counts['failed']:3} failed, "
            f"{counts['skipped']:3} skipped"
        )
    tally_odoo(tally, "upstream suites", tuple(totals), any_rc, any_logged)


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
    # Chosen test classes (--test-tags) are a developer's quick loop: the
    # repository checks (each addon installed alone, twice) belong to full runs.
    if not args.test_tags:
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
