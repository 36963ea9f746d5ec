# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestIntakePortal(HttpCase):
    """Requests from the portal: files sent with the form, and the complaint
    step the customer follows on the ticket's page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "门户附件客户", "email": "files@example.com", "is_company": True}
        )
        new_test_user(
            cls.env, login="cs_portal_files", groups="base.group_portal", partner_id=cls.customer.id
        )

    def test_complaint_with_attachments(self):
        self.authenticate("cs_portal_files", "cs_portal_files")
        page = self.url_open("/new/ticket")
        self.assertIn('name="attachment"', page.text)
        csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf,
                "subject": "投诉：屏幕碎裂",
                "description": "收到时屏幕已碎，见照片。",
                "cs_request_type": "complaint",
                "attachment": "1",
            },
            files=[
                ("attachment", ("屏幕.jpg", b"\xff\xd8\xff\xe0 photo", "image/jpeg")),
                ("attachment", ("发票.pdf", b"%PDF-1.4 invoice", "application/pdf")),
                ("attachment", ("", b"", "application/octet-stream")),
            ],
        )
        self.assertEqual(response.status_code, 200)
        ticket = self.env["helpdesk.ticket"].search([("name", "=", "投诉：屏幕碎裂")])
        self.assertEqual(len(ticket), 1)
        self.assertEqual(
            ticket.channel_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_web")
        )
        self.assertEqual(ticket.cs_complaint_state, "registered")
        self.assertEqual(sorted(ticket.attachment_ids.mapped("name")), ["发票.pdf", "屏幕.jpg"])
        self.assertEqual(
            ticket.attachment_ids.filtered(lambda a: a.name == "发票.pdf").raw,
            b"%PDF-1.4 invoice",
        )
        # the customer's page: the files and the complaint step as it moves on
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn("屏幕.jpg", page.text)
        self.assertIn("发票.pdf", page.text)
        self.assertIn("Registered", page.text)
        ticket.cs_complaint_state = "forwarded"
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn("Forwarded", page.text)
        # the page links each file with its access token
        attachment = ticket.attachment_ids.filtered(lambda a: a.name == "屏幕.jpg")
        attachment.invalidate_recordset(["access_token"])
        link = (
            f"/web/content/{attachment.id}?download=true&amp;access_token={attachment.access_token}"
        )
        self.assertIn(link, page.text)
        download = self.url_open(link.replace("&amp;", "&"))
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"\xff\xd8\xff\xe0 photo")
