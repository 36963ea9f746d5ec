# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CsSurveyRepairCommon


@tagged("post_install", "-at_install")
class TestRepairRevisit(CsSurveyRepairCommon):
    """The signed acceptance of a repair plans its revisit: a cs.revisit with
    the repair survey, instead of cs_service_dept's "revisit" follow-up."""

    def test_accepted_repair_gets_revisit_and_survey(self):
        ticket = self.create_ticket("椅子异响")
        repair = self.create_warranty_repair(ticket_id=ticket.id)
        revisit = self.accept_repair(repair)
        self.assertEqual(len(revisit), 1)
        self.assertEqual(revisit.source, "repair")
        self.assertEqual((revisit.res_model, revisit.res_id), ("repair.order", repair.id))
        self.assertEqual(revisit.partner_id, self.customer)
        self.assertEqual(revisit.specialist_id, self.specialist)
        self.assertEqual(revisit.ticket_id, ticket)
        self.assertEqual(revisit.team_id, self.team)
        today = self.env["cs.followup"]._cs_today()
        self.assertEqual(revisit.service_date, today)
        self.assertEqual(revisit.due_date, today + timedelta(days=7))
        self.assertTrue(revisit.required)
        # the only revisit record: no follow-up besides it
        self.assertFalse(repair.cs_followup_id)
        self.assertFalse(self.env["cs.followup"].search([("repair_id", "=", repair.id)]))
        self.assertEqual(repair.with_user(self.specialist).cs_revisit_id, revisit)
        # the repair survey, sent to the customer with a personal token
        self.assertEqual(revisit.method, "survey")
        answer = revisit.user_input_id
        self.assertEqual(answer.survey_id, self.survey_repair)
        self.assertEqual(answer.partner_id, self.customer)
        self.assertTrue(answer.invite_token)
        mail = (
            self.env["mail.mail"]
            .search([("model", "=", "survey.user_input")])
            .filtered(lambda m: m.res_id == answer.id)
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(answer.access_token, mail.body_html)
        # it names the repair revisited, not the ticket it came from
        self.assertEqual(revisit.service_name, repair.display_name)
        self.assertIn(repair.display_name, mail.body_html)
        self.assertNotIn(ticket.display_name, mail.body_html)
        # once per repair: planning again changes nothing
        self.assertFalse(repair.sudo()._cs_plan_revisit())
        self.assertEqual(self.revisit_of(repair), revisit)
        self.assertEqual(len(revisit.user_input_ids), 1)

    def test_opted_out_customer_is_called(self):
        self.customer.cs_survey_opt_out = True
        revisit = self.accept_repair(self.create_warranty_repair())
        self.assertEqual(revisit.method, "phone")
        self.assertFalse(revisit.user_input_ids)
        self.assertEqual(revisit.activity_ids.user_id, self.specialist)

    def test_recently_surveyed_customer_is_called(self):
        self.assertTrue(self.close(self.create_ticket("First")).user_input_id)
        revisit = self.accept_repair(self.create_warranty_repair())
        self.assertEqual(revisit.method, "phone")
        self.assertFalse(revisit.user_input_ids)

    def test_maintenance_revisit(self):
        repair = self.create_warranty_repair(picking_type_id=self.maintenance_type.id)
        self.assertEqual(repair.cs_repair_kind, "maintenance")
        revisit = self.accept_repair(repair)
        self.assertEqual(revisit.source, "repair")
        self.assertEqual(revisit.user_input_id.survey_id, self.survey_repair)

    def test_satisfied_answer_closes_revisit(self):
        revisit = self.accept_repair(self.create_warranty_repair())
        answer = self.answer(revisit.user_input_id, 5, comment="修得很好")
        self.assertEqual(revisit.state, "done")
        self.assertEqual(revisit.score, 5)
        self.assertEqual(revisit.feedback, "修得很好")
        self.assertFalse(answer.cs_complaint_id)

    def test_low_score_opens_complaint(self):
        ticket = self.create_ticket("Chair noise", user_id=self.specialist_2.id)
        repair = self.create_warranty_repair(ticket_id=ticket.id)
        revisit = self.accept_repair(repair)
        answer = self.answer(revisit.user_input_id, 1, solved=False, comment="Still noisy")
        complaint = answer.cs_complaint_id
        self.assertTrue(complaint)
        self.assertNotEqual(complaint, ticket)
        self.assertEqual(complaint.cs_request_type, "complaint")
        # the customer's specialist, not the one of the repair's ticket
        self.assertEqual(complaint.user_id, self.specialist)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.cs_survey_answer_id, answer)
        self.assertEqual(complaint.team_id, self.team)
        self.assertEqual(revisit.complaint_id, complaint)
        self.assertIn("Still noisy", complaint.description)

    def test_repair_request_revisited_once(self):
        """A repair ticket whose repair was accepted closes without a revisit of
        its own: one revisit (and one survey) per service."""
        ticket = self.create_ticket("椅子异响", cs_request_type="repair")
        repair = self.create_warranty_repair(ticket_id=ticket.id)
        revisit = self.accept_repair(repair)
        self.close(ticket)
        # the ticket's revisits: its repair's only
        self.assertEqual(ticket.cs_revisit_ids, revisit)
        self.assertEqual(
            self.env["cs.revisit"].search([("partner_id", "=", self.customer.id)]), revisit
        )

    def test_repair_of_a_complaint_opens_a_new_complaint(self):
        """A repair that came from a complaint has its own survey: a low score
        opens a complaint, it does not reopen the one the repair came from."""
        origin = self.create_complaint("Broken chair", team_id=self.team.id)
        repair = self.create_warranty_repair(ticket_id=origin.id)
        revisit = self.accept_repair(repair)
        self.assertEqual(revisit.source, "repair")
        answer = self.answer(revisit.user_input_id, 2)
        self.assertTrue(answer.cs_complaint_id)
        self.assertNotEqual(answer.cs_complaint_id, origin)
        self.assertEqual(origin.cs_reopened_count, 0)

    def test_rights(self):
        revisit = self.accept_repair(self.create_warranty_repair())
        # specialist_2 follows another customer: neither the revisit nor the answer
        with self.assertRaises(AccessError):
            revisit.with_user(self.specialist_2).read(["score"])
        self.assertFalse(
            self.env["cs.revisit"].with_user(self.specialist_2).search([("id", "=", revisit.id)])
        )
        with self.assertRaises(AccessError):
            revisit.user_input_id.with_user(self.specialist_2).read(["cs_score"])
        revisit.with_user(self.specialist).read(["score"])
        revisit.with_user(self.supervisor).read(["score"])
        # the engineer who had the repair accepted sees no revisit
        with self.assertRaises(AccessError):
            revisit.with_user(self.engineer).read(["score"])

    def test_system_fields_cannot_be_forged(self):
        repair = self.create_warranty_repair()
        Revisit = self.env["cs.revisit"].with_user(self.specialist)
        for vals in (
            {"source": "repair"},
            {"res_model": "repair.order", "res_id": repair.id},
        ):
            with self.assertRaises(UserError):
                Revisit.create({"partner_id": self.customer.id, **vals})
        # a revisit forged in advance cannot take the repair's place either
        manual = Revisit.create({"partner_id": self.customer.id})
        for vals in (
            {"res_model": "repair.order", "res_id": repair.id},
            {"source": "repair"},
            {"state": "done"},
        ):
            with self.assertRaises(UserError):
                manual.write(vals)
        revisit = self.accept_repair(repair)
        self.assertNotEqual(revisit, manual)
        with self.assertRaises(UserError):
            revisit.with_user(self.specialist).score = 5  # the customer's answer
        with self.assertRaises(UserError):
            revisit.with_user(self.specialist).write({"res_id": repair.id + 1})


