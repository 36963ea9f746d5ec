# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.cs_service_dept.tests.test_helpdesk_ticket_complaint import TestComplaintFlow

from .common import CsSurveyCommon


@tagged("post_install", "-at_install")
class TestLowScore(CsSurveyCommon):
    def test_satisfied_answer_closes_revisit(self):
        revisit = self.close(self.create_ticket("Fixed"))
        answer = self.answer(revisit.user_input_id, 5, comment="Quick and kind")
        self.assertEqual(answer.cs_score, 5)
        self.assertEqual(answer.cs_solved, "yes")
        self.assertEqual(revisit.state, "done")
        self.assertEqual(revisit.score, 5)
        self.assertTrue(revisit.satisfied)
        self.assertEqual(revisit.feedback, "Quick and kind")
        self.assertFalse(answer.cs_complaint_id)

    def test_low_score_opens_complaint_for_specialist(self):
        ticket = self.create_ticket("Broken again", user_id=self.specialist_2.id)
        revisit = self.close(ticket)
        answer = self.answer(revisit.user_input_id, 2, comment="Still broken")
        complaint = answer.cs_complaint_id
        self.assertTrue(complaint)
        self.assertEqual(complaint.cs_request_type, "complaint")
        self.assertEqual(complaint.cs_complaint_state, "registered")
        self.assertEqual(complaint.partner_id, self.customer)
        # the customer's specialist, not the one who handled the ticket
        self.assertEqual(complaint.user_id, self.specialist)
        self.assertEqual(complaint.cs_survey_answer_id, answer)
        self.assertEqual(revisit.complaint_id, complaint)
        self.assertIn("Still broken", complaint.description)

    def test_not_solved_opens_complaint(self):
        revisit = self.close(self.create_ticket("Half done"))
        answer = self.answer(revisit.user_input_id, 4, solved=False)
        self.assertEqual(answer.cs_solved, "no")
        self.assertTrue(answer.cs_complaint_id)

    def test_neutral_score_opens_nothing(self):
        revisit = self.close(self.create_ticket("So so"))
        answer = self.answer(revisit.user_input_id, 3)
        self.assertFalse(answer.cs_complaint_id)
        self.assertFalse(revisit.satisfied)

    def test_low_score_on_complaint_reopens_it(self):
        complaint = self.create_complaint("Wrong invoice", team_id=self.team.id)
        revisit = self.close(complaint)
        self.assertEqual(revisit.source, "complaint")
        complaints_before = self.env["helpdesk.ticket"].search_count(
            [("cs_request_type", "=", "complaint")]
        )
        answer = self.answer(revisit.user_input_id, 1, solved=False, comment="Still wrong")
        self.assertEqual(answer.cs_complaint_id, complaint)
        self.assertFalse(complaint.closed)
        self.assertEqual(complaint.cs_complaint_state, "solution_proposed")
        self.assertEqual(complaint.cs_reopened_count, 1)
        # no new complaint: the loop does not feed itself
        self.assertEqual(
            self.env["helpdesk.ticket"].search_count([("cs_request_type", "=", "complaint")]),
            complaints_before,
        )
        message = complaint.message_ids.filtered(lambda m: "Still wrong" in (m.body or ""))
        self.assertIn(self.manager.partner_id, message.partner_ids)
        self.assertNotIn(self.specialist.partner_id, message.partner_ids)
        # closed again: once per service, no second survey
        complaint.stage_id = self.stage_done
        self.assertEqual(len(complaint.cs_revisit_ids), 1)
        self.assertEqual(len(revisit.user_input_ids), 1)


@tagged("post_install", "-at_install")
class TestLowScoreAfterApproval(CsSurveyCommon, TestComplaintFlow):
    """A complaint whose solution was approved, implemented and confirmed comes
    back low from the survey (only this class's tests run, not the flow's)."""

    @freeze_time("2026-11-20 10:00:00")
    def test_reopened_complaint_needs_a_new_approval(self):
        complaint = self.create_complaint("Wrong part", team_id=self.team.id)
        self._walk_to(complaint, "confirmed")
        self.assertTrue(complaint.review_ids)
        revisit = self.close(complaint)
        self.answer(revisit.user_input_id, 1, solved=False)
        self.assertEqual(complaint.cs_complaint_state, "solution_proposed")
        self.assertFalse(complaint.review_ids, "the old approval is dropped")
        # the specialist works out a new solution, sent for a new approval
        as_specialist = complaint.with_user(self.specialist)
        as_specialist.write(
            {"cs_solution": "<p>Refund</p>", "cs_solution_deadline": "2026-11-27 17:00:00"}
        )
        as_specialist.action_cs_propose_solution()
        self.assertEqual(complaint.validation_status, "pending")
