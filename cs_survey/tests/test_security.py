# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.cs_service_dept.tests.common import RightsMatrixMixin

from .common import CsSurveyCommon

ALL = "crwu"
MANAGERS = {"manager": ALL, "general_manager": ALL}
STAFF = ("specialist", "supervisor", "manager", "general_manager")

# cs_survey's rights, written out: a model added without its rights, or a right
# that drifts, fails here. Record rules narrow them further (own customers).
RIGHTS = {
    "cs.revisit": {"specialist": "crw", "supervisor": "crw", **MANAGERS},
    "cs.revisit.plan": {"specialist": "r", "supervisor": "r", **MANAGERS},
    "cs.satisfaction.report": dict.fromkeys(STAFF, "r"),
    "cs.survey.figures": dict.fromkeys(STAFF, "crw"),
    "cs.quality.summary": {"supervisor": "r", **MANAGERS},
    "cs.quality.action": {"specialist": "rw", "supervisor": "rw", **MANAGERS},
}


@tagged("post_install", "-at_install")
class TestSecurity(CsSurveyCommon):
    def test_templates_only_for_managers(self):
        survey = self.survey_ticket
        question = survey.question_ids[:1]
        choice = survey.question_ids.suggested_answer_ids[:1]
        for user in (self.specialist, self.supervisor, self.internal_user):
            with self.assertRaises(AccessError):
                survey.with_user(user).write({"title": "Hacked"})
            with self.assertRaises(AccessError):
                question.with_user(user).write({"title": "Hacked"})
            with self.assertRaises(AccessError):
                choice.with_user(user).write({"cs_solved": True})
            with self.assertRaises(AccessError):
                survey.with_user(user).unlink()
            with self.assertRaises(AccessError):
                self.env["survey.survey"].with_user(user).create(
                    {"title": "Mine", "survey_type": "cs_satisfaction"}
                )
        survey.with_user(self.manager).write({"title": "Our service, in one minute"})
        self.assertEqual(survey.title, "Our service, in one minute")
        # other surveys stay the survey officers' business
        other = self.env["survey.survey"].create({"title": "Team lunch"})
        other.with_user(self.specialist).write({"title": "Team dinner"})

    def test_answers_visible_to_own_specialist_and_locked(self):
        revisit = self.close(self.create_ticket("Answer rights"))
        answer = self.answer(revisit.user_input_id, 5)
        answer.with_user(self.specialist).read(["cs_score"])
        answer.user_input_line_ids.with_user(self.specialist).read(["value_scale"])
        answer.with_user(self.supervisor).read(["cs_score"])
        for user in (self.specialist_2, self.internal_user):
            with self.assertRaises(AccessError):
                answer.with_user(user).read(["cs_score"])
        for user in (self.specialist, self.supervisor, self.manager):
            with self.assertRaises(UserError):  # AccessError is one too
                answer.user_input_line_ids[:1].with_user(user).write({"value_scale": 1})
            with self.assertRaises(UserError):  # AccessError is one too
                answer.with_user(user).unlink()
        # even a user with every right cannot edit a finished answer
        admin = self.env.ref("base.user_admin")
        with self.assertRaises(UserError):
            answer.with_user(admin).sudo(False)._cs_check_not_done()
        self.assertEqual(answer.cs_score, 5)


@tagged("post_install", "-at_install")
class TestRightsMatrix(RightsMatrixMixin, CsSurveyCommon):
    def test_rights_matrix(self):
        self.assert_rights_matrix("cs_survey", RIGHTS)
