# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Telephone numbers of mainland China in one comparable form.

Mobile numbers become their 11 digits (``13800000101``), landlines their area
code with the trunk zero and the local number (``02155550101``), whatever the
caller or the customer file wrote: ``+86``, ``0086`` or ``86`` in front, spaces,
dashes, dots, brackets. Other countries' numbers keep ``+`` and their digits.
"""

import re

# An extension after the number: "转 12", "ext. 12", "x12", "#12".
EXTENSION = re.compile(r"(?:转|分机|ext\.?|x|#).*$", re.IGNORECASE)
NON_DIGIT = re.compile(r"\D")


def cs_normalize_phone(number):
    """The comparable form of a telephone number, or False when it has no digits."""
    if not number:
        return False
    text = EXTENSION.sub("", number.strip())
    international = text.startswith("+")
    digits = NON_DIGIT.sub("", text)
    if digits.startswith("00"):
        international, digits = True, digits[2:]
    if international or (digits.startswith("86") and len(digits) in (12, 13)):
        if not digits.startswith("86"):
            return digits and "+" + digits
        digits = digits[2:]
        if not (digits.startswith("1") and len(digits) == 11) and not digits.startswith("0"):
            # a landline written internationally drops the trunk zero: +86 21 ...
            digits = "0" + digits
    return digits or False
