# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import time
from contextlib import contextmanager
from unittest.mock import patch

import requests
import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto
from wechatpy.utils import WeChatSigner

from odoo.addons.cs_service_dept.models import cs_wechat

# The example key of the WeChat documentation: 43 characters of base64.
AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
MP_APP_ID = "wx5823bf96d3bd56c7"
MP_TOKEN = "cs-mp-token"
CORP_ID = "ww1436e0e65a779aee"
WECOM_TOKEN = "cs-wecom-token"
OPEN_KFID = "wkAJ2GCAAASSm4_FhToWMFea0xAFfd3Q"
MP_TOKEN_URL = "https://api.weixin.qq.com/cgi-bin/token"
MP_SEND_URL = "https://api.weixin.qq.com/cgi-bin/message/custom/send"
WECOM_TOKEN_URL = "https://qyapi.weixin.qq.com/cgi-bin/gettoken"
WECOM_SYNC_URL = "https://qyapi.weixin.qq.com/cgi-bin/kf/sync_msg"
WECOM_SEND_URL = "https://qyapi.weixin.qq.com/cgi-bin/kf/send_msg"


def signature(*values):
    signer = WeChatSigner()
    signer.add_data(*values)
    return signer.signature


def api_response(data, status=200):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(data).encode()
    response.headers["Content-Type"] = "application/json"
    return response


class WechatCommonMixin:
    """A company configured for both platforms, callbacks encrypted with
    wechatpy, and the WeChat servers replaced by recorded answers."""

    @classmethod
    def setup_wechat(cls):
        cls.company = cls.env.company
        cls.company.sudo().write(
            {
                "cs_wechat_mp_app_id": MP_APP_ID,
                "cs_wechat_mp_app_secret": "mp-secret",
                "cs_wechat_mp_token": MP_TOKEN,
                "cs_wechat_mp_aes_key": AES_KEY,
                "cs_wecom_corp_id": CORP_ID,
                "cs_wecom_secret": "kf-secret",
                "cs_wecom_token": WECOM_TOKEN,
                "cs_wecom_aes_key": AES_KEY,
                "cs_wecom_open_kfid": OPEN_KFID,
                "cs_wecom_cursor": False,
                "cs_wechat_mp_access_token": False,
                "cs_wecom_access_token": False,
            }
        )
        cls.channel_wechat = cls.env.ref("cs_service_dept.helpdesk_ticket_channel_wechat")

    @contextmanager
    def wechat_api(self, answers):
        """Replace the WeChat servers: ``answers`` maps each URL to the JSON
        answers it gives, in order. Yields the list of requests made, as
        (method, url, params, JSON body)."""
        calls = []
        answers = {url: list(values) for url, values in answers.items()}

        def answer(method, url, params, data=None):
            calls.append((method, url, params, json.loads(data) if data else None))
            if not answers.get(url):
                raise AssertionError(f"unexpected WeChat request {method} {url}")
            return api_response(answers[url].pop(0))

        def fake_get(url, params=None, **kwargs):
            return answer("GET", url, params)

        def fake_post(url, params=None, data=None, **kwargs):
            return answer("POST", url, params, data)

        with (
            patch.object(cs_wechat.requests, "get", side_effect=fake_get),
            patch.object(cs_wechat.requests, "post", side_effect=fake_post),
        ):
            yield calls

    # ------------------------------------------------------------ payloads

    @staticmethod
    def mp_message(openid, msgid, content=None, msg_type="text", create_time=None):
        body = f"<Content><![CDATA[{content}]]></Content>" if msg_type == "text" else ""
        if msg_type == "image":
            body = "<PicUrl><![CDATA[http://mmbiz.example/pic]]></PicUrl><MediaId>m1</MediaId>"
        return (
            "<xml><ToUserName><![CDATA[gh_cs_service]]></ToUserName>"
            f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{create_time or int(time.time())}</CreateTime>"
            f"<MsgType><![CDATA[{msg_type}]]></MsgType>{body}"
            f"<MsgId>{msgid}</MsgId></xml>"
        )

    @staticmethod
    def encrypt(crypto, xml, nonce="nonce123"):
        """The body and query of a safe-mode callback, as the platform sends it."""
        timestamp = str(int(time.time()))
        sealed = xmltodict.parse(crypto.encrypt_message(xml, nonce, timestamp))["xml"]
        return (
            "<xml><ToUserName><![CDATA[gh_cs_service]]></ToUserName>"
            f"<Encrypt><![CDATA[{sealed['Encrypt']}]]></Encrypt></xml>"
        ), {
            "timestamp": timestamp,
            "nonce": nonce,
            "msg_signature": sealed["MsgSignature"],
        }

    def mp_callback(self, xml):
        body, query = self.encrypt(WeChatCrypto(MP_TOKEN, AES_KEY, MP_APP_ID), xml)
        query.update(
            signature=signature(MP_TOKEN, query["timestamp"], query["nonce"]),
            encrypt_type="aes",
            openid="ignored",
        )
        return body, query

    def wecom_callback(self, token="ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR"):
        xml = (
            f"<xml><ToUserName><![CDATA[{CORP_ID}]]></ToUserName>"
            f"<CreateTime>{int(time.time())}</CreateTime>"
            "<MsgType><![CDATA[event]]></MsgType>"
            "<Event><![CDATA[kf_msg_or_event]]></Event>"
            f"<Token><![CDATA[{token}]]></Token>"
            f"<OpenKfId><![CDATA[{OPEN_KFID}]]></OpenKfId></xml>"
        )
        return self.encrypt(WeComCrypto(WECOM_TOKEN, AES_KEY, CORP_ID), xml)

    @staticmethod
    def kf_message(msgid, external_userid, content=None, origin=3, msgtype="text"):
        message = {
            "msgid": msgid,
            "open_kfid": OPEN_KFID,
            "external_userid": external_userid,
            "send_time": int(time.time()),
            "origin": origin,
            "msgtype": msgtype,
        }
        if msgtype == "text":
            message["text"] = {"content": content}
        else:
            message[msgtype] = {"media_id": "MEDIA_ID"}
        return message

    def wechat_tickets(self):
        return self.env["helpdesk.ticket"].search(
            [("channel_id", "=", self.channel_wechat.id)], order="id"
        )
