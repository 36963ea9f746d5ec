# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .ticket_common import CsTicketCommon


class TestTicketReport(CsTicketCommon):
    """KPIs on tickets whose dates are known, checked to the minute."""

    def setUp(self):
        super().setUp()
        self.fast = self.create_ticket("fast", user_id=self.specialist.id)
        self.set_dates(
            self.fast,
            create_date="2026-11-02 09:00:00",
            cs_first_response_date="2026-11-02 09:15:00",
            closed_date="2026-11-02 11:00:00",
        )
        self.slow = self.create_ticket("slow", user_id=self.specialist.id)
        self.set_dates(
            self.slow,
            create_date="2026-11-02 09:00:00",
            cs_first_response_date="2026-11-02 09:45:00",
            closed_date="2026-11-02 13:30:00",
            cs_escalated_count=1,
        )
        self.open = self.create_ticket("open", user_id=self.specialist_2.id)
        self.set_dates(self.open, create_date="2026-11-03 09:00:00")
        self.on_time = self.create_complaint("on time", cs_cause_id=self.cause.id)
        self.set_dates(
            self.on_time,
            create_date="2026-11-04 09:00:00",
            cs_investigation_deadline="2026-11-05 09:00:00",
            cs_investigation_done_date="2026-11-05 08:59:00",
            cs_solution_deadline="2026-11-10 17:00:00",
            cs_implemented_date="2026-11-10 16:00:00",
        )
        self.late = self.create_complaint("late", cs_cause_id=self.cause.id)
        self.set_dates(
            self.late,
            create_date="2026-11-04 09:00:00",
            cs_investigation_deadline="2026-11-05 09:00:00",
            cs_investigation_done_date="2026-11-05 09:01:00",
            cs_solution_deadline="2026-11-10 17:00:00",
            cs_implemented_date="2026-11-11 09:00:00",
        )
        self.tickets = self.fast | self.slow | self.open | self.on_time | self.late

    def _kpis(self, domain=None, groupby=()):
        return self.env["cs.ticket.report"]._read_group(
            [("ticket_id", "in", self.tickets.ids), *(domain or [])],
            list(groupby),
            [
                "nbr:sum",
                "first_response_minutes:avg",
                "handling_minutes:avg",
                "handling_hours:avg",
                "handling_on_target_rate:avg",
                "fcr_rate:avg",
                "investigation_on_time_rate:avg",
                "solution_on_time_rate:avg",
            ],
        )

    def test_service_kpis(self):
        [(nbr, first, handling, hours, on_target, fcr, investigation, solution)] = self._kpis()
        self.assertEqual(nbr, 5)
        self.assertAlmostEqual(first, 30.0)  # (15 + 45) / 2
        self.assertAlmostEqual(handling, 195.0)  # (120 + 270) / 2
        self.assertAlmostEqual(hours, 3.25)  # above the 3 h target
        self.assertAlmostEqual(on_target, 50.0)
        self.assertAlmostEqual(fcr, 50.0)  # the slow one was escalated
        self.assertAlmostEqual(investigation, 50.0)  # one minute late
        self.assertAlmostEqual(solution, 50.0)

    def test_kpis_per_specialist_and_month(self):
        rows = {
            user: (nbr, handling)
            for user, nbr, __, handling, *__ in self._kpis(
                [("request_type", "=", "consultation")], groupby=["user_id"]
            )
        }
        self.assertEqual(rows[self.specialist], (2, 195.0))
        self.assertEqual(rows[self.specialist_2][0], 1)
        self.assertFalse(rows[self.specialist_2][1], "open: no handling time yet")
        [(month, nbr, *__)] = self._kpis(groupby=["date:month"])
        self.assertEqual((month.month, nbr), (11, 5))

    def test_pareto_of_causes(self):
        other = self.env.ref("cs_service_dept.cs_complaint_cause_design")
        third = self.create_complaint("third", cs_cause_id=other.id)
        rows = self.env["cs.ticket.report"]._read_group(
            [
                ("request_type", "=", "complaint"),
                ("cause_id", "!=", False),
                ("ticket_id", "in", (self.tickets | third).ids),
            ],
            ["cause_id"],
            ["nbr:sum"],
            order="nbr:sum desc",
        )
        self.assertEqual(rows, [(self.cause, 2), (other, 1)])
