# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta
from urllib.parse import urlencode

from markupsafe import Markup
from wechatpy.enterprise.crypto import PrpCrypto
from wechatpy.enterprise.crypto import WeChatCrypto as WeComCrypto

from odoo import fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, new_test_user, tagged

from .ticket_common import CsTicketCommon
from .wechat_common import (
    AES_KEY,
    CORP_ID,
    MP_SEND_URL,
    MP_TOKEN,
    MP_TOKEN_URL,
    OPEN_KFID,
    WECOM_SEND_URL,
    WECOM_SYNC_URL,
    WECOM_TOKEN,
    WECOM_TOKEN_URL,
    WechatCommonMixin,
    signature,
)

CONTROLLER_LOGGER = "odoo.addons.cs_service_dept.controllers.wechat"
MODEL_LOGGER = "odoo.addons.cs_service_dept.models.cs_wechat"


@tagged("post_install", "-at_install")
class TestIntakeWechatCallback(WechatCommonMixin, HttpCase):
    """The platforms' callbacks, encrypted with wechatpy, posted to the
    controller: tickets on the WeChat channel, the sender mapped to a contact."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_wechat()

    def post(self, platform, body, query):
        url = f"/cs/wechat/{platform}/{self.company.id}?{urlencode(query)}"
        return self.url_open(url, data=body.encode(), headers={"Content-Type": "text/xml"})

    def count_records(self):
        return (
            len(self.wechat_tickets()),
            self.env["res.partner"].search_count(
                ["|", ("cs_wechat_openid", "!=", False), ("cs_wecom_external_userid", "!=", False)]
            ),
            self.env["cs.wechat.message"].search_count([]),
        )

    # -------------------------------------------------- Official Account

    def test_mp_url_verification(self):
        query = {"timestamp": "1700000000", "nonce": "n1", "echostr": "4242"}
        query["signature"] = signature(MP_TOKEN, query["timestamp"], query["nonce"])
        response = self.url_open(f"/cs/wechat/mp/{self.company.id}?{urlencode(query)}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text, "4242")
        query["signature"] = signature("guessed", query["timestamp"], query["nonce"])
        with self.assertLogs(CONTROLLER_LOGGER, "WARNING") as logs:
            response = self.url_open(f"/cs/wechat/mp/{self.company.id}?{urlencode(query)}")
        self.assertEqual(response.status_code, 403)
        self.assertIn("bad signature", logs.output[0])
        # a company without the Official Account set up has no such URL
        other = self.env["res.company"].create({"name": "No WeChat"})
        response = self.url_open(f"/cs/wechat/mp/{other.id}?{urlencode(query)}")
        self.assertEqual(response.status_code, 404)

    def test_mp_messages_make_one_ticket(self):
        """An unknown sender becomes a tagged contact and opens a ticket; the
        next message lands on the same open ticket, posted as the customer."""
        body, query = self.mp_callback(
            self.mp_message("oUser0001abcd", 10001, "打印机卡纸了 怎么处理")
        )
        with self.wechat_api({}) as calls:
            response = self.post("mp", body, query)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text, "success")
        self.assertEqual(calls, [])
        ticket = self.wechat_tickets()
        self.assertEqual(len(ticket), 1)
        customer = ticket.partner_id
        self.assertEqual(customer.cs_wechat_openid, "oUser0001abcd")
        self.assertEqual(customer.name, "WeChat user 01abcd")
        self.assertEqual(customer.company_id, self.company)
        self.assertIn(
            self.env.ref("cs_service_dept.res_partner_category_wechat"), customer.category_id
        )
        self.assertEqual(ticket.name, "打印机卡纸了 怎么处理")
        self.assertIn("打印机卡纸了", ticket.description)
        self.assertEqual(ticket.cs_wechat_platform, "mp")
        self.assertEqual(ticket.company_id, self.company)
        self.assertTrue(ticket.cs_wechat_last_message_date)
        self.assertIn(customer, ticket.message_partner_ids)

        body, query = self.mp_callback(self.mp_message("oUser0001abcd", 10002, "还是不行"))
        self.assertEqual(self.post("mp", body, query).text, "success")
        self.assertEqual(self.wechat_tickets(), ticket)
        posted = ticket.message_ids.filtered(lambda m: "还是不行" in (m.body or ""))
        self.assertEqual(posted.author_id, customer)
        self.assertEqual(posted.message_type, "comment")
        processed = self.env["cs.wechat.message"].search([("ticket_id", "=", ticket.id)])
        self.assertEqual(sorted(processed.mapped("name")), ["10001", "10002"])
        self.assertEqual(set(processed.mapped("platform")), {"mp"})

    def test_mp_known_sender_and_image(self):
        """A known open id finds its contact; an image is a placeholder line."""
        customer = self.env["res.partner"].create(
            {"name": "陈女士", "cs_wechat_openid": "oKnown42", "company_id": self.company.id}
        )
        body, query = self.mp_callback(self.mp_message("oKnown42", 20001, msg_type="image"))
        self.assertEqual(self.post("mp", body, query).text, "success")
        ticket = self.wechat_tickets()
        self.assertEqual(ticket.partner_id, customer)
        self.assertIn("sent an image on WeChat", ticket.description)
        self.assertFalse(self.env["res.partner"].search_count([("name", "like", "WeChat user")]))

    def test_mp_forged_signature(self):
        body, query = self.mp_callback(self.mp_message("oForger", 30001, "hello"))
        query["msg_signature"] = signature("not-the-token", query["timestamp"], query["nonce"])
        before = self.count_records()
        with self.assertLogs(CONTROLLER_LOGGER, "WARNING") as logs:
            response = self.post("mp", body, query)
        self.assertEqual(response.status_code, 403)
        self.assertIn("refused: bad signature", logs.output[0])
        self.assertEqual(self.count_records(), before)

    def test_mp_replayed_callback(self):
        body, query = self.mp_callback(self.mp_message("oReplay", 40001, "第一次"))
        self.assertEqual(self.post("mp", body, query).text, "success")
        ticket = self.wechat_tickets()
        messages = len(ticket.message_ids)
        with self.assertLogs(MODEL_LOGGER, "WARNING") as logs:
            response = self.post("mp", body, query)
        self.assertEqual(response.text, "success")
        self.assertIn("replayed callback ignored", logs.output[0])
        self.assertEqual(self.wechat_tickets(), ticket)
        self.assertEqual(len(ticket.message_ids), messages)
        self.assertEqual(self.env["cs.wechat.message"].search_count([("name", "=", "40001")]), 1)

    def test_mp_empty_message(self):
        body, query = self.mp_callback(self.mp_message("oEmpty", 50001, "   "))
        before = self.count_records()
        with self.assertLogs(MODEL_LOGGER, "WARNING") as logs:
            response = self.post("mp", body, query)
        self.assertEqual(response.text, "success")
        self.assertIn("is empty: no ticket", logs.output[0])
        self.assertEqual(self.count_records(), before)

    def test_mp_malformed_xml(self):
        before = self.count_records()
        _body, query = self.mp_callback(self.mp_message("oBad", 60001, "hi"))
        with self.assertLogs(CONTROLLER_LOGGER, "WARNING") as logs:
            response = self.post("mp", "<xml><Encrypt>abc</Encr", query)
        self.assertEqual(response.status_code, 400)
        self.assertIn("unreadable payload", logs.output[0])
        # well signed, but the decrypted message is no XML
        body, query = self.mp_callback("<xml><MsgType>text</MsgType><Content>")
        with self.assertLogs(CONTROLLER_LOGGER, "WARNING"):
            response = self.post("mp", body, query)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.count_records(), before)

    # ---------------------------------------------------------------- WeCom

    def test_wecom_url_verification(self):
        # the URL check sends an encrypted echostr, signed like a message
        crypto = WeComCrypto(WECOM_TOKEN, AES_KEY, CORP_ID)
        echostr = PrpCrypto(crypto.key).encrypt("1616140317555161061", CORP_ID).decode()
        query = {
            "msg_signature": signature(WECOM_TOKEN, "1700000000", "n2", echostr),
            "timestamp": "1700000000",
            "nonce": "n2",
            "echostr": echostr,
        }
        response = self.url_open(f"/cs/wechat/wecom/{self.company.id}?{urlencode(query)}")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.text, "1616140317555161061")
        query["msg_signature"] = signature("forged", "1700000000", "n2", echostr)
        with self.assertLogs(CONTROLLER_LOGGER, "WARNING"):
            response = self.url_open(f"/cs/wechat/wecom/{self.company.id}?{urlencode(query)}")
        self.assertEqual(response.status_code, 403)

    def test_wecom_callback_pulls_messages(self):
        """The callback's token pulls the messages (access token fetched once
        and cached, the cursor kept); the customer's messages make one ticket,
        our staff's own messages are skipped."""
        known = self.env["res.partner"].create(
            {"name": "李先生", "cs_wecom_external_userid": "wmKnown", "company_id": self.company.id}
        )
        body, query = self.wecom_callback(token="TOKEN_1")
        answers = {
            WECOM_TOKEN_URL: [
                {"errcode": 0, "errmsg": "ok", "access_token": "AT1", "expires_in": 7200}
            ],
            WECOM_SYNC_URL: [
                {
                    "errcode": 0,
                    "errmsg": "ok",
                    "next_cursor": "CURSOR_1",
                    "has_more": 1,
                    "msg_list": [
                        self.kf_message("kf-1", "wmKnown", "发票什么时候开"),
                        self.kf_message("kf-2", "wmKnown", "我们马上处理", origin=5),
                    ],
                },
                {
                    "errcode": 0,
                    "errmsg": "ok",
                    "next_cursor": "CURSOR_2",
                    "has_more": 0,
                    "msg_list": [
                        self.kf_message("kf-3", "wmKnown", msgtype="voice"),
                        self.kf_message("kf-4", "wmNewUser77", "你好"),
                    ],
                },
                {
                    "errcode": 0,
                    "errmsg": "ok",
                    "next_cursor": "CURSOR_3",
                    "has_more": 0,
                    "msg_list": [self.kf_message("kf-5", "wmKnown", "谢谢")],
                },
            ],
        }
        with self.wechat_api(answers) as calls:
            self.assertEqual(self.post("wecom", body, query).text, "success")
            body, query = self.wecom_callback(token="TOKEN_2")
            self.assertEqual(self.post("wecom", body, query).text, "success")
        sync = {"limit": 1000, "voice_format": 0, "open_kfid": OPEN_KFID}
        self.assertEqual(
            calls,
            [
                ("GET", WECOM_TOKEN_URL, {"corpid": CORP_ID, "corpsecret": "kf-secret"}, None),
                ("POST", WECOM_SYNC_URL, {"access_token": "AT1"}, {"token": "TOKEN_1", **sync}),
                (
                    "POST",
                    WECOM_SYNC_URL,
                    {"access_token": "AT1"},
                    {"cursor": "CURSOR_1", "token": "TOKEN_1", **sync},
                ),
                (
                    "POST",
                    WECOM_SYNC_URL,
                    {"access_token": "AT1"},
                    {"cursor": "CURSOR_2", "token": "TOKEN_2", **sync},
                ),
            ],
        )
        self.assertEqual(self.company.sudo().cs_wecom_cursor, "CURSOR_3")
        tickets = self.wechat_tickets()
        self.assertEqual(len(tickets), 2)
        known_ticket = tickets.filtered(lambda t: t.partner_id == known)
        self.assertEqual(known_ticket.name, "发票什么时候开")
        self.assertEqual(known_ticket.cs_wechat_platform, "wecom")
        bodies = "\n".join(known_ticket.message_ids.mapped("body"))
        self.assertIn("a voice message", bodies)
        self.assertIn("谢谢", bodies)
        self.assertNotIn("我们马上处理", bodies + known_ticket.description)
        new_customer = (tickets - known_ticket).partner_id
        self.assertEqual(new_customer.cs_wecom_external_userid, "wmNewUser77")
        self.assertEqual(new_customer.name, "WeChat user User77")

    def test_wecom_forged_and_replayed(self):
        body, query = self.wecom_callback()
        forged = dict(query, msg_signature=signature("x", query["timestamp"], query["nonce"]))
        with self.wechat_api({}) as calls, self.assertLogs(CONTROLLER_LOGGER, "WARNING"):
            self.assertEqual(self.post("wecom", body, forged).status_code, 403)
        self.assertEqual(calls, [])
        page = {
            "errcode": 0,
            "errmsg": "ok",
            "next_cursor": "C1",
            "has_more": 0,
            "msg_list": [self.kf_message("kf-dup", "wmDup", "重复")],
        }
        answers = {
            WECOM_TOKEN_URL: [
                {"errcode": 0, "errmsg": "ok", "access_token": "AT", "expires_in": 7200}
            ],
            WECOM_SYNC_URL: [page, page],
        }
        with self.wechat_api(answers), self.assertLogs(MODEL_LOGGER, "WARNING") as logs:
            self.post("wecom", body, query)
            self.post("wecom", body, query)
        self.assertIn("replayed callback ignored", "\n".join(logs.output))
        self.assertEqual(len(self.wechat_tickets()), 1)
        self.assertEqual(self.env["cs.wechat.message"].search_count([("name", "=", "kf-dup")]), 1)

    def test_wecom_sync_error(self):
        """kf/sync_msg refuses: logged, no ticket, the cursor unchanged."""
        body, query = self.wecom_callback()
        answers = {
            WECOM_TOKEN_URL: [
                {"errcode": 0, "errmsg": "ok", "access_token": "AT", "expires_in": 7200}
            ],
            WECOM_SYNC_URL: [{"errcode": 95007, "errmsg": "invalid msg token"}],
        }
        with self.wechat_api(answers), self.assertLogs(MODEL_LOGGER, "WARNING") as logs:
            self.assertEqual(self.post("wecom", body, query).text, "success")
        self.assertIn("95007: invalid msg token", logs.output[0])
        self.assertFalse(self.wechat_tickets())
        self.assertFalse(self.company.sudo().cs_wecom_cursor)


