# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import binascii
import codecs
import logging
import quopri
import re

from odoo import api, models

from .cs_intake_mixin import cs_auto_submitted_reason

_logger = logging.getLogger(__name__)

# Charsets mails declare and the supersets that read them: a mail "in GB2312"
# often holds GBK characters (朱镕基), one "in Big5" HKSCS ones.
CHARSET_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "euc-cn": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
}
# What a text part in an unknown charset is tried as, in turn.
FALLBACK_CHARSETS = ("utf-8", "gb18030", "big5hkscs")
ENCODED_WORD = re.compile(r"=\?([^?*]+)(?:\*[^?]*)?\?([bq])\?([^?]*)\?=", re.IGNORECASE)
FOLDING = re.compile(r"\r?\n(?=[ \t])")
DECODED_HEADERS = ("Subject", "From", "Cc")


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def message_parse(self, message, save_original=False):
        self._cs_repair_charsets(message)
        return super().message_parse(message, save_original=save_original)

    @api.model
    def message_route(self, message, message_dict, model=None, thread_id=None, custom_values=None):
        """Mails no person wrote and mails to several ticket aliases: the models
        of the intake (``cs.intake.mixin``) decide their routes."""
        routes = super().message_route(
            message, message_dict, model=model, thread_id=thread_id, custom_values=custom_values
        )
        if not any(self._cs_is_intake(route) for route in routes):
            return routes
        reason = cs_auto_submitted_reason(message)
        kept = []
        for route in routes:
            if reason and self._cs_is_intake(route):
                route = self.env[route[0]]._cs_route_auto_submitted(route, message_dict, reason)
            if route:
                kept.append(route)
        new_routes = [route for route in kept if self._cs_is_intake(route) and not route[1]]
        if len(new_routes) < 2:
            return kept
        chosen = self.env[new_routes[0][0]]._cs_route_one_new(new_routes, message_dict)
        return [route for route in kept if route not in new_routes or route is chosen]

    @api.model
    def _cs_is_intake(self, route):
        return route[0] in self.env and hasattr(self.env[route[0]], "_cs_route_auto_submitted")

    @api.model
    def _cs_repair_charsets(self, message):
        """Read Chinese charsets with their supersets, and text in an unknown
        charset as the first charset that decodes it (else UTF-8 with
        replacement characters), instead of failing on the whole mail."""
        for name, value in list(message.raw_items()):
            if name.title() not in DECODED_HEADERS:
                continue
            charsets = {word[0].lower() for word in ENCODED_WORD.findall(str(value))}
            if charsets & set(CHARSET_SUPERSETS):
                message.replace_header(name, self._cs_recode_header(str(value)))
        for part in message.walk():
            charset = part.get_content_maintype() == "text" and part.get_param("charset")
            if not charset:
                continue
            charset = str(charset).lower()
            if charset in CHARSET_SUPERSETS:
                part.set_param("charset", CHARSET_SUPERSETS[charset])
                continue
            try:
                codecs.lookup(charset)
            except LookupError:
                payload = part.get_payload(decode=True) or b""
                read_as = next(
                    (cs for cs in FALLBACK_CHARSETS if self._cs_decodes(payload, cs)), "utf-8"
                )
                _logger.warning(
                    "Mail %s from %s: unknown charset %r, text read as %s.",
                    message.get("Message-Id"),
                    message.get("From"),
                    charset,
                    read_as,
                )
                part.set_param("charset", read_as)

    @staticmethod
    def _cs_decodes(payload, charset):
        try:
            payload.decode(charset)
        except UnicodeDecodeError:
            return False
        return True

    @staticmethod
    def _cs_recode_header(value):
        """``value`` with its encoded words in a Chinese charset re-encoded from
        the charset's superset to UTF-8: addresses keep their structure (a
        display name with a comma stays one name)."""

        def recode(match):
            charset, encoding, text = match.groups()
            superset = CHARSET_SUPERSETS.get(charset.lower())
            if not superset:
                return match.group(0)
            try:
                if encoding.lower() == "b":
                    raw = base64.b64decode(text + "=" * (-len(text) % 4))
                else:
                    raw = quopri.decodestring(text.encode(), header=True)
            except (binascii.Error, ValueError):
                return match.group(0)  # Python's parser replaces what it cannot read
            utf8 = raw.decode(superset, errors="replace").encode()
            return f"=?utf-8?b?{base64.b64encode(utf8).decode()}?="

        return ENCODED_WORD.sub(recode, FOLDING.sub(" ", value))
