# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.cs_revisit import HISTORY_LIMIT
from .common import CsSurveyCommon


@tagged("post_install", "-at_install")
class TestRevisit(CsSurveyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.cs_survey_opt_out = True
        cls.today = fields.Date.context_today(cls.env["cs.revisit"])

    def test_phone_revisit_records_score(self):
        revisit = self.close(self.create_ticket("Door fixed"))
        self.assertEqual(revisit.method, "phone")
        activity = revisit.activity_ids
        self.assertEqual(activity.user_id, self.specialist)
        self.assertEqual(activity.date_deadline, revisit.due_date)
        revisit = revisit.with_user(self.specialist)
        with Form(revisit) as form:
            form.score = 4
            form.feedback = "Works fine"
        self.assertTrue(revisit.can_done)
        revisit.action_done()
        self.assertEqual(revisit.state, "done")
        self.assertEqual(revisit.done_date, self.today)
        self.assertTrue(revisit.satisfied)
        self.assertFalse(revisit.activity_ids)
        # final once done
        with self.assertRaises(UserError):
            revisit.score = 1

    def test_score_out_of_range(self):
        revisit = self.close(self.create_ticket("Range")).with_user(self.specialist)
        for bad in (6, -1):
            with self.assertRaises(ValidationError), self.cr.savepoint():
                revisit.score = bad

    def test_done_before_service_closed(self):
        revisit = self.env["cs.revisit"].create(
            {
                "partner_id": self.customer.id,
                "source": "plan",
                "specialist_id": self.specialist.id,
                "due_date": self.today + timedelta(days=20),
            }
        )
        revisit.sudo().service_date = self.today + timedelta(days=10)
        self.assertFalse(revisit.can_done)
        with self.assertRaisesRegex(UserError, "before the service closed"):
            revisit.with_user(self.specialist).action_done()
        with self.assertRaises(ValidationError):
            revisit.sudo().write({"state": "done", "done_date": self.today})

    def test_system_fields_refused(self):
        revisit = self.close(self.create_ticket("Forge")).with_user(self.specialist)
        for vals in (
            {"state": "done"},
            {"done_date": self.today},
            {"required": False},
            {"service_date": self.today - timedelta(days=30)},
            {"partner_id": self.customer_2.id},
        ):
            with self.assertRaises(UserError):
                revisit.write(vals)
        # a forged context key changes nothing
        with self.assertRaises(UserError):
            revisit.with_context(cs_survey_system=True, active_test=False).write({"state": "done"})
        with self.assertRaises(UserError):
            self.env["cs.revisit"].with_user(self.specialist).create(
                {"partner_id": self.customer.id, "state": "done"}
            )

    def test_forged_service_refused(self):
        """By hand a revisit is tied to no service: pointing one at a ticket would
        take the place of the ticket's own revisit (one per service)."""
        ticket = self.create_ticket("Not closed yet")
        Revisit = self.env["cs.revisit"].with_user(self.specialist)
        for vals in (
            {"res_model": "helpdesk.ticket", "res_id": ticket.id},
            {"source": "complaint"},
            {"required": False},
            {"ticket_id": ticket.id},
        ):
            with self.assertRaises(UserError):
                Revisit.create({"partner_id": self.customer.id, **vals})
        # the defaults a client sends back are fine
        manual = Revisit.create(
            {"partner_id": self.customer.id, "source": "ticket", "state": "planned"}
        )
        self.assertEqual(manual.specialist_id, self.specialist)
        self.assertTrue(self.close(ticket))

    def test_done_revisit_is_final(self):
        """What the form shows read-only once the revisit is done, an RPC client
        cannot write either."""
        revisit = self.close(self.create_ticket("Final")).with_user(self.specialist)
        revisit.write({"score": 4, "feedback": "Fine"})
        revisit.action_done()
        for vals in (
            {"feedback": "Rewritten"},
            {"method": "visit"},
            {"due_date": self.today + timedelta(days=30)},
            {"specialist_id": self.specialist_2.id},
        ):
            with self.assertRaises(UserError):
                revisit.write(vals)
        self.assertEqual(revisit.feedback, "Fine")
        revisit.team_id = self.team  # not part of the result
        cancelled = self.close(self.create_ticket("Cancelled")).with_user(self.specialist)
        cancelled.action_cancel()
        with self.assertRaises(UserError):
            cancelled.score = 5

    def test_actions_of_another_specialist_refused(self):
        revisit = self.close(self.create_ticket("Not yours"))
        for action in ("action_done", "action_cancel", "action_send_survey"):
            with self.assertRaises(AccessError):
                getattr(revisit.with_user(self.specialist_2), action)()
        self.assertEqual(revisit.state, "planned")

    def test_need_of_a_revisit_out_of_sight_refused(self):
        """An RPC client linking a ticket to a revisit it cannot see, or to a
        survey answer, is refused (the context default grants nothing)."""
        revisit = self.close(self.create_ticket("Other customer's"))
        Ticket = self.env["helpdesk.ticket"].with_user(self.specialist_2)
        with self.assertRaises(AccessError):
            Ticket.with_context(default_cs_origin_revisit_id=revisit.id).create(
                {"name": "Need", "partner_id": self.customer_2.id, "description": "<p>x</p>"}
            )
        own = Ticket.create(
            {"name": "Mine", "partner_id": self.customer_2.id, "description": "<p>x</p>"}
        )
        with self.assertRaises(AccessError):
            own.cs_origin_revisit_id = revisit
        with self.assertRaises(UserError):
            own.cs_survey_answer_id = revisit.user_input_id
        self.assertFalse(revisit.need_ticket_ids)

    def test_survey_score_not_editable(self):
        self.customer.cs_survey_opt_out = False
        revisit = self.close(self.create_ticket("Surveyed"))
        self.assertEqual(revisit.method, "survey")
        with self.assertRaises(UserError):
            revisit.with_user(self.specialist).score = 5
        with self.assertRaises(UserError):
            revisit.with_user(self.specialist).feedback = "Very happy"
        with self.assertRaises(UserError):
            revisit.with_user(self.specialist).action_done()

    def test_rights(self):
        revisit = self.close(self.create_ticket("Rights"))
        # specialist_2 follows another customer: no access
        with self.assertRaises(AccessError):
            revisit.with_user(self.specialist_2).read(["score"])
        self.assertEqual(
            self.env["cs.revisit"].with_user(self.specialist_2).search([("id", "=", revisit.id)]),
            self.env["cs.revisit"],
        )
        revisit.with_user(self.supervisor).read(["score"])
        revisit.with_user(self.specialist).read(["score"])
        with self.assertRaises(AccessError):
            revisit.with_user(self.internal_user).read(["score"])
        with self.assertRaises(AccessError):
            revisit.with_user(self.specialist).unlink()
        with self.assertRaises(AccessError):
            revisit.with_user(self.supervisor).unlink()

    def test_form_shows_customer_history(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    (0, 0, {"product_id": self.env["product.product"].create({"name": "Pump"}).id})
                ],
            }
        )
        order.action_confirm()
        ticket = self.create_ticket("History")
        revisit = self.close(ticket).with_user(self.specialist)
        # sold by someone else: the specialist still sees what the customer bought
        self.assertFalse(order.with_user(self.specialist).has_access("read"))
        self.assertIn(order.name, revisit.purchase_summary)
        self.assertIn("Pump", revisit.purchase_summary)
        self.assertIn(ticket, revisit.customer_ticket_ids)

    def test_history_per_customer(self):
        """Read together (a list), each revisit shows its own customer's latest
        orders: a customer with many orders does not push out another's."""
        product = self.env["product.product"].create({"name": "Filter"})
        orders = self.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
                for partner in [self.customer] * (HISTORY_LIMIT + 2) + [self.customer_2]
            ]
        )
        orders.action_confirm()
        mine = self.close(self.create_ticket("A"))
        theirs = self.close(self.create_ticket("B", partner_id=self.customer_2.id))
        self.assertEqual(theirs.partner_id, self.customer_2)
        revisits = mine | theirs
        revisits.invalidate_recordset(["purchase_summary"])
        self.assertIn(orders[-1].name, theirs.purchase_summary)
        shown = [order for order in orders[:-1] if order.name in mine.purchase_summary]
        self.assertEqual(len(shown), HISTORY_LIMIT)

    def test_feedback_to_service_need(self):
        revisit = self.close(self.create_ticket("Leaking pump")).with_user(self.specialist)
        revisit.feedback = "The pump leaks again"
        action = revisit.action_register_need()
        need = (
            self.env["helpdesk.ticket"]
            .with_user(self.specialist)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(need.cs_origin_revisit_id, revisit)
        self.assertEqual(need.partner_id, self.customer)
        self.assertEqual(need.cs_request_type, "repair")
        self.assertIn("leaks again", need.description)
        self.assertEqual(revisit.need_count, 1)
        # the need closes: the customer is asked again (a revisit of its own)
        self.close(need)
        self.assertEqual(len(need.cs_revisit_ids), 1)
        self.assertNotEqual(need.cs_revisit_ids, revisit)
