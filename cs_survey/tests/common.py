# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from odoo.addons.cs_service_dept.tests.repair_common import RepairCommon
from odoo.addons.cs_service_dept.tests.ticket_common import CsTicketCommon


class CsSurveyCommon(CsTicketCommon):
    """Customers followed by a specialist, a team with its stages, and helpers to
    close tickets and answer the satisfaction surveys."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.ref("base.lang_zh_CN").sudo().active = True
        # Odoo makes every internal user a survey officer (base.default_user)
        officer = cls.env.ref("survey.group_survey_user")
        (
            cls.specialist | cls.specialist_2 | cls.supervisor | cls.manager | cls.internal_user
        ).write({"groups_id": [Command.link(officer.id)]})
        cls.customer.write({"cs_specialist_id": cls.specialist.id, "lang": "zh_CN"})
        cls.customer_2 = cls.create_customer(
            "Acme Trading", email="acme@example.com", cs_specialist_id=cls.specialist_2.id
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "After-sales",
                "user_ids": [Command.set((cls.specialist | cls.specialist_2).ids)],
            }
        )
        Stage = cls.env["helpdesk.ticket.stage"]
        cls.stage_open = Stage.search([("closed", "=", False)], order="sequence", limit=1)
        cls.stage_done = Stage.search([("closed", "=", True)], order="sequence", limit=1)
        cls.survey_ticket = cls.env.ref("cs_survey.survey_cs_ticket")
        cls.survey_complaint = cls.env.ref("cs_survey.survey_cs_complaint")

    @classmethod
    def create_ticket(cls, name="Ticket", user=None, **vals):
        vals.setdefault("team_id", cls.team.id)
        vals.setdefault("cs_request_type", "repair")
        return super().create_ticket(name, user=user, **vals)

    def close(self, tickets):
        tickets.write({"stage_id": self.stage_done.id})
        return tickets.cs_revisit_ids

    @staticmethod
    def answer_values(survey, score, solved=True, comment=None):
        """The lines a customer's answer holds (as _save_lines would write them)."""
        questions = {q.cs_role: q for q in survey.question_ids}
        solved_question = questions["solved"]
        choice = solved_question.suggested_answer_ids.filtered(lambda a: a.cs_solved == solved)
        lines = [
            Command.create(
                {
                    "question_id": questions["satisfaction"].id,
                    "answer_type": "scale",
                    "value_scale": score,
                }
            ),
            Command.create(
                {
                    "question_id": solved_question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": choice[:1].id,
                }
            ),
        ]
        if comment:
            lines.append(
                Command.create(
                    {
                        "question_id": questions["comment"].id,
                        "answer_type": "text_box",
                        "value_text_box": comment,
                    }
                )
            )
        return lines

    def answer(self, user_input, score, solved=True, comment=None):
        """The customer answers (sudo, as the survey controller does)."""
        user_input = user_input.sudo()
        user_input.write(
            {
                "user_input_line_ids": self.answer_values(
                    user_input.survey_id, score, solved, comment
                )
            }
        )
        user_input._mark_done()
        return user_input


class CsSurveyRepairCommon(CsSurveyCommon, RepairCommon):
    """The survey helpers with the repair flow's engineers, product and fees
    (the customer is the survey tests' one, followed by the specialist)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.survey_repair = cls.env.ref("cs_survey.survey_cs_repair")

    def accept_repair(self, repair):
        """Dispatch, repair and have the customer sign: the repair is accepted."""
        if repair.state == "draft" and not repair.cs_engineer_id:
            self.dispatch(repair)
        as_engineer = repair.with_user(self.engineer)
        as_engineer.action_repair_start()
        as_engineer.action_repair_end()
        self.sign(as_engineer)
        as_engineer.action_cs_accept()
        return self.revisit_of(repair)

    def revisit_of(self, repair):
        return self.env["cs.revisit"].search(
            [("res_model", "=", "repair.order"), ("res_id", "=", repair.id)]
        )

    def create_warranty_repair(self, **vals):
        return self.create_repair(
            cs_proof_type="invoice",
            cs_purchase_date=self.env["cs.followup"]._cs_today(),
            **vals,
        )
