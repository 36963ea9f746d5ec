# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import CsSurveyCommon


@tagged("post_install", "-at_install")
class TestFigures(CsSurveyCommon):
    """Figures on hand-computed data (dates relative to today, base = 30 days ago):

    ====  =========  ========  ==========  ==========  =====  ===========
    rev   method     required  service     done / due  score  specialist
    ====  =========  ========  ==========  ==========  =====  ===========
    R1    phone      yes       base        +2 / +7     5      specialist
    R2    phone      yes       base        +9 / +7     4      specialist
    R3    phone      yes       base        - / +7      -      specialist
    R4    survey     yes       base+20     today/+40   2      specialist_2
    R5    survey     yes       base+20     - / +40     -      specialist_2
    R6    phone      no        base+1      +1 / +7     3      specialist_2
    R7    phone      yes       base        cancelled   -      specialist
    R8    phone      yes       base-40     +1 / +7     1      specialist
    R9    visit      yes       base+2      +3 / +7     -      specialist_2
    ====  =========  ========  ==========  ==========  =====  ===========

    Period [base, today]: R8 is outside, R7 cancelled.
    Satisfaction: scores R1 5, R2 4, R4 2, R6 3 -> 2 satisfied / 4 = 50%.
    Revisit rate: due and required R1 (on time), R2 (late), R3 (overdue),
    R4 (answered on time), R9 (on time); R5 pending -> 3 / 5 = 60%.
    Response rate: R4 answered, R5 not -> 1 / 2 = 50%.
    R4's revisit score is then tampered to 5: the figures keep the answer's 2.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Revisit = cls.env["cs.revisit"].sudo()
        cls.today = fields.Date.context_today(Revisit)
        base = cls.today - timedelta(days=30)
        cls.base = base
        day = timedelta(days=1)

        def revisit(name, specialist, service, due, method="phone", **vals):
            return Revisit.create(
                {
                    "partner_id": cls.customer.id,
                    "source": "ticket",
                    "specialist_id": specialist.id,
                    "team_id": cls.team.id,
                    "service_date": service,
                    "due_date": due,
                    "method": method,
                    **vals,
                }
            )

        def done(rec, date, score=0):
            rec.write({"state": "done", "done_date": date, "score": score})

        cls.r1 = revisit("R1", cls.specialist, base, base + 7 * day)
        done(cls.r1, base + 2 * day, 5)
        cls.r2 = revisit("R2", cls.specialist, base, base + 7 * day)
        done(cls.r2, base + 9 * day, 4)
        cls.r3 = revisit("R3", cls.specialist, base, base + 7 * day)
        cls.r4 = revisit("R4", cls.specialist_2, base + 20 * day, base + 40 * day, "survey")
        cls.r5 = revisit("R5", cls.specialist_2, base + 20 * day, base + 40 * day, "survey")
        cls.r6 = revisit("R6", cls.specialist_2, base + day, base + 7 * day, required=False)
        done(cls.r6, base + 2 * day, 3)
        cls.r7 = revisit("R7", cls.specialist, base, base + 7 * day, state="cancelled")
        cls.r8 = revisit("R8", cls.specialist, base - 40 * day, base - 33 * day)
        done(cls.r8, base - 39 * day, 1)
        cls.r9 = revisit("R9", cls.specialist_2, base + 2 * day, base + 9 * day, "visit")
        done(cls.r9, base + 5 * day)
        UserInput = cls.env["survey.user_input"].sudo()
        for rec in (cls.r4, cls.r5):
            UserInput.create(
                {
                    "survey_id": cls.survey_ticket.id,
                    "partner_id": cls.customer.id,
                    "cs_revisit_id": rec.id,
                }
            )
        cls.answer_r4 = cls.r4.user_input_id

    def figures(self, date_from=None, date_to=None, **domain):
        Report = self.env["cs.satisfaction.report"]
        terms = [
            ("date", ">=", date_from or self.base),
            ("date", "<=", date_to or self.today),
            ("team_id", "=", self.team.id),  # not the demo data
        ]
        terms += [(name, "=", value.id) for name, value in domain.items()]
        return Report._cs_figures(terms)

    def test_figures(self):
        self.answer(self.answer_r4, 2)
        self.assertEqual(self.r4.state, "done")
        figures = self.figures()
        self.assertAlmostEqual(figures["satisfaction"], 50.0)
        self.assertAlmostEqual(figures["revisit"], 60.0)
        self.assertAlmostEqual(figures["response"], 50.0)
        self.assertEqual(figures["scored"], 4)
        self.assertEqual(figures["required"], 5)
        # per specialist: R1 5, R2 4 -> 100%; R1, R2, R3 -> 1/3
        mine = self.figures(specialist_id=self.specialist)
        self.assertAlmostEqual(mine["satisfaction"], 100.0)
        self.assertAlmostEqual(mine["revisit"], 100.0 / 3)
        self.assertIsNone(mine["response"])
        # the revisit's copy of the score is not what counts
        self.r4.sudo().score = 5
        self.assertAlmostEqual(self.figures()["satisfaction"], 50.0)

    def test_call_after_unanswered_invitation(self):
        """R5's customer does not answer: specialist_2 calls instead and records
        the score, which counts; if the customer answers the survey after all,
        the answer is the service's one score."""
        revisit = self.r5.with_user(self.specialist_2)
        with self.assertRaises(UserError):
            revisit.write({"score": 5})  # still a survey: the customer's answer
        revisit.write({"method": "phone", "score": 5, "feedback": "Fine now"})
        revisit.action_done()
        # scores R1 5, R2 4, R5 5, R6 3 -> 3 / 4
        self.assertAlmostEqual(self.figures()["satisfaction"], 75.0)
        self.assertEqual(self.figures()["scored"], 4)
        self.answer(self.r5.user_input_id, 1)
        self.env["cs.satisfaction.report"].invalidate_model()
        # scores R1 5, R2 4, R5 1 (the answer), R6 3 -> 2 / 4
        self.assertAlmostEqual(self.figures()["satisfaction"], 50.0)
        self.assertEqual(self.figures()["scored"], 4)

    def test_no_data(self):
        far = self.today + timedelta(days=400)
        figures = self.figures(far, far)
        self.assertIsNone(figures["satisfaction"])
        self.assertIsNone(figures["revisit"])
        self.assertIsNone(figures["response"])
        wizard = self.env["cs.survey.figures"].create(
            {"date_from": far, "date_to": far, "team_id": self.team.id}
        )
        self.assertEqual(wizard.satisfaction_display, "No data")
        self.assertEqual(wizard.revisit_display, "No data")
        self.assertFalse(wizard.satisfaction_met)

    def test_wizard_against_targets(self):
        self.answer(self.answer_r4, 2)
        wizard = self.env["cs.survey.figures"].create(
            {"date_from": self.base, "date_to": self.today, "team_id": self.team.id}
        )
        self.assertEqual(wizard.satisfaction_display, "50.0%")
        self.assertEqual(wizard.revisit_display, "60.0%")
        self.assertEqual(wizard.satisfaction_target, 95)
        self.assertFalse(wizard.satisfaction_met)
        self.env["ir.config_parameter"].sudo().set_param(
            "cs_service_dept.revisit_target_rate", "60"
        )
        wizard.invalidate_recordset()
        self.assertTrue(wizard.revisit_met)

    def test_report_rates_in_pivot(self):
        self.answer(self.answer_r4, 2)
        groups = self.env["cs.satisfaction.report"].read_group(
            [("date", ">=", self.base), ("date", "<=", self.today), ("team_id", "=", self.team.id)],
            ["satisfaction_rate:avg", "revisit_rate:avg", "response_rate:avg"],
            ["specialist_id"],
        )
        by_user = {g["specialist_id"][0]: g for g in groups}
        self.assertAlmostEqual(by_user[self.specialist.id]["satisfaction_rate"], 100.0)
        self.assertAlmostEqual(by_user[self.specialist_2.id]["satisfaction_rate"], 0.0)
        # specialist_2: R4 on time, R9 on time, R5 pending -> 100%
        self.assertAlmostEqual(by_user[self.specialist_2.id]["revisit_rate"], 100.0)
        self.assertFalse(by_user[self.specialist.id]["response_rate"])

    def test_specialist_sees_own_figures(self):
        self.customer.cs_specialist_id = False
        rows = self.env["cs.satisfaction.report"].with_user(self.specialist).search([])
        self.assertEqual(rows.revisit_id, self.r1 | self.r2 | self.r3 | self.r8)
        all_rows = self.env["cs.satisfaction.report"].with_user(self.supervisor).search([])
        self.assertIn(self.r4, all_rows.revisit_id)

    def test_answer_day_is_the_company_day(self):
        """Answered at 01:00 in Shanghai the day after the due date: late, though
        it is still the due date in UTC."""
        answer = self.answer(self.r5.user_input_id, 4)
        due = self.r5.due_date
        answer.end_datetime = datetime.combine(due, time(17, 0))  # UTC
        Report = self.env["cs.satisfaction.report"]
        company = self.r5.company_id.partner_id
        company.tz = "Asia/Shanghai"
        self.assertEqual(Report.search([("revisit_id", "=", self.r5.id)]).revisit_rate, 0)
        company.tz = "UTC"
        Report.invalidate_model()
        self.assertEqual(Report.search([("revisit_id", "=", self.r5.id)]).revisit_rate, 100)

    def test_score_read_as_the_answer_reads_it(self):
        """A satisfaction question answered with a number counts in the figures
        as it does on the answer."""
        satisfaction = self.survey_ticket.question_ids.filtered(
            lambda q: q.cs_role == "satisfaction"
        )
        answer = self.answer_r4.sudo()
        answer.write(
            {
                "user_input_line_ids": [
                    Command.create(
                        {
                            "question_id": satisfaction.id,
                            "answer_type": "numerical_box",
                            "value_numerical_box": 2.0,
                        }
                    )
                ]
            }
        )
        answer._mark_done()
        self.assertEqual(answer.cs_score, 2)
        row = self.env["cs.satisfaction.report"].search([("revisit_id", "=", self.r4.id)])
        self.assertEqual(row.score, 2)
