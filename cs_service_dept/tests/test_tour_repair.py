# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRepairTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.supervisor = new_test_user(
            cls.env,
            login="tour_supervisor",
            name="Tour Supervisor",
            groups="cs_service_dept.group_cs_supervisor",
        )
        cls.engineer = new_test_user(
            cls.env,
            login="tour_engineer",
            name="Tour Engineer",
            groups="cs_service_dept.group_cs_engineer",
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "华美贸易 (tour)",
                "is_company": True,
                "street": "世纪大道 100 号",
                "city": "上海",
                "email": "tour@example.com",
                "cs_specialist_id": cls.supervisor.id,
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "办公椅 (tour)", "type": "consu", "cs_warranty_months": 12}
        )

    def assertRevisitPlanned(self, repair, specialist):
        """The acceptance planned the repair's revisit: the "revisit" follow-up,
        or, with cs_survey installed (post_install tests run with every module),
        the cs.revisit that takes its place."""
        if "cs.revisit" in self.env:
            revisit = self.env["cs.revisit"].search(
                [("res_model", "=", "repair.order"), ("res_id", "=", repair.id)]
            )
            self.assertEqual(revisit.source, "repair")
            self.assertEqual(revisit.specialist_id, specialist)
            self.assertFalse(repair.cs_followup_id)
        else:
            self.assertEqual(repair.cs_followup_id.rule, "revisit")
            self.assertEqual(repair.cs_followup_id.specialist_id, specialist)

    def test_ticket_to_signed_acceptance(self):
        """The supervisor goes from the repair ticket to the signed acceptance."""
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "椅子异响 (tour)",
                    "description": "<p>转动时异响</p>",
                    "partner_id": self.customer.id,
                    "cs_request_type": "repair",
                }
            )
        )
        self.start_tour(
            f"/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/{ticket.id}",
            "cs_service_dept_repair",
            login="tour_supervisor",
        )
        repair = ticket.cs_repair_ids
        self.assertEqual(len(repair), 1)
        self.assertEqual(repair.state, "done")
        self.assertEqual(repair.cs_engineer_id, self.engineer)
        self.assertEqual(repair.cs_estimate_state, "accepted")
        self.assertEqual(repair.cs_signed_by, "王建国")
        self.assertTrue(repair.cs_signature)
        self.assertTrue(repair.cs_accepted_date)
        self.assertRevisitPlanned(repair, self.supervisor)

    def test_engineer_signs_on_site(self):
        """The engineer, without any customer service group, opens the dispatch
        from "My Dispatches", repairs and has the customer sign."""
        self.assertFalse(self.engineer.has_group("cs_service_dept.group_cs_specialist"))
        self.assertFalse(self.engineer.has_group("helpdesk_mgmt.group_helpdesk_user_own"))
        now = fields.Datetime.now().replace(microsecond=0)
        repair = (
            self.env["repair.order"]
            .with_user(self.supervisor)
            .create(
                {
                    "partner_id": self.customer.id,
                    "product_id": self.product.id,
                    "cs_fault_description": "椅子异响 (engineer tour)",
                    "cs_service_mode": "on_site",
                    "cs_appointment_start": now + timedelta(minutes=10),
                    "cs_appointment_end": now + timedelta(minutes=70),
                    "cs_engineer_id": self.engineer.id,
                }
            )
        )
        repair.action_cs_accept_estimate()
        repair.action_cs_dispatch()
        repair._action_repair_confirm()
        self.start_tour(
            "/odoo/action-cs_service_dept.repair_order_action_dispatch",
            "cs_service_dept_repair_engineer",
            login="tour_engineer",
        )
        self.assertEqual(repair.state, "done")
        self.assertEqual(repair.cs_handover, "pickup")
        self.assertTrue(repair.cs_signature)
        self.assertTrue(repair.cs_accepted_date)
        self.assertRevisitPlanned(repair, self.supervisor)

    def test_return_with_credit_note(self):
        """The specialist returns the product of a repair ticket: Odoo's return of
        the delivery, and the draft credit note of the invoice (another
        salesperson's) opened from the ticket."""
        self.product.lst_price = 800.0
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 2})],
            }
        )
        order.action_confirm()
        delivery = order.picking_ids
        delivery.move_ids.quantity = 2
        delivery.move_ids.picked = True
        delivery.button_validate()
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertNotEqual(invoice.invoice_user_id, self.supervisor)
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "椅子气杆失灵 (tour)",
                    "description": "<p>无法升降</p>",
                    "partner_id": self.customer.id,
                    "cs_request_type": "repair",
                    "user_id": self.supervisor.id,
                }
            )
        )
        self.start_tour(
            f"/odoo/action-helpdesk_mgmt.helpdesk_ticket_action/{ticket.id}",
            "cs_service_dept_return",
            login="tour_supervisor",
        )
        returned = ticket.cs_return_picking_ids
        self.assertEqual(returned.return_id, delivery)
        self.assertEqual(returned.move_ids.product_uom_qty, 1)
        credit_note = ticket.cs_credit_note_ids
        self.assertEqual(credit_note.reversed_entry_id, invoice)
        self.assertEqual(credit_note.state, "draft")
        self.assertAlmostEqual(credit_note.amount_untaxed, 800.0)
        self.assertEqual(ticket.cs_return_outcome, "return")
