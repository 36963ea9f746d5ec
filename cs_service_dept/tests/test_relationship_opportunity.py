# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .ticket_common import CsTicketCommon


class TestServiceOpportunity(CsTicketCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesperson = new_test_user(
            cls.env, login="cs_opp_salesperson", groups="sales_team.group_sale_salesman"
        )
        cls.customer.write(
            {
                "user_id": cls.salesperson.id,
                "cs_specialist_id": cls.specialist.id,
                "cs_owner": "customer_service",
            }
        )

    def test_from_ticket(self):
        ticket = self.create_ticket("询问新型号", user=self.specialist, user_id=self.specialist.id)
        action = ticket.with_user(self.specialist).action_cs_create_opportunity()
        lead = self.env["crm.lead"].search([("cs_origin_model", "=", "helpdesk.ticket")])
        self.assertEqual(len(lead), 1)
        self.assertEqual(action["res_id"], lead.id)
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(lead.user_id, self.salesperson)
        self.assertEqual(lead.partner_id, self.customer)
        self.assertEqual(lead.cs_origin_id, ticket.id)
        self.assertEqual(lead.cs_origin_name, ticket.display_name)
        # Smart buttons both ways.
        self.assertEqual(ticket.with_user(self.specialist).cs_lead_count, 1)
        origin = lead.with_user(self.specialist).action_cs_open_origin()
        self.assertEqual((origin["res_model"], origin["res_id"]), ("helpdesk.ticket", ticket.id))
        # The salesperson sees where it comes from, not the ticket itself.
        self.assertEqual(lead.with_user(self.salesperson).cs_origin_name, ticket.display_name)
        with self.assertRaises(AccessError):
            lead.with_user(self.salesperson).action_cs_open_origin()
        # The department reads the opportunity; the salesperson owns it.
        self.assertEqual(lead.with_user(self.specialist).name, lead.name)
        lead.with_user(self.salesperson).write({"expected_revenue": 1000})
        with self.assertRaises(AccessError):
            lead.with_user(self.specialist).write({"expected_revenue": 1})
        # The hand-over to sales is recorded on the customer, as the wizard does.
        self.assertEqual(self.customer.cs_owner, "sales")
        self.assertTrue(self.customer.cs_handover_date)
        self.assertIn(lead.name, self.customer.cs_handover_reason)
        self.assertIn("Handed over to sales", self.customer.message_ids[0].body)

    def test_from_followup(self):
        followup = (
            self.env["cs.followup"]
            .with_user(self.specialist)
            .create({"partner_id": self.customer.id, "method": "visit"})
        )
        followup.action_cs_create_opportunity()
        self.assertEqual(followup.cs_lead_count, 1)
        action = followup.action_cs_view_opportunities()
        lead = self.env["crm.lead"].browse(action["res_id"])
        self.assertEqual(lead.cs_origin_model, "cs.followup")
        self.assertEqual(lead.user_id, self.salesperson)

    def test_refusals(self):
        ticket = self.create_ticket("咨询", user=self.specialist, user_id=self.specialist.id)
        # Outside the department (the salesperson) and with a forged context key.
        with self.assertRaises(AccessError):
            ticket.with_user(self.salesperson).with_context(
                cs_opportunity=True
            ).action_cs_create_opportunity()
        self.customer.user_id = False
        with self.assertRaisesRegex(UserError, "no salesperson"):
            ticket.with_user(self.specialist).action_cs_create_opportunity()
        self.assertFalse(self.env["crm.lead"].search([("cs_origin_model", "!=", False)]))
        self.assertEqual(self.customer.cs_owner, "customer_service")
        # Origin fields are set by the button only.
        lead = self.env["crm.lead"].with_user(self.salesperson).create({"name": "x"})
        self.assertFalse(lead.cs_origin_model)
