# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged

from .common import CsSurveyRepairCommon


@tagged("post_install", "-at_install")
class TestSurveyTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env, login="tour_cs_manager", groups="cs_service_dept.group_cs_manager"
        )
        specialist = new_test_user(
            cls.env, login="tour_cs_specialist", groups="cs_service_dept.group_cs_specialist"
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Tour Team", "user_ids": [Command.set(specialist.ids)]}
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Tour Customer",
                "is_company": True,
                "email": "tour.customer@example.com",
                "cs_specialist_id": specialist.id,
                "lang": "en_US",
            }
        )

    def test_customer_answers_and_manager_sees_figure(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Tour repair",
                "description": "<p>Tour</p>",
                "partner_id": self.customer.id,
                "team_id": self.team.id,
                "cs_request_type": "repair",
            }
        )
        ticket.stage_id = self.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], order="sequence", limit=1
        )
        answer = ticket.cs_revisit_ids.user_input_id
        self.assertTrue(answer)
        self.start_tour("/odoo", "cs_survey_figures_no_data", login=self.manager.login)
        # the customer, not logged in, answers through their token link
        self.start_tour(answer.get_start_url(), "cs_survey_answer")
        answer.invalidate_recordset()
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.cs_score, 5)
        self.start_tour("/odoo", "cs_survey_figures_satisfied", login=self.manager.login)


@tagged("post_install", "-at_install")
class TestRepairSurveyTour(CsSurveyRepairCommon, HttpCase):
    def test_customer_answers_repair_survey(self):
        """The customer of an accepted repair answers the repair survey through
        the link of their invitation: the repair's revisit is done with the score."""
        ticket = self.create_ticket("椅子异响")
        repair = self.create_warranty_repair(ticket_id=ticket.id)
        revisit = self.accept_repair(repair)
        answer = revisit.user_input_id
        self.assertEqual(answer.survey_id, self.survey_repair)
        self.assertEqual(revisit.state, "planned")
        self.start_tour(answer.get_start_url(), "cs_survey_answer_repair")
        self.env.invalidate_all()
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.cs_score, 5)
        self.assertEqual(revisit.state, "done")
        self.assertEqual(revisit.score, 5)
        self.assertIn("Quick and friendly", revisit.feedback)
