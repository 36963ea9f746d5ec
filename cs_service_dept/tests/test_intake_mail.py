# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import ast
import base64
import logging

from odoo.tests import tagged
from odoo.tools import html2plaintext

from .intake_common import CsIntakeCommon

INTAKE_LOGGER = "odoo.addons.cs_service_dept.models.cs_intake_mixin"
THREAD_LOGGER = "odoo.addons.cs_service_dept.models.mail_thread"


@tagged("post_install", "-at_install")
class TestIntakeMail(CsIntakeCommon):
    """Requests by e-mail: real RFC 822 messages through ``message_process``."""

    def test_new_mail_unknown_sender(self):
        """A stranger writes with two people in copy: a ticket of the team, channel
        e-mail, the sender a new contact and its author, the copies followers (no
        contact for the gateway's own alias)."""
        known = self.env["res.partner"].create(
            {"name": "赵敏", "email": "zhaomin.cc@intake.example.org"}
        )
        raw = self.build_mail(
            subject="打印机无法开机",
            body="您好，打印机无法开机，请帮忙。",
            transfer_encoding="quoted-printable",
            subject_encoding="Q",
            email_from='"李雷" <lilei@newco.example.com>',
            cc=(
                "赵敏 <zhaomin.cc@intake.example.org>, 韩梅梅 <hanmeimei@newco.example.com>, "
                f"{self.complaints_address}"
            ),
        )
        with self.assertLogs(INTAKE_LOGGER, logging.INFO) as logs:
            self.process(raw)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "打印机无法开机")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.team_id, self.team_service)
        self.assertEqual(ticket.channel_id, self.channel_email)
        self.assertEqual(ticket.cs_request_type, "consultation")
        self.assertIn("打印机无法开机，请帮忙", html2plaintext(ticket.description))
        sender = ticket.partner_id
        self.assertEqual((sender.name, sender.email), ("李雷", "lilei@newco.example.com"))
        self.assertIn("customer 李雷", "\n".join(logs.output))
        self.assertIn(
            f"also addressed to {self.complaints_address}: one ticket", "\n".join(logs.output)
        )
        incoming = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(incoming.author_id, sender)
        new_cc = self.env["res.partner"].search([("email", "=", "hanmeimei@newco.example.com")])
        self.assertEqual(new_cc.name, "韩梅梅")
        self.assertLessEqual(known | new_cc, ticket.message_partner_ids)
        self.assertFalse(
            self.env["res.partner"].search([("email", "ilike", self.complaints_address)]),
            "the gateway's alias is no contact",
        )
        # the same mail fetched again creates nothing more
        self.process(raw)
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count([("name", "=", "打印机无法开机")]), 1
        )

    def test_encodings(self):
        """Subjects (RFC 2047 B and Q) and bodies (base64, quoted-printable, 8bit)
        in GBK, GB2312, Big5 and UTF-8 read right; the known sender is the
        customer. A "GB2312" mail holding a GBK character (镕) reads right too."""
        cases = [
            ("gbk", "base64", "B", "退货申请 GBK", "收到的货物有破损，要求退货。"),
            ("gb2312", "quoted-printable", "Q", "发票问题 GB2312", "请重开发票，抬头有误。"),
            ("gb2312", "base64", "B", "朱镕基 GB2312", "镕字不在 GB2312 里。"),
            ("big5", "base64", "B", "維修申請 Big5", "機器無法開機，請安排維修。"),
            ("big5", "quoted-printable", "Q", "保固問題 Big5", "請問保固期多久？"),
            ("utf-8", "base64", "B", "咨询 UTF-8", "请问营业时间？"),
            ("utf-8", "8bit", None, "配件 UTF-8", "需要购买配件。"),
        ]
        partners_before = self.env["res.partner"].search_count([])
        for charset, transfer, subject_encoding, subject, body in cases:
            with self.subTest(charset=charset, transfer=transfer, subject=subject):
                raw = self.build_mail(
                    subject=subject,
                    body=body,
                    charset=charset,
                    # written by a mailer that calls GBK "gb2312"
                    codec="gbk" if charset == "gb2312" else None,
                    transfer_encoding=transfer,
                    subject_encoding=subject_encoding,
                )
                self.process(raw)
                ticket = self.env["helpdesk.ticket"].search([("name", "=", subject)])
                self.assertEqual(len(ticket), 1)
                self.assertIn(body, html2plaintext(ticket.description))
                self.assertEqual(ticket.partner_id, self.customer)
                self.assertEqual(ticket.channel_id, self.channel_email)
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)

    def test_chinese_sender_name_and_folded_subject(self):
        """A display name in "GB2312" holding a GBK character and a comma stays
        one name; a subject folded over two lines in two encoded words reads
        whole."""
        name = base64.b64encode("朱镕基, 经理".encode("gbk")).decode()
        first = base64.b64encode("关于镕".encode("gbk")).decode()
        second = base64.b64encode("的问题".encode("gbk")).decode()
        raw = self.build_mail(
            subject="x",
            subject_encoding=None,
            email_from=f'"=?gb2312?B?{name}?=" <zhu@newco.example.com>',
        )
        raw = raw.replace(
            b"Subject: x", f"Subject: =?GB2312?B?{first}?=\r\n =?gb2312?b?{second}?=".encode()
        )
        self.process(raw)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "关于镕的问题")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id.name, "朱镕基, 经理")
        self.assertEqual(ticket.partner_id.email, "zhu@newco.example.com")

    def test_html_only_mail(self):
        raw = self.build_mail(
            subject="網頁版問題",
            body="<html><body><p>網頁<b>無法</b>登入</p><script>alert(1)</script></body></html>",
            charset="big5",
            subtype="html",
            transfer_encoding="quoted-printable",
        )
        self.process(raw)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "網頁版問題")])
        self.assertEqual(len(ticket), 1)
        self.assertIn("<b>無法</b>", ticket.description)
        self.assertNotIn("script", ticket.description)
        self.assertEqual(html2plaintext(ticket.description).strip(), "網頁*無法*登入")

    def test_attachment(self):
        boundary = "cs-boundary-42"
        pdf = b"%PDF-1.4 fake invoice"
        raw = (
            "From: 华美贸易 <huamei@example.com>\r\n"
            f"To: {self.service_address}\r\n"
            f"Subject: {self.encoded('发票附件')}\r\n"
            f"Message-ID: {self.new_message_id()}\r\n"
            "MIME-Version: 1.0\r\n"
            f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
            f"--{boundary}\r\n"
            'Content-Type: text/plain; charset="gbk"\r\n'
            "Content-Transfer-Encoding: base64\r\n\r\n"
            f"{base64.b64encode('发票见附件。'.encode('gbk')).decode()}\r\n"
            f"--{boundary}\r\n"
            'Content-Type: application/pdf; name="invoice.pdf"\r\n'
            "Content-Disposition: attachment; filename*=UTF-8''%E5%8F%91%E7%A5%A8.pdf\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n"
            f"{base64.b64encode(pdf).decode()}\r\n"
            f"--{boundary}--\r\n"
        ).encode()
        self.process(raw)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "发票附件")])
        self.assertEqual(len(ticket), 1)
        self.assertIn("发票见附件。", html2plaintext(ticket.description))
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )
        self.assertEqual(attachment.name, "发票.pdf")
        self.assertEqual(attachment.raw, pdf)
        self.assertEqual(ticket.message_ids.attachment_ids, attachment)

    @staticmethod
    def encoded(text):
        return f"=?utf-8?B?{base64.b64encode(text.encode()).decode()}?="

    def test_complaints_alias(self):
        """The complaints alias opens complaint tickets, straight in the flow."""
        raw = self.build_mail(subject="投诉：送货延误", to=self.complaints_address)
        self.process(raw)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "投诉：送货延误")])
        self.assertEqual(ticket.team_id, self.team_complaints)
        self.assertEqual(ticket.cs_request_type, "complaint")
        self.assertEqual(ticket.cs_complaint_state, "registered")
        self.assertEqual(ticket.priority, "2")
        self.assertEqual(ticket.channel_id, self.channel_email)

    def test_demo_aliases(self):
        service = self.env.ref("cs_service_dept.helpdesk_ticket_team_service_demo")
        complaints = self.env.ref("cs_service_dept.helpdesk_ticket_team_complaints_demo")
        self.assertEqual(service.alias_name, "service")
        self.assertEqual(complaints.alias_name, "complaints")
        self.assertEqual(
            ast.literal_eval(complaints.alias_defaults),
            {"team_id": complaints.id, "cs_request_type": "complaint"},
        )
        self.assertEqual(ast.literal_eval(service.alias_defaults), {"team_id": service.id})

    def test_reply_threads_into_ticket(self):
        """The customer's answer to the specialist's reply goes on the ticket, and
        so does a second mail referencing the first: no new ticket."""
        self.process(self.build_mail(subject="安装问题"))
        first_id = self.last_message_id
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "安装问题")])
        reply = ticket.with_user(self.specialist).message_post(
            body="请提供型号。",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=ticket.partner_id.ids,
        )
        self.process(
            self.build_mail(
                subject="Re: 安装问题", body="型号是 X100。", in_reply_to=reply.message_id
            )
        )
        self.process(
            self.build_mail(subject="补充：安装问题", body="还有一个问题。", in_reply_to=first_id)
        )
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count([("name", "ilike", "安装问题")]), 1
        )
        answers = ticket.message_ids.filtered(lambda m: m.message_type == "email")
        self.assertEqual(len(answers), 3)
        self.assertEqual(answers.author_id, self.customer)
        self.assertIn("型号是 X100。", "".join(answers.mapped("body")))
        self.assertFalse(answers.filtered(lambda m: m.subtype_id.internal))

    def test_reply_triaged_again(self):
        """The customer's mail on an open ticket has it triaged again, the mail's
        text included (cs_triage.py)."""
        self.process(self.build_mail(subject="卡纸", body="打印机卡纸了，怎么清理？"))
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "卡纸")])
        self.env["helpdesk.ticket"]._cron_cs_triage(batch_size=10000)
        self.assertEqual(ticket.cs_triage_level, "normal")
        self.process(
            self.build_mail(
                subject="Re: 卡纸",
                body="打印机冒烟了，我要投诉到12315",
                in_reply_to=self.last_message_id,
            )
        )
        self.assertTrue(ticket.cs_triage_pending)
        self.env["helpdesk.ticket"]._cron_cs_triage(batch_size=10000)
        self.assertEqual(ticket.cs_triage_level, "high")
        self.assertTrue(ticket.cs_triage_priority_raised)

    # -------------------------------------------------------------- bad input

    def test_unknown_charset(self):
        """A body in a charset nobody knows: the ticket is created, read as the
        first charset that fits (here GBK), with a warning naming the charset."""
        raw = self.build_mail(
            subject="未知编码",
            body="无法识别的编码".encode("gbk"),
            charset="x-unknown-cs",
            subject_encoding=None,
        )
        with self.assertLogs(THREAD_LOGGER, logging.WARNING) as logs:
            self.process(raw)
        self.assertIn("unknown charset 'x-unknown-cs', text read as gb18030", logs.output[0])
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "未知编码")])
        self.assertEqual(len(ticket), 1)
        self.assertIn("无法识别的编码", html2plaintext(ticket.description))

    def test_malformed_bytes(self):
        """Bytes no charset reads, declared in an unknown charset, and a subject
        in an unknown charset: replacement characters, no crash, one ticket."""
        raw = self.build_mail(
            subject="乱码",
            body=b"broken \xff\xfe\xff text",
            charset="unknown-8bit",
            subject_encoding=None,
        )
        raw = raw.replace(
            "乱码".encode(), b"=?x-nowhere?B?" + base64.b64encode(b"\xff\xfe") + b"?="
        )
        with self.assertLogs(THREAD_LOGGER, logging.WARNING) as logs:
            self.process(raw)
        self.assertIn("text read as utf-8", logs.output[0])
        ticket = self.env["helpdesk.ticket"].search(
            [("message_ids.message_id", "=", self.last_message_id)]
        )
        self.assertEqual(len(ticket), 1)
        self.assertIn("broken \ufffd", html2plaintext(ticket.description))
        self.assertIn("\ufffd", ticket.name)

    def test_sender_without_address(self):
        raw = self.build_mail(subject="无发件地址", email_from="undisclosed-recipients:;")
        with self.assertLogs(INTAKE_LOGGER, logging.INFO) as logs:
            self.process(raw)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "无发件地址")])
        self.assertEqual(len(ticket), 1)
        self.assertFalse(ticket.partner_id)
        self.assertIn("has no valid address", logs.output[0])


