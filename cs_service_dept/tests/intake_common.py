# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import quopri
from itertools import count

from .ticket_common import CsTicketCommon

SEQUENCE = count(1)


def encoded_word(text, charset, encoding="B", codec=None):
    """An RFC 2047 encoded word of ``text`` in ``charset`` (encoded with
    ``codec``: a mailer may call GBK "gb2312")."""
    raw = text.encode(codec or charset)
    if encoding == "B":
        return f"=?{charset}?B?{base64.b64encode(raw).decode()}?="
    quoted = quopri.encodestring(raw, header=True).decode().replace("=\n", "")
    return f"=?{charset}?Q?{quoted}?="


def encode_body(payload, transfer_encoding):
    if transfer_encoding == "base64":
        return base64.encodebytes(payload)
    if transfer_encoding == "quoted-printable":
        return quopri.encodestring(payload)
    return payload


class CsIntakeCommon(CsTicketCommon):
    """A mail gateway (alias domain cs.example.com) with a service team and a
    complaints team, and RFC 822 messages built byte by byte."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.alias_domain = cls.env["mail.alias.domain"].create(
            {
                "name": "cs.example.com",
                "catchall_alias": "catchall",
                "bounce_alias": "bounce",
                "sequence": 1,
            }
        )
        cls.env.company.alias_domain_id = cls.alias_domain
        Team = cls.env["helpdesk.ticket.team"]
        cls.team_service = Team.create(
            {
                "name": "Service (test)",
                "alias_name": "cs-service",
                "alias_domain_id": cls.alias_domain.id,
                "user_ids": [(6, 0, cls.specialist.ids)],
            }
        )
        cls.team_complaints = Team.create(
            {
                "name": "Complaints (test)",
                "alias_name": "cs-complaints",
                "alias_domain_id": cls.alias_domain.id,
                "user_ids": [(6, 0, cls.specialist_2.ids)],
            }
        )
        cls.team_complaints.alias_defaults = str(
            {"team_id": cls.team_complaints.id, "cs_request_type": "complaint"}
        )
        cls.service_address = "cs-service@cs.example.com"
        cls.complaints_address = "cs-complaints@cs.example.com"

    @staticmethod
    def new_message_id():
        return f"<cs-intake-{next(SEQUENCE)}@mail.example.net>"

    def build_mail(
        self,
        subject="Question",
        body="Hello",
        charset="utf-8",
        codec=None,
        transfer_encoding="base64",
        subject_encoding="B",
        subtype="plain",
        email_from='"华美贸易" <huamei@example.com>',
        to=None,
        cc="",
        headers=(),
        message_id=None,
        in_reply_to=None,
    ):
        """The bytes of a one-part mail: the subject an RFC 2047 encoded word
        (``subject_encoding`` None: raw UTF-8), the body in ``charset`` (encoded
        with ``codec``, by default the charset) and ``transfer_encoding``."""
        self.last_message_id = message_id or self.new_message_id()
        if subject_encoding:
            subject = encoded_word(subject, charset, subject_encoding, codec)
        lines = [
            "Return-Path: <bounces@mail.example.net>",
            f"From: {email_from}",
            f"To: {to or self.service_address}",
        ]
        if cc:
            lines.append(f"Cc: {cc}")
        lines += [
            f"Subject: {subject}",
            "Date: Fri, 04 Dec 2026 10:00:00 +0800",
            f"Message-ID: {self.last_message_id}",
        ]
        if in_reply_to:
            lines += [f"In-Reply-To: {in_reply_to}", f"References: {in_reply_to}"]
        lines += list(headers)
        lines += [
            "MIME-Version: 1.0",
            f'Content-Type: text/{subtype}; charset="{charset}"',
            f"Content-Transfer-Encoding: {transfer_encoding}",
        ]
        payload = body if isinstance(body, bytes) else body.encode(codec or charset)
        head = "\r\n".join(lines).encode()
        return head + b"\r\n\r\n" + encode_body(payload, transfer_encoding)

    def process(self, raw, **kw):
        """Feed a mail to the gateway as the fetchmail cron does (superuser)."""
        return self.env["mail.thread"].sudo().message_process(None, raw, **kw)

    def tickets_from(self, address):
        return self.env["helpdesk.ticket"].search(
            [("message_ids.email_from", "ilike", address)], order="id"
        )
