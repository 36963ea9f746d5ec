# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged, users, warmup

from .ticket_common import CsTicketCommon


class TestTicketPortalAndPerformance(CsTicketCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_customer = cls.create_customer("别的公司")
        cls.portal_user = new_test_user(
            cls.env,
            login="cs_portal",
            groups="base.group_portal",
            partner_id=cls.customer.id,
        )

    def test_portal_sees_own_tickets_only(self):
        mine = self.create_ticket("我的工单")
        theirs = self.create_ticket("别人的工单", partner_id=self.other_customer.id)
        Ticket = self.env["helpdesk.ticket"].with_user(self.portal_user)
        self.assertEqual(Ticket.search([("id", "in", (mine | theirs).ids)]), mine)
        with self.assertRaises(AccessError):
            theirs.with_user(self.portal_user).read(["name"])
        self.assertEqual(mine.with_user(self.portal_user).cs_request_type, "consultation")

    @users("cs_specialist")
    @warmup
    def test_create_ticket_query_count(self):
        """Creating a ticket costs at most 5 queries more than with helpdesk_mgmt alone.

        Baseline measured with ``odoo-bin shell`` on a copy of the template
        database (helpdesk_mgmt and the other dependencies, no cs_service_dept),
        creating the same ticket as a helpdesk team user with this test's mail
        context (BaseCommon disables tracking): 7 queries; 20 with mail tracking.
        The same script on a copy with cs_service_dept installed: 7 and 20 (the
        module adds no query to a plain create). Here (specialist, warm caches)
        it costs 10; the bound below is the requirement: 7 + 5, plus the
        triage's cron trigger (cs_triage.py, #17): 14 measured here as a
        specialist, 2 more as superuser (TestTriageSpeed).
        """
        vals = {
            "name": "咨询",
            "description": "<p>电话咨询</p>",
            "partner_id": self.customer.id,
            "user_id": self.env.user.id,
        }
        Ticket = self.env["helpdesk.ticket"]
        with self.assertQueryCount(cs_specialist=14):
            Ticket.create(vals)
            self.env.flush_all()


@tagged("post_install", "-at_install")
class TestTicketPortalPage(HttpCase):
    def test_portal_page_shows_complaint_step(self):
        customer = self.env["res.partner"].create({"name": "门户客户", "is_company": True})
        other = self.env["res.partner"].create({"name": "别的客户", "is_company": True})
        new_test_user(
            self.env, login="cs_portal_page", groups="base.group_portal", partner_id=customer.id
        )
        Ticket = self.env["helpdesk.ticket"]
        mine = Ticket.create(
            {
                "name": "投诉：外壳划痕",
                "description": "<p>x</p>",
                "partner_id": customer.id,
                "cs_request_type": "complaint",
            }
        )
        theirs = Ticket.create(
            {"name": "别人的", "description": "<p>y</p>", "partner_id": other.id}
        )
        self.authenticate("cs_portal_page", "cs_portal_page")
        response = self.url_open(f"/my/ticket/{mine.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Complaint Step", response.text)
        self.assertIn("Registered", response.text)
        response = self.url_open(f"/my/ticket/{theirs.id}")
        self.assertNotIn("别人的", response.text)


@tagged("post_install", "-at_install")
class TestPortalRequestType(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "门户客户", "email": "portal@example.com", "is_company": True}
        )
        cls.portal_user = new_test_user(
            cls.env, login="cs_portal_form", groups="base.group_portal", partner_id=cls.customer.id
        )

    def _submit(self, request_type):
        self.authenticate("cs_portal_form", "cs_portal_form")
        page = self.url_open("/new/ticket")
        self.assertEqual(page.status_code, 200)
        self.assertIn('name="cs_request_type"', page.text)
        self.assertIn('value="complaint"', page.text)
        csrf = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        response = self.url_open(
            "/submitted/ticket",
            data={
                "csrf_token": csrf,
                "subject": f"门户 {request_type}",
                "description": "网站提交",
                "cs_request_type": request_type,
            },
        )
        self.assertEqual(response.status_code, 200)
        return self.env["helpdesk.ticket"].search([("name", "=", f"门户 {request_type}")])

    def test_customer_files_a_complaint_from_the_portal(self):
        ticket = self._submit("complaint")
        self.assertEqual(ticket.cs_request_type, "complaint")
        self.assertEqual(ticket.cs_complaint_state, "registered")
        self.assertEqual(ticket.partner_id, self.customer)

    def test_unknown_type_stays_a_consultation(self):
        ticket = self._submit("approved")
        self.assertEqual(ticket.cs_request_type, "consultation")
        self.assertFalse(ticket.cs_complaint_state)
