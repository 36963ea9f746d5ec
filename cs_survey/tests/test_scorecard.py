# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from .common import CsSurveyCommon


class TestScorecard(CsSurveyCommon):
    """The specialist's satisfaction and revisit rates of October 2026 on the
    monthly scorecard (cs_service_dept), computed by hand:

    R1 service 10-05, due 10-12, done 10-08, score 5: satisfied, on time
    R2 service 10-05, due 10-12, done 10-14, score 3: not satisfied, late
    R3 service 10-06, due 10-13, not done: overdue
    R4 service 09-30: another month
    Satisfaction 1/2 = 50 % (target 95 %), revisits 1/3 = 33.33 % (target 80 %).
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.specialist"].search([]).active = False
        cls.env["cs.specialist"].create({"user_id": cls.specialist.id})
        Revisit = cls.env["cs.revisit"].sudo()

        def revisit(service, due, done=False, score=0):
            rec = Revisit.create(
                {
                    "partner_id": cls.customer.id,
                    "source": "ticket",
                    "specialist_id": cls.specialist.id,
                    "team_id": cls.team.id,
                    "service_date": service,
                    "due_date": due,
                    "method": "phone",
                }
            )
            if done:
                rec.write({"state": "done", "done_date": done, "score": score})
            return rec

        revisit(date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 8), 5)
        revisit(date(2026, 10, 5), date(2026, 10, 12), date(2026, 10, 14), 3)
        revisit(date(2026, 10, 6), date(2026, 10, 13))
        revisit(date(2026, 9, 30), date(2026, 10, 7), date(2026, 10, 1), 5)

    def test_satisfaction_and_revisits_on_the_scorecard(self):
        card = (
            self.env["cs.scorecard"].with_user(self.supervisor)._cs_compute_month(date(2026, 10, 1))
        )
        self.assertEqual(card.user_id, self.specialist)
        figures = {
            line.metric: (round(line.value, 2), line.basis, round(line.score, 2))
            for line in card.line_ids
        }
        self.assertEqual(figures["satisfaction"], (50.0, 2, 52.63))
        self.assertEqual(figures["revisit"], (33.33, 3, 41.67))
        # worked this month: no complaint is the full score; no ticket closed
        self.assertEqual(figures["complaint"], (0.0, 1, 100.0))
        self.assertEqual(figures["fcr"][1], 0)
        # (15×100 + 20×52.63 + 10×41.67) / 45
        self.assertEqual(card.score, 66.0)
