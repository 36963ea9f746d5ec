# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestTrainingScorecardTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.trainee = new_test_user(
            cls.env,
            login="tour_trainee",
            name="Tour Trainee",
            groups="cs_service_dept.group_cs_specialist",
        )
        cls.specialist = new_test_user(
            cls.env,
            login="tour_scorecard_specialist",
            name="Tour Scorecard Specialist",
            groups="cs_service_dept.group_cs_specialist",
        )
        new_test_user(
            cls.env,
            login="tour_training_supervisor",
            email="tour_supervisor@example.com",
            groups="cs_service_dept.group_cs_supervisor",
        )
        new_test_user(
            cls.env, login="tour_scorecard_manager", groups="cs_service_dept.group_cs_manager"
        )
        cls.env["cs.specialist"].create(
            [{"user_id": cls.trainee.id}, {"user_id": cls.specialist.id}]
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "Tour Certification",
                "certification": True,
                "scoring_type": "scoring_without_answers",
                "scoring_success_min": 50.0,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "一个工作日内完成调查？",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": "是", "is_correct": True, "answer_score": 10}
                                ),
                                Command.create({"value": "否", "answer_score": 0}),
                            ],
                        }
                    )
                ],
            }
        )

    def test_training_session_with_assessment(self):
        self.start_tour(
            "/odoo/action-cs_service_dept.cs_training_action/new",
            "cs_service_dept_training_session",
            login="tour_training_supervisor",
        )
        training = self.env["cs.training"].search([("name", "=", "投诉处理技巧")])
        self.assertEqual(training.state, "planned")
        # typed in the tour: what the passed attendee is proposed
        self.assertEqual(training.certified_level, 4)
        self.assertEqual(training.attendee_ids.user_id, self.trainee)
        answer = self.env["survey.user_input"].search(
            [("survey_id", "=", self.survey.id), ("partner_id", "=", self.trainee.partner_id.id)]
        )
        self.assertEqual(len(answer), 1, "the attendee was invited")
        self.start_tour(
            "/odoo/action-cs_service_dept.cs_training_attendee_action_mine",
            "cs_service_dept_training_mine",
            login="tour_trainee",
        )
        answer._save_lines(
            self.survey.question_ids, self.survey.question_ids.suggested_answer_ids[0].id
        )
        answer._mark_done()
        training.attendee_ids.invalidate_recordset()
        self.assertTrue(training.attendee_ids.passed)
        self.assertEqual(training.attendee_ids.proposed_skill_level, 4)

    def test_scorecards_through_approval(self):
        self.start_tour(
            "/odoo/action-cs_service_dept.cs_scorecard_action",
            "cs_service_dept_scorecard_submit",
            login="tour_training_supervisor",
        )
        card = self.env["cs.scorecard"].search([("user_id", "=", self.specialist.id)])
        self.assertEqual(card.state, "to_approve")
        self.assertIn("跟进需加强", card.remarks)
        self.start_tour(
            f"/odoo/action-cs_service_dept.cs_scorecard_action/{card.id}",
            "cs_service_dept_scorecard_approve",
            login="tour_scorecard_manager",
        )
        self.assertEqual(card.state, "approved")
        self.assertEqual(self.env["cs.scorecard"].with_user(self.specialist).search([]), card)
