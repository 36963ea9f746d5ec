# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Tokens to match tickets with knowledge articles, Chinese included.

Chinese is written without spaces: a run of CJK characters is cut into
overlapping character bigrams (如何申请退货 -> 如何 何申 申请 请退 退货), so two
texts sharing a word share its bigrams. Other scripts are split on non-word
characters and lower-cased; words shorter than 2 letters are dropped.
"""

import re

from odoo.tools import html2plaintext

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{_CJK}]+")
WORD = re.compile(rf"[^\W{_CJK}_]{{2,}}")


def cs_tokenize(text, is_html=False):
    """Return the set of tokens of ``text`` (see module docstring)."""
    if not text:
        return set()
    if is_html:
        text = html2plaintext(text)
    tokens = {word.lower() for word in WORD.findall(text)}
    for run in CJK_RUN.findall(text):
        if len(run) == 1:
            tokens.add(run)
        tokens.update(run[i : i + 2] for i in range(len(run) - 1))
    return tokens
