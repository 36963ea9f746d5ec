"""Repository-level checks of cs_suite, run by setup/test with pytest."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MODULES = ["cs_service_dept", "cs_credit_rating", "cs_archive", "cs_survey"]
LANGS = ["zh_CN", "zh_TW"]


def manifest(module):
    return ast.literal_eval((ROOT / module / "__manifest__.py").read_text())


def odoo_cmd(*args, sub=()):
    """odoo-bin with the config setup/ wrote; only when run by setup/test.

    sub=("db",) or ("shell",) for a subcommand, which goes before the options.
    """
    conf = os.environ.get("CS_CONF")
    src = os.environ.get("ODOO_SRC")
    if not conf or not src:
        pytest.skip("needs setup/test (CS_CONF, ODOO_SRC)")
    return [sys.executable, str(Path(src) / "odoo-bin"), *sub, "-c", conf, *args]


def run_odoo(*args, stdin=None, sub=()):
    proc = subprocess.run(
        odoo_cmd(*args, sub=sub), input=stdin, capture_output=True, text=True, check=False
    )
    return proc.returncode, proc.stdout + proc.stderr