@tagged("post_install", "-at_install")
class TestRepairNeed(CsSurveyRepairCommon):
    """Feedback → service need: a repair or maintenance order opened from the
    revisit; when the customer accepts it, they are asked again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.cs_survey_opt_out = True  # phone revisits: no quiet days in the way

    def test_repair_need_from_ticket_revisit(self):
        ticket = self.create_ticket("Leaking pump")
        revisit = self.close(ticket).with_user(self.specialist)
        revisit.feedback = "The chair creaks again"
        action = revisit.action_register_repair()
        repair = self.env["repair.order"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "repair.order")
        self.assertEqual(repair.cs_origin_revisit_id, revisit)
        self.assertEqual(repair.ticket_id, ticket)
        self.assertEqual(repair.partner_id, self.customer)
        self.assertEqual(repair.cs_repair_kind, "repair")
        self.assertEqual(repair.cs_fault_description, "The chair creaks again")
        self.assertEqual(revisit.need_repair_count, 1)
        self.assertEqual(revisit.need_repair_ids, repair)
        domain = revisit.action_view_need_repairs()["domain"]
        self.assertEqual(domain, [("cs_origin_revisit_id", "=", revisit.id)])
        # the need closes (accepted): the customer is asked again, on a revisit of its own
        repair.with_user(self.specialist).write(
            {
                "product_id": self.product.id,
                "cs_appointment_start": self.later(24),
                "cs_proof_type": "invoice",
                "cs_purchase_date": self.env["cs.followup"]._cs_today(),
            }
        )
        self.assertTrue(repair.under_warranty)
        again = self.accept_repair(repair)
        self.assertTrue(again)
        self.assertNotEqual(again, revisit)
        self.assertEqual(again.source, "repair")
        self.assertEqual(again.state, "planned")
        self.assertEqual(revisit.state, "planned")

    def test_maintenance_need_from_repair_revisit(self):
        revisit = self.accept_repair(self.create_warranty_repair()).with_user(self.specialist)
        action = revisit.action_register_maintenance()
        need = self.env["repair.order"].browse(action["res_id"])
        self.assertEqual(need.cs_repair_kind, "maintenance")
        self.assertEqual(need.picking_type_id, self.maintenance_type)
        self.assertEqual(need.cs_origin_revisit_id, revisit)
        self.assertEqual(need.with_user(self.specialist).cs_origin_revisit_id, revisit)

    def test_need_refusals(self):
        revisit = self.close(self.create_ticket("Refusals"))
        # outside customer service, or another specialist's customer
        with self.assertRaises(AccessError):
            revisit.with_user(self.internal_user).action_register_repair()
        with self.assertRaises(AccessError):
            revisit.with_user(self.engineer).action_register_maintenance()
        with self.assertRaises(AccessError):
            revisit.with_user(self.specialist_2).action_register_repair()
        # a repair linked by hand (or a forged default) to a revisit out of sight
        Repair = self.env["repair.order"].with_user(self.specialist_2)
        with self.assertRaises(AccessError):
            Repair.with_context(default_cs_origin_revisit_id=revisit.id).create(
                {"partner_id": self.customer_2.id}
            )
        own = Repair.create({"partner_id": self.customer_2.id})
        with self.assertRaises(AccessError):
            own.cs_origin_revisit_id = revisit
        # a cancelled revisit calls for nothing
        revisit.with_user(self.specialist).action_cancel()
        with self.assertRaises(UserError):
            revisit.with_user(self.specialist).action_register_repair()
        self.assertFalse(revisit.need_repair_ids)


@tagged("post_install", "-at_install")
class TestRepairFigures(CsSurveyRepairCommon):
    """Repairs count as services in the figures, once each (hand-computed):

    =======  ==========  =================  =====  =========
    service  customer    revisit            score  satisfied
    =======  ==========  =================  =====  =========
    repair   customer    survey, answered   5      yes
    repair   customer_2  phone (opted out)  3      no
    ticket   customer    survey, answered   1      no
    =======  ==========  =================  =====  =========

    Satisfaction 1 / 3; revisit rate 3 / 3 (all done today, due in 7 days);
    response 2 / 2. Repairs alone: satisfaction 1 / 2, revisit 2 / 2, response
    1 / 1: the answered repair counts once, not once for its answer and once
    for the score its revisit copies.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param("cs_survey.quiet_days", "0")
        cls.customer_2.cs_survey_opt_out = True

    def figures(self, **terms):
        today = self.env["cs.followup"]._cs_today()
        domain = [
            ("date", "=", today),
            ("partner_id", "in", (self.customer | self.customer_2).ids),  # not the demo data
        ]
        domain += [(name, "=", value) for name, value in terms.items()]
        return self.env["cs.satisfaction.report"]._cs_figures(domain)

    def test_repairs_count_once(self):
        answered = self.accept_repair(self.create_warranty_repair())
        self.answer(answered.user_input_id, 5)
        called = self.accept_repair(
            self.create_warranty_repair(user=self.specialist_2, partner_id=self.customer_2.id)
        )
        self.assertEqual((called.method, called.specialist_id), ("phone", self.specialist_2))
        called = called.with_user(self.specialist_2)
        called.write({"score": 3, "feedback": "还行"})
        called.action_done()
        ticket = self.close(self.create_ticket("Invoice question"))
        self.answer(ticket.user_input_id, 1, solved=False)
        self.assertEqual(answered.score, 5)  # the revisit's copy of the answer

        figures = self.figures()
        self.assertEqual(figures["scored"], 3)
        self.assertAlmostEqual(figures["satisfaction"], 100.0 / 3)
        self.assertEqual(figures["required"], 3)
        self.assertAlmostEqual(figures["revisit"], 100.0)
        self.assertEqual(figures["invited"], 2)
        self.assertAlmostEqual(figures["response"], 100.0)

        repairs = self.figures(source="repair")
        self.assertEqual(repairs["scored"], 2)
        self.assertAlmostEqual(repairs["satisfaction"], 50.0)
        self.assertEqual(repairs["required"], 2)
        self.assertAlmostEqual(repairs["revisit"], 100.0)
        self.assertEqual(repairs["invited"], 1)
        self.assertAlmostEqual(repairs["response"], 100.0)
        Report = self.env["cs.satisfaction.report"]
        self.assertEqual(Report.search_count([("revisit_id", "=", answered.id)]), 1)
        # the specialist's own figures: their customer's repair and ticket
        mine = Report.with_user(self.specialist)._cs_figures(
            [("partner_id", "in", (self.customer | self.customer_2).ids)]
        )
        self.assertEqual(mine["scored"], 2)
        self.assertAlmostEqual(mine["satisfaction"], 50.0)


