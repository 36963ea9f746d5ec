# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

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


@tagged("post_install", "-at_install")
class TestKpiTargetsCron(CsTicketCommon):
    """The weekly message telling the Managers who missed which target."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"].search([("name", "=", "cs_service_dept")])._update_translations(
            ["zh_CN"]
        )
        cls.manager.lang = "zh_CN"
        cls.general_manager.lang = "en_US"
        # Last week, in Shanghai: Mon 23 Nov 00:00 to Mon 30 Nov 00:00 local time,
        # i.e. 22 Nov 16:00 to 29 Nov 16:00 UTC.
        cls.env.company.partner_id.tz = "Asia/Shanghai"

    def ticket(self, user, created, closed, request_type="consultation", **dates):
        ticket = self.create_ticket("ticket", user_id=user.id, cs_request_type=request_type)
        self.set_dates(ticket, create_date=created, closed_date=closed, **dates)
        return ticket

    def run_cron(self):
        """Call the cron as Odoo does: again while it reports work remaining."""
        for __ in range(10):
            if not self.env["cs.ticket.report"]._cron_cs_kpi_targets():
                return
        self.fail("the cron never finishes")

    def notifications(self, user):
        return self.env["mail.message"].search(
            [
                ("message_type", "=", "user_notification"),
                ("partner_ids", "in", user.partner_id.ids),
            ]
        )

    def test_weekly_message(self):
        # The specialist: 2 h and 5 h of working time (3.5 h > 3 h), one of the two
        # escalated (50 % < 80 %).
        self.ticket(self.specialist, "2026-11-23 09:00:00", "2026-11-23 11:00:00")
        self.ticket(
            self.specialist,
            "2026-11-24 08:00:00",
            "2026-11-24 14:00:00",
            cs_escalated_count=1,
        )
        # The other specialist meets both targets: 1 h; the complaint (20 working
        # hours) keeps its own deadlines; the 24 h ticket was closed the week before;
        # the escalated one closed after Monday 00:00 in Shanghai, this week.
        self.ticket(self.specialist_2, "2026-11-25 09:00:00", "2026-11-25 10:00:00")
        self.ticket(self.specialist_2, "2026-11-23 08:00:00", "2026-11-25 12:00:00", "complaint")
        self.ticket(self.specialist_2, "2026-11-16 08:00:00", "2026-11-18 17:00:00")
        self.ticket(
            self.specialist_2,
            "2026-11-27 08:00:00",
            "2026-11-29 16:30:00",
            cs_escalated_count=1,
        )
        with freeze_time("2026-11-29 17:00:00"):  # Monday 01:00 in Shanghai
            self.run_cron()
        [message] = self.notifications(self.manager)
        self.assertEqual(message.subject, "未达成的服务目标")
        self.assertIn(self.specialist.name, message.body)
        self.assertIn("平均处理时长 3.5 工作小时（目标：不超过 3.0）", message.body)
        self.assertIn("首次接触解决率 50.0%（目标：不低于 80.0%）", message.body)
        self.assertNotIn(self.specialist_2.name, message.body)
        [message] = self.notifications(self.general_manager)
        self.assertIn("average handling time 3.5 working hours", message.body)
        self.assertNotIn(self.specialist_2.name, message.body)
        self.assertFalse(self.notifications(self.supervisor), "Managers only")
        # Running it again the same week tells nothing more.
        with freeze_time("2026-12-02 09:00:00"):
            self.run_cron()
        self.assertEqual(len(self.notifications(self.manager)), 1)
        # The week after, the escalated ticket closed on Monday 00:30 counts.
        with freeze_time("2026-12-06 17:00:00"):
            self.run_cron()
        message = self.notifications(self.manager)[:1]
        self.assertEqual(len(self.notifications(self.manager)), 2)
        self.assertIn(self.specialist_2.name, message.body)
        self.assertNotIn(self.specialist.name + "：", message.body)

    def test_targets_are_settings(self):
        self.ticket(self.specialist, "2026-11-23 09:00:00", "2026-11-23 11:00:00")
        self.env["res.config.settings"].create({"cs_handling_target_hours": 1.5}).execute()
        with freeze_time("2026-11-29 17:00:00"):
            self.run_cron()
        [message] = self.notifications(self.manager)
        self.assertIn("平均处理时长 2.0 工作小时（目标：不超过 1.5）", message.body)

    def test_queries_do_not_grow_with_the_tickets(self):
        def queries(count):
            for __ in range(count):
                self.ticket(self.specialist, "2026-11-23 09:00:00", "2026-11-23 15:00:00")
            self.env["ir.config_parameter"].search(
                [("key", "=like", "cs_service_dept.kpi_week_notified.%")]
            ).unlink()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            with freeze_time("2026-11-29 17:00:00"):
                self.run_cron()
            return self.env.cr.sql_log_count - before

        queries(1)  # warm the caches
        self.assertEqual(queries(1), queries(6))


class TestKpiVisibility(CsTicketCommon):
    """Specialists see the KPI rows of their own teams; supervisors see all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Team = cls.env["helpdesk.ticket.team"]
        cls.team_a = Team.create({"name": "Team A", "user_ids": [(4, cls.specialist.id)]})
        cls.team_b = Team.create({"name": "Team B", "user_ids": [(4, cls.specialist_2.id)]})
        cls.ticket_a = cls.create_ticket("A", team_id=cls.team_a.id, user_id=False)
        cls.ticket_b = cls.create_ticket("B", team_id=cls.team_b.id, user_id=cls.specialist_2.id)
        cls.own_in_b = cls.create_ticket("own", team_id=cls.team_b.id, user_id=cls.specialist.id)
        cls.no_team = cls.create_ticket("none", user_id=False)
        cls.tickets = cls.ticket_a | cls.ticket_b | cls.own_in_b | cls.no_team

    def visible(self, user):
        rows = (
            self.env["cs.ticket.report"]
            .with_user(user)
            .search([("ticket_id", "in", self.tickets.ids)])
        )
        return rows.ticket_id

    def test_specialists_see_their_teams(self):
        self.assertEqual(self.visible(self.specialist), self.ticket_a | self.own_in_b)
        self.assertEqual(self.visible(self.specialist_2), self.ticket_b | self.own_in_b)
        for user in (self.supervisor, self.manager, self.general_manager):
            self.assertEqual(self.visible(user), self.tickets, user.login)

    def test_grouped_figures_of_other_teams_are_hidden(self):
        rows = (
            self.env["cs.ticket.report"]
            .with_user(self.specialist)
            ._read_group([("ticket_id", "in", self.tickets.ids)], ["team_id"], ["nbr:sum"])
        )
        self.assertEqual(dict(rows), {self.team_a: 1, self.team_b: 1})

    def test_other_team_row_refused(self):
        row = self.env["cs.ticket.report"].search([("ticket_id", "=", self.ticket_b.id)])
        with self.assertRaises(AccessError):
            row.with_user(self.specialist).read(["handling_working_hours"])
        with self.assertRaises(AccessError):
            self.env["cs.ticket.report"].with_user(self.internal_user).search([])
