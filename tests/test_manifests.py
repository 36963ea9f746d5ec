"""Every addon is complete: manifest, packaging, readme, icon, translations."""

import re

import pytest

from .conftest import LANGS, MODULES, ROOT, manifest

EXPECTED_DEPENDS = {
    "cs_service_dept": {
        "contacts",
        "sale_management",
        "helpdesk_mgmt",
        "repair",
        "base_tier_validation",
    },
    "cs_credit_rating": {"cs_service_dept"},
    "cs_archive": {"cs_service_dept"},
    "cs_survey": {"cs_service_dept", "survey"},
}


@pytest.mark.parametrize("module", MODULES)
def test_manifest_fields(module):
    data = manifest(module)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", data["version"]), data["version"]
    assert data["license"] in {"LGPL-3", "AGPL-3"}
    assert data["author"] == "cs_suite contributors"
    assert data["installable"] is True
    assert data["name"] and data["summary"]
    assert EXPECTED_DEPENDS[module] <= set(data["depends"])


@pytest.mark.parametrize("module", MODULES)
def test_manifest_files_exist(module):
    data = manifest(module)
    for key in ("data", "demo"):
        for path in data.get(key, []):
            assert (ROOT / module / path).is_file(), f"{module}: {key} file {path} missing"


@pytest.mark.parametrize("module", MODULES)
def test_packaging_and_docs(module):
    pyproject = (ROOT / module / "pyproject.toml").read_text()
    assert 'build-backend = "whool.buildapi"' in pyproject
    assert (ROOT / module / "readme" / "DESCRIPTION.md").read_text().strip()
    assert (ROOT / module / "static" / "description" / "icon.png").stat().st_size > 0
    for lang in LANGS:
        assert (ROOT / module / "i18n" / f"{lang}.po").is_file(), f"{module}: {lang}.po"
    assert (ROOT / module / "i18n" / f"{module}.pot").is_file()


def test_only_the_four_addons_at_top_level():
    """The layout is fixed: the four addons and nothing else that looks like one."""
    addons = {p.parent.name for p in ROOT.glob("*/__manifest__.py")}
    assert addons == set(MODULES)
