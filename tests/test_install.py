"""Each addon installs and uninstalls cleanly alone, each in its own database."""

import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import MODULES, run_odoo

ERROR_LINE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) .*$", re.MULTILINE)
UNINSTALL = """
module = env["ir.module.module"].search([("name", "=", "{module}")])
module.button_immediate_uninstall()
env.cr.commit()
print("STATE", env["ir.module.module"].search([("name", "=", "{module}")]).state)
"""
STATE = """
print("STATE", env["ir.module.module"].search([("name", "=", "{module}")]).state)
"""


def install_then_uninstall(module):
    template = os.environ.get("CS_TEMPLATE_DB")
    if not template:
        pytest.skip("needs setup/test (CS_TEMPLATE_DB)")
    db = f"cs_alone_{module}_{os.getpid()}"
    steps = {}
    try:
        rc, out = run_odoo("duplicate", "--force", template, db, sub=("db",))
        steps["duplicate"] = (rc, out)
        rc, out = run_odoo("-d", db, "-i", module, "--stop-after-init", "--no-http")
        steps["install"] = (rc, out)
        rc, out = run_odoo("-d", db, "--no-http", stdin=STATE.format(module=module), sub=("shell",))
        steps["installed"] = (rc, out)
        rc, out = run_odoo(
            "-d", db, "--no-http", stdin=UNINSTALL.format(module=module), sub=("shell",)
        )
        steps["uninstall"] = (rc, out)
    finally:
        run_odoo("drop", db, sub=("db",))
    return steps


@pytest.fixture(scope="session")
def alone(request):
    """Install and uninstall every selected addon, two at a time."""
    selected = [
        item.callspec.params["module"]
        for item in request.session.items
        if item.originalname == "test_installs_and_uninstalls_alone"
    ]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(selected, pool.map(install_then_uninstall, selected), strict=True))


@pytest.mark.parametrize("module", MODULES)
def test_installs_and_uninstalls_alone(module, alone):
    steps = alone[module]
    for step, (rc, out) in steps.items():
        assert rc == 0, f"{module}: {step} exited {rc}\n{out[-3000:]}"
        errors = [m.group(0) for m in ERROR_LINE.finditer(out)]
        assert not errors, f"{module}: {step} logged errors\n" + "\n".join(errors)
    assert "STATE installed" in steps["installed"][1]
    assert "STATE uninstalled" in steps["uninstall"][1]
