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