@tagged("post_install", "-at_install")
class TestIntakeAutoReply(CsIntakeCommon):
    """Mails no person wrote open no ticket and send nothing back."""

    AUTO_HEADERS = [
        "Auto-Submitted: auto-replied",
        "Auto-Submitted: auto-generated",
        "X-Autoreply: yes",
        "X-Autorespond: Out of office",
        "Precedence: auto_reply",
        "Precedence: bulk",
        "Precedence: junk",
    ]

    def outgoing_to(self, address):
        return self.env["mail.mail"].search([("email_to", "ilike", address)]) | self.env[
            "mail.mail"
        ].search([("recipient_ids.email", "ilike", address)])

    def test_auto_reply_creates_no_ticket(self):
        for index, header in enumerate(self.AUTO_HEADERS):
            with self.subTest(header=header):
                subject = f"自动回复 {index}"
                raw = self.build_mail(
                    subject=subject,
                    body="我正在休假，12 月 10 日回来。",
                    email_from="robot@newco.example.com",
                    headers=[header],
                )
                with self.assertLogs(INTAKE_LOGGER, logging.INFO) as logs:
                    self.process(raw)
                self.assertFalse(self.env["helpdesk.ticket"].search([("name", "=", subject)]))
                self.assertIn("dropped: sent by a machine", logs.output[-1])
                self.assertIn(header.split(":")[0], logs.output[-1])
        self.assertFalse(self.outgoing_to("robot@newco.example.com"))
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "robot@newco.example.com")])
        )
        # the same mail from a person, or saying "Auto-Submitted: no", is a request
        for header in ("Auto-Submitted: no", "X-Mailer: Foxmail"):
            raw = self.build_mail(
                subject=header, email_from="robot@newco.example.com", headers=[header]
            )
            self.process(raw)
            self.assertEqual(self.env["helpdesk.ticket"].search_count([("name", "=", header)]), 1)

    def test_auto_reply_on_ticket_is_a_note(self):
        """An out-of-office answer to the specialist's reply is logged on the
        ticket as an internal note: no new ticket, nothing sent to the customer."""
        self.process(self.build_mail(subject="退货流程"))
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "退货流程")])
        reply = ticket.with_user(self.specialist).message_post(
            body="请寄回商品。",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            partner_ids=ticket.partner_id.ids,
        )
        mails_before = self.env["mail.mail"].search([])
        with self.assertLogs(INTAKE_LOGGER, logging.INFO) as logs:
            self.process(
                self.build_mail(
                    subject="自动回复: 退货流程",
                    body="我正在休假。",
                    in_reply_to=reply.message_id,
                    headers=["Auto-Submitted: auto-replied"],
                )
            )
        self.assertIn(f"logged as a note on helpdesk.ticket {ticket.id}", logs.output[-1])
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count([("name", "ilike", "退货流程")]), 1
        )
        note = ticket.message_ids.filtered(lambda m: m.message_id == self.last_message_id)
        self.assertTrue(note.subtype_id.internal)
        self.assertEqual(self.env["mail.mail"].search([]) - mails_before, self.env["mail.mail"])

    def test_delivery_status_report(self):
        """A bounce (multipart/report; report-type=delivery-status) is the mail
        gateway's: no ticket, no contact, nothing sent."""
        boundary = "dsn-boundary"
        raw = (
            "Return-Path: <>\r\n"
            "From: Mail Delivery System <postmaster@mail.example.net>\r\n"
            f"To: {self.service_address}\r\n"
            "Subject: Undelivered Mail Returned to Sender\r\n"
            f"Message-ID: {self.new_message_id()}\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/report; report-type=delivery-status;\r\n"
            f' boundary="{boundary}"\r\n'
            "\r\n"
            f"--{boundary}\r\n"
            "Content-Type: text/plain; charset=us-ascii\r\n\r\n"
            "The mail could not be delivered.\r\n"
            f"--{boundary}\r\n"
            "Content-Type: message/delivery-status\r\n\r\n"
            "Reporting-MTA: dns; mail.example.net\r\n\r\n"
            "Final-Recipient: rfc822; nobody@newco.example.com\r\n"
            "Action: failed\r\n"
            "Status: 5.1.1\r\n"
            f"--{boundary}--\r\n"
        ).encode()
        tickets_before = self.env["helpdesk.ticket"].search_count([])
        self.process(raw)
        self.assertEqual(self.env["helpdesk.ticket"].search_count([]), tickets_before)
        self.assertFalse(self.outgoing_to("postmaster@mail.example.net"))
        self.assertFalse(
            self.env["res.partner"].search([("email", "=", "postmaster@mail.example.net")])
        )
