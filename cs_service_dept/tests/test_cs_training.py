# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError

from .common import CsCommon


class TestTraining(CsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.specialist"].create(
            [{"user_id": cls.specialist.id}, {"user_id": cls.specialist_2.id, "skill_level": 4}]
        )
        cls.survey = cls.env["survey.survey"].create(
            {
                "title": "投诉处理认证",
                "certification": True,
                "scoring_type": "scoring_without_answers",
                "scoring_success_min": 70.0,
                "question_and_page_ids": [
                    Command.create(
                        {
                            "title": "客户投诉后多久内回复？",
                            "question_type": "simple_choice",
                            "suggested_answer_ids": [
                                Command.create(
                                    {"value": "一个工作日", "is_correct": True, "answer_score": 10}
                                ),
                                Command.create({"value": "一周", "answer_score": 0}),
                            ],
                        }
                    )
                ],
            }
        )
        cls.question = cls.survey.question_ids
        cls.right, cls.wrong = cls.question.suggested_answer_ids

    def setUp(self):
        super().setUp()
        self.training = (
            self.env["cs.training"]
            .with_user(self.supervisor)
            .create(
                {
                    "name": "投诉处理技巧",
                    "trainer_id": self.supervisor.id,
                    "survey_id": self.survey.id,
                    "certified_level": 4,
                    "attendee_ids": [
                        Command.create({"user_id": self.specialist.id, "attendance": "present"}),
                        Command.create({"user_id": self.specialist_2.id, "attendance": "present"}),
                    ],
                }
            )
        )
        self.mine, self.other = self.training.attendee_ids.sorted(
            lambda a: a.user_id != self.specialist
        )

    def answer(self, user, choice):
        answer = self.env["survey.user_input"].search(
            [("survey_id", "=", self.survey.id), ("partner_id", "=", user.partner_id.id)]
        )
        self.assertEqual(len(answer), 1)
        answer._save_lines(self.question, choice.id)
        answer._mark_done()
        return answer

    def test_session_assessment_and_skill_level(self):
        training = self.training.with_user(self.supervisor)
        training.action_plan()
        self.assertEqual(self.mine.assessment_state, "none")
        mails = self.env["mail.mail"].search([]).ids
        training.action_send_assessment()
        self.assertTrue(training.assessment_sent)
        sent = self.env["mail.mail"].search([("id", "not in", mails)])
        self.assertEqual(
            sent.recipient_ids,
            (self.specialist | self.specialist_2).partner_id,
            "one invitation each",
        )
        self.assertEqual(self.mine.assessment_state, "open")
        action = self.mine.with_user(self.specialist).action_take_assessment()
        self.assertIn("answer_token=", action["url"])
        self.answer(self.specialist, self.right)
        self.answer(self.specialist_2, self.wrong)
        self.training.attendee_ids.invalidate_recordset()
        self.assertEqual((self.mine.passed, self.mine.score), (True, 100.0))
        self.assertEqual((self.other.passed, self.other.score), (False, 0.0))
        self.assertEqual(training.passed_count, 1)
        # proposed from the passed certification: 3 -> 4; the other failed (and is at 4)
        self.assertEqual((self.mine.skill_level, self.mine.proposed_skill_level), (3, 4))
        self.assertEqual(self.other.proposed_skill_level, 0)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.specialist).action_apply_skill_level()
        with self.assertRaisesRegex(UserError, "No skill level is proposed"):
            self.other.with_user(self.supervisor).action_apply_skill_level()
        training.action_apply_skill_levels()
        specialist = self.env["cs.specialist"].search([("user_id", "=", self.specialist.id)])
        self.assertEqual(specialist.skill_level, 4)
        self.mine.invalidate_recordset()
        self.assertTrue(self.mine.skill_applied)
        self.assertEqual(self.mine.proposed_skill_level, 0)
        training.action_done()
        self.assertEqual(training.state, "done")

    def test_specialist_sees_own_training(self):
        self.training.with_user(self.supervisor).action_plan()
        Attendee = self.env["cs.training.attendee"].with_user(self.specialist)
        self.assertEqual(Attendee.search([]), self.mine)
        with self.assertRaises(AccessError):
            self.other.with_user(self.specialist).read(["score"])
        self.assertEqual(
            self.env["cs.training"].with_user(self.specialist).search([]), self.training
        )
        with self.assertRaises(AccessError):
            self.training.with_user(self.specialist).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.training.with_user(self.specialist).action_send_assessment()

    def test_refusals(self):
        training = self.training.with_user(self.supervisor)
        with self.assertRaisesRegex(UserError, "not in a state"):
            training.action_send_assessment()
        training.action_plan()
        training.survey_id = False
        with self.assertRaisesRegex(UserError, "has no assessment"):
            training.action_send_assessment()
        empty = training.create({"name": "空"})
        with self.assertRaisesRegex(UserError, "Add the attendees"):
            empty.action_plan()
        with self.assertRaisesRegex(UserError, "no assessment to take"):
            self.mine.with_user(self.specialist).action_take_assessment()
