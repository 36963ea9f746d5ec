# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Requests by WeChat (微信): the Official Account (公众号) and WeCom customer
service (企业微信 微信客服).

The platforms call ``controllers/wechat.py``, which hands the raw callback to
this model as superuser once the company is known. The Official Account
callback carries the customer's message; the WeCom callback carries only an
event token, and the messages are pulled with ``kf/sync_msg``. Either way the
sender is mapped to a contact (``res.partner`` keeps the open id / external
user id), the message id is recorded once (``cs.wechat.message``: a replayed
callback changes nothing) and the customer's open WeChat ticket is updated,
else a ticket is opened. Replies go back through ``_cs_wechat_send``
(``cs.wechat.mixin`` on the ticket decides when).
"""

import binascii
import json
import logging
import struct
from datetime import UTC, datetime, timedelta
from xml.parsers.expat import ExpatError

import requests
import xmltodict
from wechatpy import parse_message
from wechatpy.crypto import WeChatCrypto
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto
from wechatpy.events import BaseEvent
from wechatpy.utils import check_signature

from odoo import Command, api, fields, models
from odoo.tools import plaintext2html

_logger = logging.getLogger(__name__)

MP_API = "https://api.weixin.qq.com/cgi-bin"
WECOM_API = "https://qyapi.weixin.qq.com/cgi-bin"
TIMEOUT = 10
# The platforms accept customer service messages this long after the
# customer's last message.
REPLY_WINDOW = timedelta(hours=48)
# kf/sync_msg: origin of the messages the WeChat customer sent (4: system
# events, 5: our own staff's messages).
WECOM_ORIGIN_CUSTOMER = 3
SYNC_PAGES = 10
# errcodes of an expired or revoked access token: fetch another one, once
TOKEN_ERRORS = (40001, 40014, 42001)
# The contact's field holding the sender's id, per platform.
SENDER_FIELDS = {"mp": "cs_wechat_openid", "wecom": "cs_wecom_external_userid"}
# What a callback that cannot be decrypted or parsed raises.
BAD_PAYLOAD = (
    ExpatError,
    KeyError,
    TypeError,
    ValueError,
    AttributeError,
    struct.error,
    binascii.Error,
)


class CsWechatApiError(Exception):
    """A WeChat API call failed: the platform's errcode and errmsg."""

    def __init__(self, errcode, errmsg):
        super().__init__(f"{errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg


class CsWechat(models.AbstractModel):
    _name = "cs.wechat"
    _description = "WeChat Intake"

    # ------------------------------------------------------------ callbacks

    @api.model
    def _cs_mp_crypto(self, company):
        return WeChatCrypto(
            company.cs_wechat_mp_token, company.cs_wechat_mp_aes_key, company.cs_wechat_mp_app_id
        )

    @api.model
    def _cs_wecom_crypto(self, company):
        return WeComCrypto(
            company.cs_wecom_token, company.cs_wecom_aes_key, company.cs_wecom_corp_id
        )

    @api.model
    def _cs_mp_verify(self, company, params):
        """The Official Account checks the server URL: the echostr back when the
        signature is right (raises ``InvalidSignatureException`` otherwise)."""
        check_signature(
            company.cs_wechat_mp_token,
            params.get("signature") or "",
            params.get("timestamp") or "",
            params.get("nonce") or "",
        )
        return params.get("echostr") or ""

    @api.model
    def _cs_mp_receive(self, company, body, params):
        """A message posted to the Official Account (safe mode, AES): verify,
        decrypt, parse, then open or update the ticket."""
        xml = self._cs_mp_crypto(company).decrypt_message(
            body,
            params.get("msg_signature") or "",
            params.get("timestamp") or "",
            params.get("nonce") or "",
        )
        message = parse_message(xml)
        if message is None or isinstance(message, BaseEvent) or not message.id:
            _logger.info(
                "WeChat Official Account of company %s: event %r ignored, no ticket.",
                company.id,
                message and message.type,
            )
            return self.env["helpdesk.ticket"]
        return self._cs_intake(
            company,
            "mp",
            [
                {
                    "msgid": str(message.id),
                    "sender": message.source,
                    "time": message.time,
                    "type": message.type,
                    "text": message.content if message.type == "text" else None,
                }
            ],
        )

    @api.model
    def _cs_wecom_verify(self, company, params):
        """WeCom checks the callback URL: the decrypted echostr back."""
        return self._cs_wecom_crypto(company).check_signature(
            params.get("msg_signature") or "",
            params.get("timestamp") or "",
            params.get("nonce") or "",
            params.get("echostr") or "",
        )

    @api.model
    def _cs_wecom_receive(self, company, body, params):
        """The WeCom customer service callback: only an event saying that
        messages wait, with a token to pull them (``kf/sync_msg``)."""
        xml = self._cs_wecom_crypto(company).decrypt_message(
            body,
            params.get("msg_signature") or "",
            params.get("timestamp") or "",
            params.get("nonce") or "",
        )
        event = xmltodict.parse(xml)["xml"]
        if event.get("MsgType") != "event" or event.get("Event") != "kf_msg_or_event":
            _logger.info(
                "WeCom callback of company %s: %s/%s ignored, no ticket.",
                company.id,
                event.get("MsgType"),
                event.get("Event"),
            )
            return self.env["helpdesk.ticket"]
        open_kfid = event.get("OpenKfId") or company.cs_wecom_open_kfid
        if company.cs_wecom_open_kfid and open_kfid != company.cs_wecom_open_kfid:
            _logger.info(
                "WeCom callback of company %s for customer service account %s ignored: "
                "the company answers on %s.",
                company.id,
                open_kfid,
                company.cs_wecom_open_kfid,
            )
            return self.env["helpdesk.ticket"]
        return self._cs_wecom_sync(company, event.get("Token"), open_kfid)

    @api.model
    def _cs_wecom_sync(self, company, token, open_kfid):
        """Pull the waiting messages from the company's cursor on, page by page,
        moving the cursor after each page."""
        tickets = self.env["helpdesk.ticket"]
        for _page in range(SYNC_PAGES):
            payload = {"token": token, "limit": 1000, "voice_format": 0, "open_kfid": open_kfid}
            if company.cs_wecom_cursor:
                payload = {"cursor": company.cs_wecom_cursor, **payload}
            try:
                result = self._cs_api_call(company, "wecom", f"{WECOM_API}/kf/sync_msg", payload)
            except CsWechatApiError as error:
                _logger.warning(
                    "WeCom kf/sync_msg for company %s failed (%s): messages not pulled.",
                    company.id,
                    error,
                )
                break
            messages = [
                self._cs_wecom_message(item)
                for item in result.get("msg_list") or []
                if item.get("origin") == WECOM_ORIGIN_CUSTOMER
            ]
            tickets |= self._cs_intake(company, "wecom", messages)
            if result.get("next_cursor"):
                company.cs_wecom_cursor = result["next_cursor"]
            if not result.get("has_more"):
                break
        return tickets

    @api.model
    def _cs_wecom_message(self, item):
        kind = item.get("msgtype") or "unknown"
        return {
            "msgid": item.get("msgid"),
            "sender": item.get("external_userid"),
            "time": item.get("send_time"),
            "type": kind,
            "text": (item.get("text") or {}).get("content") if kind == "text" else None,
        }

    # --------------------------------------------------------------- intake

    @api.model
    def _cs_intake(self, company, platform, messages):
        """Record ``messages`` (dicts: msgid, sender, time as a Unix timestamp,
        type, text for text messages) on their senders' WeChat tickets: the
        customer's open one, else a new one. Replayed and empty messages are
        logged and skipped. Returns the tickets touched."""
        Ticket = self.env["helpdesk.ticket"]
        Processed = self.env["cs.wechat.message"]
        done = set(
            Processed.search(
                [
                    ("company_id", "=", company.id),
                    ("platform", "=", platform),
                    ("name", "in", [message["msgid"] for message in messages]),
                ]
            ).mapped("name")
        )
        lang_env = self.with_context(lang=company.partner_id.lang or self.env.lang).env
        fresh = []
        for message in messages:
            if not message["msgid"] or not message["sender"]:
                _logger.warning(
                    "WeChat (%s) message without id or sender for company %s ignored: %r",
                    platform,
                    company.id,
                    message,
                )
            elif message["msgid"] in done:
                _logger.warning(
                    "WeChat (%s) message %s for company %s already processed: "
                    "replayed callback ignored, no duplicate.",
                    platform,
                    message["msgid"],
                    company.id,
                )
            elif message["type"] == "text" and not (message["text"] or "").strip():
                _logger.warning(
                    "WeChat (%s) message %s from %s is empty: no ticket.",
                    platform,
                    message["msgid"],
                    message["sender"],
                )
            else:
                done.add(message["msgid"])
                text = message["text"].strip() if message["type"] == "text" else None
                fresh.append(
                    {
                        **message,
                        "text": text or self._cs_placeholder(lang_env, message["type"]),
                        "time": self._cs_message_time(message["time"]),
                    }
                )
        if not fresh:
            return Ticket
        partners = self._cs_senders(company, platform, {message["sender"] for message in fresh})
        channel = self.env.ref("cs_service_dept.helpdesk_ticket_channel_wechat")
        open_tickets = Ticket.search(
            [
                ("partner_id", "in", [partner.id for partner in partners.values()]),
                ("channel_id", "=", channel.id),
                ("company_id", "=", company.id),
                ("closed", "=", False),
            ],
            order="id desc",
        )
        ticket_of = {}
        for ticket in open_tickets:
            ticket_of.setdefault(ticket.partner_id.id, ticket)
        openers = {}
        for message in fresh:
            partner = partners[message["sender"]]
            if partner.id not in ticket_of:
                openers.setdefault(partner.id, message)
        if openers:
            new_tickets = Ticket.create(
                [
                    {
                        "name": self._cs_ticket_name(message["text"]),
                        "description": plaintext2html(message["text"]),
                        "partner_id": partner_id,
                        "channel_id": channel.id,
                        "company_id": company.id,
                        "cs_wechat_platform": platform,
                    }
                    for partner_id, message in openers.items()
                ]
            )
            for ticket in new_tickets:
                ticket_of[ticket.partner_id.id] = ticket
                # a reply after the 48 hours goes by e-mail, to the followers
                ticket.message_subscribe(ticket.partner_id.ids)
                _logger.info(
                    "WeChat (%s): ticket %s opened for %s (id %s).",
                    platform,
                    ticket.number,
                    ticket.partner_id.name,
                    ticket.partner_id.id,
                )
        first = {id(message) for message in openers.values()}
        Processed.create(
            [
                {
                    "name": message["msgid"],
                    "platform": platform,
                    "company_id": company.id,
                    "partner_id": partners[message["sender"]].id,
                    "ticket_id": ticket_of[partners[message["sender"]].id].id,
                }
                for message in fresh
            ]
        )
        last_time = {}
        for message in fresh:
            partner = partners[message["sender"]]
            ticket = ticket_of[partner.id]
            if id(message) not in first:
                ticket.message_post(
                    body=plaintext2html(message["text"]),
                    author_id=partner.id,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
            last_time[ticket] = max(last_time.get(ticket, message["time"]), message["time"])
        for ticket, time in last_time.items():
            if not ticket.cs_wechat_last_message_date or ticket.cs_wechat_last_message_date < time:
                ticket.write({"cs_wechat_last_message_date": time, "cs_wechat_platform": platform})
        return Ticket.browse([ticket.id for ticket in last_time])

    @api.model
    def _cs_senders(self, company, platform, senders):
        """The contact of each sender id, created when unknown ("WeChat user
        xxxx", tagged WeChat, in the company)."""
        field = SENDER_FIELDS[platform]
        Partner = self.env["res.partner"].with_context(active_test=False)
        found = Partner.search(
            [(field, "in", list(senders)), ("company_id", "in", [company.id, False])]
        )
        partners = {partner[field]: partner for partner in found}
        missing = sorted(senders - set(partners))
        if missing:
            lang_env = self.with_context(lang=company.partner_id.lang or self.env.lang).env
            tag = self.env.ref("cs_service_dept.res_partner_category_wechat")
            created = Partner.create(
                [
                    {
                        "name": lang_env._("WeChat user %(suffix)s", suffix=sender[-6:]),
                        field: sender,
                        "company_id": company.id,
                        "category_id": [Command.link(tag.id)],
                    }
                    for sender in missing
                ]
            )
            for partner in created:
                partners[partner[field]] = partner
                _logger.info(
                    "WeChat (%s): unknown sender %s, contact %s (id %s) created.",
                    platform,
                    partner[field],
                    partner.name,
                    partner.id,
                )
        return partners

    @api.model
    def _cs_placeholder(self, lang_env, kind):
        """The line standing for a message that is not text (not downloaded)."""
        labels = {
            "image": lang_env._("an image"),
            "voice": lang_env._("a voice message"),
            "video": lang_env._("a video"),
            "shortvideo": lang_env._("a video"),
            "file": lang_env._("a file"),
            "location": lang_env._("a location"),
            "link": lang_env._("a link"),
            "miniprogram": lang_env._("a mini program"),
            "miniprogrampage": lang_env._("a mini program"),
        }
        return lang_env._(
            "The customer sent %(content)s on WeChat: see it in the WeChat conversation.",
            content=labels.get(kind) or lang_env._("a message of type %(type)s", type=kind),
        )

    @api.model
    def _cs_message_time(self, timestamp):
        """The UTC time the customer sent the message (not in the future)."""
        now = fields.Datetime.now()
        try:
            sent = datetime.fromtimestamp(int(timestamp), UTC).replace(tzinfo=None)
        except (TypeError, ValueError, OverflowError):
            return now
        return min(sent, now)

    @api.model
    def _cs_ticket_name(self, text):
        """The first words of the message (Chinese has no spaces: a length)."""
        words = text.split()
        name = " ".join(words[:8])
        return name if len(name) <= 60 else name[:59] + "…"

    # ------------------------------------------------------------------ API

    @api.model
    def _cs_wechat_send(self, ticket, text):
        """Send ``text`` to the ticket's customer as a customer service message
        (raises ``CsWechatApiError``)."""
        company = ticket.company_id
        partner = ticket.partner_id
        if ticket.cs_wechat_platform == "wecom":
            url = f"{WECOM_API}/kf/send_msg"
            payload = {
                "touser": partner.cs_wecom_external_userid,
                "open_kfid": company.cs_wecom_open_kfid,
                "msgtype": "text",
                "text": {"content": text},
            }
        else:
            url = f"{MP_API}/message/custom/send"
            payload = {
                "touser": partner.cs_wechat_openid,
                "msgtype": "text",
                "text": {"content": text},
            }
        return self._cs_api_call(company, ticket.cs_wechat_platform, url, payload)

    @api.model
    def _cs_api_call(self, company, platform, url, payload):
        """POST ``payload`` to ``url`` with the company's access token; an
        expired token is fetched again once."""
        for attempt in range(2):
            params = {"access_token": self._cs_access_token(company, platform)}
            try:
                return self._cs_wechat_request("post", url, params, payload)
            except CsWechatApiError as error:
                if attempt or error.errcode not in TOKEN_ERRORS:
                    raise
                self._cs_forget_token(company, platform)

    @api.model
    def _cs_access_token(self, company, platform):
        """The company's access token, cached on the company until shortly
        before it expires (``gettoken``: 7200 seconds)."""
        now = fields.Datetime.now()
        if platform == "mp":
            if (
                company.cs_wechat_mp_access_token
                and (company.cs_wechat_mp_token_expiry or now) > now
            ):
                return company.cs_wechat_mp_access_token
            result = self._cs_wechat_request(
                "get",
                f"{MP_API}/token",
                {
                    "grant_type": "client_credential",
                    "appid": company.cs_wechat_mp_app_id,
                    "secret": company.cs_wechat_mp_app_secret,
                },
            )
        else:
            if company.cs_wecom_access_token and (company.cs_wecom_token_expiry or now) > now:
                return company.cs_wecom_access_token
            result = self._cs_wechat_request(
                "get",
                f"{WECOM_API}/gettoken",
                {"corpid": company.cs_wecom_corp_id, "corpsecret": company.cs_wecom_secret},
            )
        token = result.get("access_token")
        if not token:
            raise CsWechatApiError(
                result.get("errcode", -1), result.get("errmsg", "no access_token")
            )
        expiry = now + timedelta(seconds=int(result.get("expires_in") or 7200) - 300)
        prefix = "cs_wechat_mp" if platform == "mp" else "cs_wecom"
        company.write({f"{prefix}_access_token": token, f"{prefix}_token_expiry": expiry})
        return token

    @api.model
    def _cs_forget_token(self, company, platform):
        prefix = "cs_wechat_mp" if platform == "mp" else "cs_wecom"
        company.write({f"{prefix}_access_token": False, f"{prefix}_token_expiry": False})

    @api.model
    def _cs_wechat_request(self, method, url, params, payload=None):
        """The one place that calls the WeChat servers: the JSON answer, or
        ``CsWechatApiError`` (network error, HTTP error, errcode != 0)."""
        try:
            if method == "get":
                response = requests.get(url, params=params, timeout=TIMEOUT)
            else:
                response = requests.post(
                    url,
                    params=params,
                    # WeChat wants UTF-8, not \\u escapes
                    data=json.dumps(payload, ensure_ascii=False).encode(),
                    headers={"Content-Type": "application/json; charset=utf-8"},
                    timeout=TIMEOUT,
                )
            response.raise_for_status()
            result = response.json()
        except (requests.RequestException, ValueError) as error:
            raise CsWechatApiError(-1, str(error)) from error
        if result.get("errcode"):
            raise CsWechatApiError(result["errcode"], result.get("errmsg"))
        return result
