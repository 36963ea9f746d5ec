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


class TestWorkingHours(CsTicketCommon):
    """Handling and first response in working time (Mon-Fri 8-12, 13-17 UTC)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Hotline", "resource_calendar_id": False}
        )

    def closed_ticket(self, created, closed, first_response=None, **vals):
        ticket = self.create_ticket("ticket", team_id=self.team.id, **vals)
        dates = {"create_date": created, "closed_date": closed}
        if first_response:
            dates["cs_first_response_date"] = first_response
        self.set_dates(ticket, **dates)
        return ticket

    def report(self, ticket):
        return self.env["cs.ticket.report"].search([("ticket_id", "=", ticket.id)])

    def test_team_calendar_field_is_helpdesk_mgmt_sla_one(self):
        field = self.env["helpdesk.ticket.team"]._fields["resource_calendar_id"]
        self.assertEqual((field.type, field.comodel_name), ("many2one", "resource.calendar"))
        team = self.env["helpdesk.ticket.team"].create({"name": "New team"})
        self.assertEqual(team.resource_calendar_id, self.calendar, "the company's by default")

    def test_weekend_does_not_count(self):
        # Friday 16:00 -> Monday 09:30: Friday 16-17 (1 h) + Monday 8-9:30 (1.5 h).
        ticket = self.closed_ticket("2026-11-20 16:00:00", "2026-11-23 09:30:00")
        self.assertAlmostEqual(ticket.cs_handling_working_hours, 2.5)
        self.assertAlmostEqual(ticket.cs_handling_hours, 65.5)
        row = self.report(ticket)
        self.assertAlmostEqual(row.handling_working_hours, 2.5)
        self.assertAlmostEqual(row.handling_hours, 65.5, msg="wall-clock kept beside it")
        self.assertEqual(row.handling_on_target_rate, 100)

    def test_night_and_lunch_do_not_count(self):
        # Monday 11:30 -> first answer 13:15 (30 + 15 min), closed Tuesday 08:45.
        ticket = self.closed_ticket(
            "2026-11-23 11:30:00", "2026-11-24 08:45:00", first_response="2026-11-23 13:15:00"
        )
        self.assertAlmostEqual(ticket.cs_first_response_working_hours, 0.75)
        self.assertAlmostEqual(ticket.cs_handling_working_hours, 0.5 + 4 + 0.75)
        row = self.report(ticket)
        self.assertAlmostEqual(row.first_response_working_minutes, 45)
        self.assertAlmostEqual(row.first_response_minutes, 105)
        self.assertEqual(row.handling_on_target_rate, 0, "5.25 working hours > 3")

    def test_holidays_do_not_count(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": "2026-11-20 00:00:00",
                "date_to": "2026-11-20 23:59:59",
            }
        )
        # Thursday 11:00 -> Monday 08:30, Friday off: 1 + 4 + 0 + 0.5.
        ticket = self.closed_ticket("2026-11-19 11:00:00", "2026-11-23 08:30:00")
        self.assertAlmostEqual(ticket.cs_handling_working_hours, 5.5)

    def test_team_calendar_in_its_time_zone(self):
        shanghai = self.env["resource.calendar"].create(
            {"name": "Shanghai 40h", "tz": "Asia/Shanghai", "hours_per_day": 8.0}
        )
        self.team.resource_calendar_id = shanghai
        # 03:00 -> 06:00 UTC is 11:00 -> 14:00 in Shanghai: 11-12 and 13-14.
        ticket = self.closed_ticket("2026-11-23 03:00:00", "2026-11-23 06:00:00")
        self.assertAlmostEqual(ticket.cs_handling_working_hours, 2.0)
        # Without a team calendar, the company's (UTC): before 08:00, nothing worked.
        self.team.resource_calendar_id = False
        self.assertAlmostEqual(ticket.cs_handling_working_hours, 0.0)

    def test_open_ticket(self):
        ticket = self.create_ticket("open", team_id=self.team.id)
        self.assertEqual(ticket.cs_handling_working_hours, 0.0)
        row = self.report(ticket)
        self.assertFalse(row.handling_working_hours)
        self.assertFalse(row.handling_on_target_rate)

    def test_target_only_for_consultations_and_suggestions(self):
        tickets = {
            request_type: self.closed_ticket(
                "2026-11-23 08:00:00", "2026-11-23 17:00:00", cs_request_type=request_type
            )
            for request_type in ("consultation", "suggestion", "complaint", "repair")
        }
        rows = {t: self.report(ticket) for t, ticket in tickets.items()}
        for request_type in ("consultation", "suggestion"):
            self.assertEqual(rows[request_type].handling_target_hours, 3.0)
            self.assertEqual(rows[request_type].handling_on_target_rate, 0, "8 h > 3 h")
        for request_type in ("complaint", "repair"):
            self.assertFalse(rows[request_type].handling_target_hours)
            self.assertFalse(rows[request_type].handling_on_target_rate)
            self.assertAlmostEqual(rows[request_type].handling_working_hours, 8.0)
        self.assertEqual(rows["consultation"].fcr_target_rate, 80.0)
        # The targets are settings: the report follows them.
        self.env["res.config.settings"].create(
            {"cs_handling_target_hours": 8.0, "cs_fcr_target_rate": 90.0}
        ).execute()
        self.env.invalidate_all()
        self.assertEqual(rows["consultation"].handling_target_hours, 8.0)
        self.assertEqual(rows["consultation"].handling_on_target_rate, 100)
        self.assertEqual(rows["repair"].fcr_target_rate, 90.0)

    def test_one_calendar_read_whatever_the_number_of_tickets(self):
        def queries(tickets):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            tickets._compute_cs_working_hours()
            return self.env.cr.sql_log_count - before

        tickets = self.env["helpdesk.ticket"]
        for day in range(16, 28):
            tickets |= self.closed_ticket(f"2026-11-{day} 09:00:00", f"2026-11-{day} 15:00:00")
        expected = [5.0 if tickets_day < 5 else 0.0 for tickets_day in range(7)]
        self.assertEqual(
            [t.cs_handling_working_hours for t in tickets[:7]], expected, "Mon-Fri 5 h, weekend 0"
        )
        self.assertEqual(queries(tickets[:2]), queries(tickets))
