"""Every .po parses and translates every msgid of its module's .pot."""

import polib
import pytest

from .conftest import LANGS, MODULES, ROOT


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", MODULES)
def test_po_covers_pot(module, lang):
    pot = polib.pofile(str(ROOT / module / "i18n" / f"{module}.pot"))
    po = polib.pofile(str(ROOT / module / "i18n" / f"{lang}.po"))
    translated = {(e.msgctxt, e.msgid) for e in po if e.msgstr and not e.obsolete}
    missing = [e.msgid for e in pot if (e.msgctxt, e.msgid) not in translated]
    assert not missing, f"{module} {lang}.po lacks {len(missing)}: {missing[:10]}"
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert not fuzzy, f"{module} {lang}.po has fuzzy entries: {fuzzy[:10]}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", MODULES)
def test_po_language_header(module, lang):
    po = polib.pofile(str(ROOT / module / "i18n" / f"{lang}.po"))
    assert po.metadata.get("Language") == lang


EXTRA_PO = sorted(ROOT.glob("cs_*/i18n_extra/*.po"))


@pytest.mark.parametrize("path", EXTRA_PO, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_extra_po_parses_with_language_header(path):
    """i18n_extra/<lang>.po: a known language, its header, translated entries."""
    assert path.stem in LANGS, f"{path.name}: not one of {LANGS}"
    po = polib.pofile(str(path))
    assert po.metadata.get("Language") == path.stem
    assert len(po.translated_entries()) > 0
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert not fuzzy, f"{path.name} has fuzzy entries: {fuzzy[:10]}"
    # model terms apply by xmlid: every entry names the module it translates
    unreferenced = [e.msgid for e in po if not e.occurrences]
    assert not unreferenced, f"{path.name}: entries without references: {unreferenced[:10]}"