@tagged("post_install", "-at_install")
class TestRepairFollowupConversion(CsSurveyRepairCommon):
    def test_install_converts_planned_followups(self):
        """Repairs accepted before the module was installed: their planned
        "revisit" follow-up becomes their revisit, once, and is cancelled; one
        already done becomes a done revisit, so that the revisit rate counts it."""
        repair = self.create_warranty_repair()
        self.accept_repair(repair)
        self.revisit_of(repair).unlink()  # as if accepted before the install
        revisited = self.create_warranty_repair()
        self.accept_repair(revisited)
        self.revisit_of(revisited).unlink()
        today = self.env["cs.followup"]._cs_today()
        due = today + timedelta(days=5)
        Followup = self.env["cs.followup"].sudo()
        followup = Followup.create(
            {
                "partner_id": self.customer.id,
                "rule": "revisit",
                "method": "visit",
                "planned_date": due,
                "specialist_id": self.specialist_2.id,
                "repair_id": repair.id,
            }
        )
        self.assertTrue(followup.activity_id)
        done = Followup.create(
            {
                "partner_id": self.customer.id,
                "rule": "revisit",
                "method": "phone",
                "planned_date": today,
                "specialist_id": self.specialist.id,
                "repair_id": revisited.id,
            }
        )
        done.write({"state": "done", "done_date": today, "outcome": "<p>客户满意，椅子正常</p>"})
        revisits = self.env["repair.order"]._cs_convert_revisit_followups()
        self.assertEqual(revisits, self.revisit_of(repair) | self.revisit_of(revisited))
        planned = self.revisit_of(repair)
        self.assertEqual(planned.source, "repair")
        self.assertEqual(planned.state, "planned")
        self.assertEqual(planned.method, "visit")
        self.assertEqual(planned.specialist_id, self.specialist_2)
        self.assertEqual(planned.due_date, due)
        self.assertFalse(planned.user_input_ids, "no survey mailed for a past repair")
        self.assertEqual(planned.activity_ids.user_id, self.specialist_2)
        self.assertEqual(followup.state, "cancelled")
        self.assertFalse(followup.activity_id.exists())
        # the repair revisited before the install counts as revisited, on time
        past = self.revisit_of(revisited)
        self.assertEqual(past.state, "done")
        self.assertEqual(past.done_date, today)
        self.assertEqual(past.specialist_id, self.specialist)
        self.assertEqual(past.feedback, "客户满意，椅子正常")
        self.assertFalse(past.activity_ids)
        self.assertFalse(past.user_input_ids)
        self.assertEqual(done.state, "done", "a done follow-up stays done")
        # twice changes nothing
        self.assertFalse(self.env["repair.order"]._cs_convert_revisit_followups())
