"""Each addon installs and uninstalls cleanly alone, each in its own database."""

import ast
import os
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from .conftest import MODULES, ROOT, run_odoo

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


CHART = """
env.company.country_id = env.ref("base.cn")
env.cr.commit()
"""
GRADES = """
print("CHART", env.company.chart_template)
for code, grade in {story!r}:
    partner = env.ref(f"cs_credit_rating.res_partner_{{code}}_demo")
    print("GRADE", code, partner.cs_credit_grade, grade)
    print("FIGURES", code, partner.cs_credit_evaluation_id.figures)
"""


def demo_story():
    """The demo customers and their grades, as cs_credit_rating's demo test has them
    (read from its source: importing a test module outside tests is an error)."""
    tree = ast.parse((ROOT / "cs_credit_rating/tests/test_demo.py").read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and node.targets[0].id == "STORY":
            return ast.literal_eval(node.value)
    raise AssertionError("cs_credit_rating/tests/test_demo.py has no STORY")


def test_demo_installs_on_the_chinese_chart():
    """A company in China keeps its books on l10n_cn's chart of accounts,
    installed before the suite: the demo data must not rely on the generic
    chart's accounts, and the demo customers get the grades of their story."""
    if not os.environ.get("CS_TEMPLATE_DB"):
        pytest.skip("needs setup/test (CS_TEMPLATE_DB)")
    db = f"cs_l10n_cn_{os.getpid()}"
    outs = []
    try:
        for args, stdin, sub in (
            (("-i", "base"), None, ()),
            ((), CHART, ("shell",)),
            (("-i", "l10n_cn"), None, ()),
            (("-i", ",".join(MODULES)), None, ()),
            ((), GRADES.format(story=demo_story()), ("shell",)),
        ):
            if not sub:
                args = (*args, "--stop-after-init")
            rc, out = run_odoo("-d", db, "--no-http", *args, stdin=stdin, sub=sub)
            assert rc == 0, f"{args or sub}: exited {rc}\n{out[-3000:]}"
            errors = [m.group(0) for m in ERROR_LINE.finditer(out)]
            assert not errors, f"{args or sub}: logged errors\n" + "\n".join(errors)
            outs.append(out)
    finally:
        run_odoo("drop", db, sub=("db",))
    story = outs[-1]
    assert "CHART cn" in story, story[-2000:]
    grades = re.findall(r"^GRADE (\w+) (\w+) (\w+)$", story, re.MULTILINE)
    assert grades, story[-2000:]
    for code, grade, expected in grades:
        figures = re.search(rf"^FIGURES {code} (.*)$", story, re.MULTILINE)
        assert grade == expected, (
            f"{code}: graded {grade}, the story says {expected}; figures {figures[1]}"
        )
