# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, users, warmup

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
        it costs 10; the bound below is the requirement: 7 + 5.
        """
        vals = {
            "name": "咨询",
            "description": "<p>电话咨询</p>",
            "partner_id": self.customer.id,
            "user_id": self.env.user.id,
        }
        Ticket = self.env["helpdesk.ticket"]
        with self.assertQueryCount(cs_specialist=12):
            Ticket.create(vals)
            self.env.flush_all()
