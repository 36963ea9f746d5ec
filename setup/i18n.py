"""Export .pot files and keep the zh_CN / zh_TW .po files in step: see setup/i18n."""

import fcntl
import json
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run_tests

ROOT = run_tests.ROOT
LANGS = {"zh_CN": "Chinese (Simplified) / 简体中文", "zh_TW": "Chinese (Traditional) / 繁體中文"}


@contextmanager
def po_lock():
    """One writer of the .po files at a time (parallel contributors)."""
    with open(ROOT / ".odoo" / "i18n.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def po_path(module, lang):
    return ROOT / module / "i18n" / f"{lang}.po"


def load_po(module, lang):
    path = po_path(module, lang)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=78)
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": "Odoo Server 18.0",
        "Last-Translator": "cs_suite contributors",
        "Language-Team": LANGS[lang],
        "Language": lang,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "",
        "Plural-Forms": "",
    }
    return po


def save_po(po, path):
    """Save in the form oca-checks-po wants: entries sorted by msgid."""
    po.sort(key=lambda entry: entry.msgid)
    po.save(str(path))


def export(modules):
    template = run_tests.template_db()
    db = f"cs_i18n_{os.getpid()}"
    run_tests.drop_db(db)
    subprocess.check_call(run_tests.odoo_cmd("duplicate", template, db, sub=("db",)))
    try:
        subprocess.check_call(
            run_tests.odoo_cmd(
                "-d",
                db,
                "-i",
                ",".join(modules),
                "--stop-after-init",
                "--no-http",
                "--log-level=warn",
            )
        )
        # Odoo installs a module whose demo data fails without it: its demo
        # records' terms would silently leave the .po files.
        no_demo = run_tests.psql(
            "select string_agg(name, ', ') from ir_module_module "
            f"where name in ({', '.join(repr(m) for m in modules)}) and not demo",
            db=db,
        )
        if no_demo:
            sys.exit(f"demo data of {no_demo} failed to install (see the log): nothing exported")
        for module in modules:
            pot_file = ROOT / module / "i18n" / f"{module}.pot"
            pot_file.parent.mkdir(exist_ok=True)
            with tempfile.NamedTemporaryFile(suffix=".pot") as tmp:
                subprocess.check_call(
                    run_tests.odoo_cmd(
                        "-d",
                        db,
                        f"--i18n-export={tmp.name}",
                        f"--modules={module}",
                        "--stop-after-init",
                        "--no-http",
                        "--log-level=warn",
                    )
                )
                pot = polib.pofile(tmp.name, wrapwidth=78)
            pot.save(str(pot_file))
            with po_lock():
                for lang in LANGS:
                    po = load_po(module, lang)
                    po.merge(pot)
                    for entry in [e for e in po if e.obsolete]:
                        po.remove(entry)
                    for entry in po:
                        if "fuzzy" in entry.flags:  # merge guesses: translate again
                            entry.flags.remove("fuzzy")
                            entry.msgstr = ""
                            entry.previous_msgid = None
                    save_po(po, po_path(module, lang))
            print(f"{module}: {len(pot)} msgids")
    finally:
        run_tests.drop_db(db)


def apply(json_file):
    rows = json.loads(Path(json_file).read_text(encoding="utf-8"))
    by_msgid = {row["msgid"]: row for row in rows}
    done = set()
    with po_lock():
        for module in run_tests.ALL_MODULES:
            for lang in LANGS:
                path = po_path(module, lang)
                if not path.exists():
                    continue
                po = polib.pofile(str(path), wrapwidth=78)
                for entry in po:
                    row = by_msgid.get(entry.msgid)
                    if row and row.get(lang):
                        entry.msgstr = row[lang]
                        done.add(entry.msgid)
                save_po(po, path)
    unused = set(by_msgid) - done
    print(f"applied {len(done)} msgids; {len(unused)} not found in any .po")
    for msgid in sorted(unused):
        print(f"  not found: {msgid!r}")


def missing(modules):
    for module in modules:
        for lang in LANGS:
            path = po_path(module, lang)
            if not path.exists():
                print(f"{module} {lang}: no .po")
                continue
            for entry in polib.pofile(str(path)):
                if not entry.msgstr:
                    print(f"{module} {lang}: {entry.msgid!r}")


def main():
    verb, *args = sys.argv[1:]
    if verb == "export":
        export(args or run_tests.ALL_MODULES)
    elif verb == "apply":
        apply(*args)
    elif verb == "missing":
        missing(args or run_tests.ALL_MODULES)
    else:
        raise SystemExit(f"unknown verb {verb!r}: see setup/i18n --help")


if __name__ == "__main__":
    main()
