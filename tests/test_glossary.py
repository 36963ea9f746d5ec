"""Translations follow the shared glossary in i18n/glossary.csv.

Where a msgid holds a glossary term (whole words, plural "s" allowed, longest
term first so "general manager" is not read as "manager"), its translation in
each language holds the glossary's word for it (one of them, when the glossary
gives a noun and its verb as "档案|归档").
"""

import csv
import re

import polib
import pytest

from .conftest import LANGS, MODULES, ROOT


def glossary():
    with open(ROOT / "i18n" / "glossary.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows.sort(key=lambda r: -len(r["en"]))
    return [(re.compile(rf"\b{re.escape(r['en'])}s?\b", re.IGNORECASE), r) for r in rows]


def test_glossary_is_complete():
    rows = [r for _, r in glossary()]
    assert len(rows) >= 20
    for row in rows:
        for lang in LANGS:
            assert row[lang].strip(), f"{row['en']}: no {lang}"
    assert len({r["en"] for r in rows}) == len(rows), "a term is listed twice"


def term_violations(po, lang):
    terms = glossary()
    violations = []
    for entry in po:
        if not entry.msgstr or entry.obsolete:
            continue
        text = entry.msgid
        for pattern, row in terms:
            if pattern.search(text):
                text = pattern.sub(" ", text)  # a longer term claims its words
                # "a|b": either word (a noun and its verb: 档案|归档)
                if not any(word in entry.msgstr for word in row[lang].split("|")):
                    violations.append(f"{entry.msgid!r} -> {entry.msgstr!r}: {row[lang]}")
    return violations


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("module", MODULES)
def test_translations_follow_glossary(module, lang):
    po = polib.pofile(str(ROOT / module / "i18n" / f"{lang}.po"))
    violations = term_violations(po, lang)
    assert not violations, f"{module} {lang}: " + "; ".join(violations[:15])


def test_glossary_check_catches_a_wrong_term():
    """The check itself fails on a translation that ignores the glossary."""
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Customer complaints", msgstr="顾客抱怨"))
    po.append(polib.POEntry(msgid="General Manager", msgstr="总经理"))
    violations = term_violations(po, "zh_CN")
    assert len(violations) == 2  # 客户 and 投诉 missing; 总经理 is right


def extra_po_files():
    """Translations the suite ships for other addons (i18n_extra)."""
    return sorted(ROOT.glob("cs_*/i18n_extra/*.po"))


def test_extra_po_files_exist():
    names = {p.relative_to(ROOT).as_posix() for p in extra_po_files()}
    for lang in LANGS:
        assert f"cs_service_dept/i18n_extra/{lang}.po" in names


@pytest.mark.parametrize("path", extra_po_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_extra_translations_follow_glossary(path):
    po = polib.pofile(str(path))
    violations = term_violations(po, path.stem)
    assert not violations, f"{path.name}: " + "; ".join(violations[:15])