@tagged("post_install", "-at_install")
class TestWechatReply(WechatCommonMixin, CsTicketCommon):
    """Public replies on WeChat tickets: through the platform within 48 hours
    of the customer's last message, else by e-mail or a callback activity."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setup_wechat()
        cls.wechat_customer = cls.env["res.partner"].create(
            {
                "name": "WeChat user 0001ab",
                "cs_wechat_openid": "oReply0001ab",
                "cs_wecom_external_userid": "wmReply01",
                "company_id": cls.company.id,
            }
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "打印机卡纸",
                "description": "打印机卡纸",
                "partner_id": cls.wechat_customer.id,
                "channel_id": cls.channel_wechat.id,
                "user_id": cls.specialist.id,
                "cs_wechat_platform": "mp",
                "cs_wechat_last_message_date": fields.Datetime.now() - timedelta(hours=2),
            }
        )
        cls.ticket.message_subscribe(cls.wechat_customer.ids)

    def reply(self, body="<p>您好，请重启打印机。</p>", user=None, subtype="mail.mt_comment"):
        return self.ticket.with_user(user or self.specialist).message_post(
            body=Markup(body), message_type="comment", subtype_xmlid=subtype
        )

    def customer_mails(self, message):
        return self.env["mail.notification"].search(
            [("mail_message_id", "=", message.id), ("res_partner_id", "=", self.wechat_customer.id)]
        )

    def test_reply_by_official_account(self):
        answers = {
            MP_TOKEN_URL: [{"access_token": "MPAT", "expires_in": 7200}],
            MP_SEND_URL: [{"errcode": 0, "errmsg": "ok"}] * 2,
        }
        with self.wechat_api(answers) as calls:
            message = self.reply()
            self.reply("<p>第二条</p>")
        send = {"touser": "oReply0001ab", "msgtype": "text"}
        self.assertEqual(
            calls,
            [
                (
                    "GET",
                    MP_TOKEN_URL,
                    {
                        "grant_type": "client_credential",
                        "appid": self.company.sudo().cs_wechat_mp_app_id,
                        "secret": "mp-secret",
                    },
                    None,
                ),
                (
                    "POST",
                    MP_SEND_URL,
                    {"access_token": "MPAT"},
                    {**send, "text": {"content": "您好，请重启打印机。"}},
                ),
                # the token is cached on the company
                (
                    "POST",
                    MP_SEND_URL,
                    {"access_token": "MPAT"},
                    {**send, "text": {"content": "第二条"}},
                ),
            ],
        )
        # sent by WeChat: no e-mail to the customer as well
        self.assertFalse(self.customer_mails(message))

    def test_reply_by_wecom(self):
        self.ticket.cs_wechat_platform = "wecom"
        answers = {
            WECOM_TOKEN_URL: [
                {"errcode": 0, "errmsg": "ok", "access_token": "KFAT", "expires_in": 7200}
            ],
            WECOM_SEND_URL: [{"errcode": 0, "errmsg": "ok", "msgid": "MSG1"}],
        }
        with self.wechat_api(answers) as calls:
            self.reply("<p>已为您安排<b>上门维修</b>。</p>")
        self.assertEqual(
            calls[1],
            (
                "POST",
                WECOM_SEND_URL,
                {"access_token": "KFAT"},
                {
                    "touser": "wmReply01",
                    "open_kfid": OPEN_KFID,
                    "msgtype": "text",
                    "text": {"content": "已为您安排*上门维修*。"},
                },
            ),
        )

    def test_reply_api_error(self):
        """The platform refuses (errcode 45015: window closed on its side):
        logged and noted on the ticket, the reply itself stays."""
        answers = {
            MP_TOKEN_URL: [{"access_token": "MPAT", "expires_in": 7200}],
            MP_SEND_URL: [{"errcode": 45015, "errmsg": "response out of time limit"}],
        }
        with (
            self.wechat_api(answers),
            self.assertLogs(
                "odoo.addons.cs_service_dept.models.cs_wechat_mixin", "WARNING"
            ) as logs,
        ):
            message = self.reply()
        self.assertTrue(message.exists())
        self.assertIn("45015", logs.output[0])
        note = self.ticket.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_note") and "45015" in m.body
        )
        self.assertEqual(len(note), 1)
        self.assertIn("response out of time limit", note.body)

    def test_expired_token_fetched_again(self):
        self.company.sudo().write(
            {
                "cs_wechat_mp_access_token": "OLD",
                "cs_wechat_mp_token_expiry": fields.Datetime.now() + timedelta(hours=1),
            }
        )
        answers = {
            MP_SEND_URL: [
                {"errcode": 42001, "errmsg": "access_token expired"},
                {"errcode": 0, "errmsg": "ok"},
            ],
            MP_TOKEN_URL: [{"access_token": "NEW", "expires_in": 7200}],
        }
        with self.wechat_api(answers) as calls:
            self.reply()
        self.assertEqual(
            [(method, params.get("access_token")) for method, _url, params, _body in calls],
            [("POST", "OLD"), ("GET", None), ("POST", "NEW")],
        )
        self.assertEqual(self.company.sudo().cs_wechat_mp_access_token, "NEW")

    def test_after_window_by_email(self):
        self.ticket.cs_wechat_last_message_date = fields.Datetime.now() - timedelta(hours=49)
        self.wechat_customer.email = "chen@example.cn"
        with self.wechat_api({}) as calls:
            message = self.reply()
        self.assertEqual(calls, [])
        self.assertEqual(self.customer_mails(message).notification_type, "email")

    def test_after_window_callback_activity(self):
        self.ticket.cs_wechat_last_message_date = fields.Datetime.now() - timedelta(hours=49)
        with self.wechat_api({}) as calls:
            message = self.reply()
        self.assertEqual(calls, [])
        self.assertFalse(self.customer_mails(message))
        activity = self.ticket.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.specialist)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        self.assertEqual(activity.summary, "Call back: the WeChat reply window is closed")

    def test_no_send_for_notes_and_portal(self):
        """An internal note, and a portal user's message, never go to WeChat."""
        portal = new_test_user(self.env, login="cs_wechat_portal", groups="base.group_portal")
        portal.partner_id.parent_id = self.wechat_customer
        with self.wechat_api({}) as calls:
            self.reply(subtype="mail.mt_note")
            message = self.reply("<p>客户补充说明</p>", user=portal)
        self.assertEqual(message.author_id, portal.partner_id)
        self.assertEqual(calls, [])

    def test_settings_rights(self):
        """The WeChat secrets are administrators' only."""
        for field in ("cs_wecom_secret", "cs_wechat_mp_app_secret", "cs_wecom_cursor"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                self.company.with_user(self.manager).read([field])
        with self.assertRaises(AccessError):
            self.company.with_user(self.specialist).write({"cs_wecom_secret": "stolen"})
        self.assertEqual(self.company.sudo().cs_wecom_secret, "kf-secret")
        # the administrator sets them in the settings, for the current company
        settings = self.env["res.config.settings"].create(
            {"cs_wecom_open_kfid": "wkNewAccount", "cs_wechat_mp_token": "new-token"}
        )
        settings.set_values()
        self.assertEqual(self.company.cs_wecom_open_kfid, "wkNewAccount")
        self.assertEqual(self.company.cs_wechat_mp_token, "new-token")

    def test_wechat_ids_unique_and_listed(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create(
                {"name": "Copy", "cs_wechat_openid": "oReply0001ab", "company_id": self.company.id}
            )
        summary = self.wechat_customer.with_user(self.specialist).cs_channel_summary
        self.assertIn("oReply0001ab, wmReply01", summary)
        self.assertIn(f"<td>{self.channel_wechat.name}</td><td class='text-end'>1</td>", summary)
