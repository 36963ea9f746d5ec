# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import new_test_user


@tagged("post_install", "-at_install")
class TestSurveyController(HttpCase):
    """The customer answers through the survey controller with their token,
    as the public user (no login)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist = new_test_user(
            cls.env, login="cs_http_specialist", groups="cs_service_dept.group_cs_specialist"
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Token Customer",
                "is_company": True,
                "email": "token@example.com",
                "cs_specialist_id": cls.specialist.id,
            }
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "HTTP team", "user_ids": [Command.set(cls.specialist.ids)]}
        )
        cls.stage_done = cls.env["helpdesk.ticket.stage"].search(
            [("closed", "=", True)], order="sequence", limit=1
        )
        cls.survey = cls.env.ref("cs_survey.survey_cs_ticket")

    def _submit(self, answer, score, solved):
        survey = answer.survey_id
        questions = {q.cs_role: q for q in survey.question_ids}
        page = self.url_open(f"/survey/{survey.access_token}/{answer.access_token}")
        self.assertEqual(page.status_code, 200)
        csrf = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text)
        csrf = csrf.group(1) if csrf else re.search(r'csrf_token: "([^"]+)"', page.text).group(1)
        self.opener.post(
            url=f"{survey.get_base_url()}/survey/begin/{survey.access_token}/{answer.access_token}",
            json={},
        )
        choice = questions["solved"].suggested_answer_ids.filtered(lambda a: a.cs_solved == solved)
        post_data = {
            str(questions["satisfaction"].id): str(score),
            str(questions["solved"].id): str(choice.id),
            str(questions["comment"].id): "Not good at all",
            "csrf_token": csrf,
            "token": answer.access_token,
            "button_submit": "submit",
        }
        return self.opener.post(
            url=f"{survey.get_base_url()}/survey/submit/{survey.access_token}/{answer.access_token}",
            json={"params": post_data},
        )

    def test_low_score_through_controller(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Noisy fridge",
                "description": "<p>Noisy</p>",
                "partner_id": self.customer.id,
                "team_id": self.team.id,
                "cs_request_type": "repair",
            }
        )
        ticket.stage_id = self.stage_done
        revisit = ticket.cs_revisit_ids
        answer = revisit.user_input_id
        self.assertEqual(answer.state, "new")
        self.authenticate(None, None)  # the public user: no login
        response = self._submit(answer, 1, solved=False)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("error", response.json().get("result", [{}, {}])[1])
        answer.invalidate_recordset()
        revisit.invalidate_recordset()
        self.assertEqual(answer.state, "done")
        self.assertEqual(answer.cs_score, 1)
        self.assertEqual(revisit.state, "done")
        complaint = answer.cs_complaint_id
        self.assertTrue(complaint)
        self.assertEqual(complaint.user_id, self.specialist)
        self.assertEqual(complaint.cs_survey_answer_id, answer)
        # the same token cannot answer twice
        response = self._submit(answer, 5, solved=True)
        self.assertEqual(response.json()["result"][1].get("error"), "unauthorized")
        answer.invalidate_recordset()
        self.assertEqual(answer.cs_score, 1)
        # another token (a forged one) gets nothing
        page = self.url_open(f"/survey/{self.survey.access_token}/not-a-token")
        self.assertNotIn("Not good at all", page.text)
