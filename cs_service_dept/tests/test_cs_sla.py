# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, users, warmup

from .ticket_common import CsTicketCommon

# 2026-11-20 is a Friday; the calendar works Mon-Fri 8-12 and 13-17 (UTC).
MONDAY_8 = "2026-11-16 08:00:00"


class CsSlaCommon(CsTicketCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.in_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.experts = cls.env["helpdesk.ticket.team"].create(
            {"name": "Experts", "user_ids": [(6, 0, cls.specialist_2.ids)]}
        )
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {
                "name": "Front Desk",
                "use_sla": True,
                "user_id": cls.supervisor.id,
                "user_ids": [(6, 0, cls.specialist.ids)],
                "cs_escalation_team_id": cls.experts.id,
            }
        )
        Sla = cls.env["helpdesk.sla"]
        cls.sla_response = Sla.create(
            {
                "name": "Answer consultations in 2 h",
                "cs_target": "first_response",
                "cs_request_type": "consultation",
                "team_ids": [(6, 0, cls.team.ids)],
                "hours": 2,
            }
        )
        cls.sla_resolution = Sla.create(
            {
                "name": "Resolve consultations in a day",
                "cs_request_type": "consultation",
                "team_ids": [(6, 0, cls.team.ids)],
                "stage_id": cls.done.id,
                "days": 1,
            }
        )
        cls.sla_repair = Sla.create(
            {
                "name": "Resolve repairs in 4 h",
                "cs_request_type": "repair",
                "team_ids": [(6, 0, cls.team.ids)],
                "stage_id": cls.done.id,
                "hours": 4,
            }
        )

    def new_ticket(self, at, request_type="consultation", **vals):
        """A ticket created at ``at``: the creation date is the transaction's,
        which freezegun does not move, so it is written and the SLA lines set
        again from it."""
        ticket = self.create_ticket(
            "SLA",
            team_id=self.team.id,
            user_id=self.specialist.id,
            cs_request_type=request_type,
            **vals,
        )
        self.set_dates(ticket, create_date=at)
        with freeze_time(at):
            ticket.set_sla()
            self.env.flush_all()
        return ticket

    def line(self, ticket, sla):
        return ticket.ticket_sla_ids.filtered(lambda r: r.sla_id == sla)

    def answer(self, ticket, at):
        """The first answer at ``at`` (a message's date is the transaction's:
        written as _message_post_after_hook does)."""
        with freeze_time(at):
            ticket.sudo().cs_first_response_date = at
            self.env.flush_all()


class TestCsSla(CsSlaCommon):
    def test_targets_per_request_type(self):
        consultation = self.new_ticket(MONDAY_8)
        repair = self.new_ticket(MONDAY_8, "repair")
        complaint = self.new_ticket(MONDAY_8, "complaint")
        self.assertEqual(consultation.sla_ids, self.sla_response | self.sla_resolution)
        self.assertEqual(repair.sla_ids, self.sla_repair)
        self.assertFalse(complaint.ticket_sla_ids)
        # deadlines in working time: 2 h; one day of 8 h ends at 17:00
        response = self.line(consultation, self.sla_response)
        self.assertEqual(response.state, "in_progress")
        self.assertEqual(response.deadline, self.dt("2026-11-16 10:00:00"))
        self.assertEqual(
            self.line(consultation, self.sla_resolution).deadline, self.dt("2026-11-16 17:00:00")
        )
        # 4 h from Friday 15:00: two hours on Friday, two on Monday after the weekend
        late_repair = self.new_ticket("2026-11-20 15:00:00", "repair")
        self.assertEqual(late_repair.ticket_sla_ids.deadline, self.dt("2026-11-23 10:00:00"))

    def test_first_response_target(self):
        on_time = self.new_ticket(MONDAY_8)
        late = self.new_ticket(MONDAY_8)
        # a note and the stages do not answer the customer
        on_time.message_post(body="internal", subtype_xmlid="mail.mt_note")
        with freeze_time("2026-11-16 08:30:00"):
            on_time.stage_id = self.in_progress
        self.assertEqual(self.line(on_time, self.sla_response).state, "in_progress")
        self.answer(on_time, "2026-11-16 09:00:00")
        self.answer(late, "2026-11-16 11:00:00")
        self.assertEqual(self.line(on_time, self.sla_response).state, "accomplished")
        self.assertEqual(self.line(late, self.sla_response).state, "expired")
        # the resolution target is the stage's: still running
        self.assertEqual(self.line(on_time, self.sla_resolution).state, "in_progress")
        with freeze_time("2026-11-16 16:00:00"):
            on_time.stage_id = self.done
        self.assertEqual(self.line(on_time, self.sla_resolution).state, "accomplished")
        self.assertEqual(self.line(on_time, self.sla_response).state, "accomplished")

    def test_first_response_judged_when_set_again(self):
        """Lines set again on answered tickets (OCA's public set_sla, as a
        specialist's client may call it) keep the verdict of the deadline: a
        late first answer stays expired, an answer in time accomplished."""
        late = self.new_ticket(MONDAY_8)
        on_time = self.new_ticket(MONDAY_8)
        self.answer(late, "2026-11-16 11:00:00")
        self.answer(on_time, "2026-11-16 09:00:00")
        self.assertEqual(self.line(late, self.sla_response).state, "expired")
        with freeze_time("2026-11-16 12:00:00"):
            (late | on_time).with_user(self.specialist).set_sla()
            self.env.flush_all()
        response = self.line(late, self.sla_response)
        self.assertEqual(response.state, "expired")
        self.assertEqual(response.deadline, self.dt("2026-11-16 10:00:00"))
        self.assertTrue(late.sla_expired)
        self.assertEqual(self.line(on_time, self.sla_response).state, "accomplished")
        self.assertEqual(self.line(on_time, self.sla_response).deadline, response.deadline)
        # the resolution target, by the stages, is set again in progress
        self.assertEqual(self.line(late, self.sla_resolution).state, "in_progress")

    def test_portal_reads_lines_not_warnings(self):
        """The customer reads its ticket's SLA lines on the portal, not the
        department's warnings."""
        ticket = self.new_ticket(MONDAY_8)
        portal = new_test_user(
            self.env, login="cs_sla_portal", groups="base.group_portal", partner_id=self.customer.id
        )
        lines = ticket.ticket_sla_ids.with_user(portal)
        self.assertEqual(lines.read(["state"])[0]["state"], "in_progress")
        for fname in ("cs_warning_date", "cs_warned"):
            with self.subTest(fname=fname), self.assertRaises(AccessError):
                lines.read([fname])

    def test_first_response_by_message(self):
        """The specialist's public reply is the first response (a ticket of now)."""
        ticket = self.create_ticket("SLA", team_id=self.team.id, user_id=self.specialist.id)
        line = self.line(ticket, self.sla_response)
        self.assertEqual(line.state, "in_progress")
        ticket.message_post(
            body="customer writes",
            author_id=self.customer.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.assertEqual(line.state, "in_progress")
        ticket.with_user(self.specialist).message_post(
            body="answer", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertTrue(ticket.cs_first_response_date)
        self.assertEqual(line.state, "accomplished")

    def test_warning_escalates_unanswered(self):
        """Replaces the 4-hour job: an unanswered consultation near its first
        response deadline goes to the escalation team, and the supervisor (the
        team leader) gets an activity, once."""
        ticket = self.new_ticket(MONDAY_8)
        answered = self.new_ticket(MONDAY_8)
        self.answer(answered, "2026-11-16 08:30:00")
        closed = self.new_ticket(MONDAY_8)
        closed.stage_id = self.done
        response = self.line(ticket, self.sla_response)
        # planned by the scheduled action, not at the creation
        self.assertFalse(response.cs_warning_date)
        Line = self.env["helpdesk.ticket.sla"]
        with freeze_time("2026-11-16 09:30:00"):
            Line._cron_cs_sla_warning()
        # 80 % of 2 working hours
        self.assertEqual(response.cs_warning_date, self.dt("2026-11-16 09:36:00"))
        self.assertFalse(response.cs_warned)
        self.assertEqual(ticket.team_id, self.team)
        with freeze_time("2026-11-16 09:40:00"):
            Line._cron_cs_sla_warning()
        self.assertTrue(response.cs_warned)
        self.assertFalse(self.line(ticket, self.sla_resolution).cs_warned)
        self.assertEqual(ticket.team_id, self.experts)
        self.assertEqual(ticket.user_id, self.specialist_2)
        self.assertEqual(ticket.cs_escalated_count, 1)
        self.assertEqual(answered.team_id, self.team)
        self.assertFalse(self.line(answered, self.sla_response).cs_warned)
        self.assertFalse(self.line(closed, self.sla_response).cs_warned)
        activity = ticket.activity_ids
        self.assertEqual(activity.user_id, self.supervisor)
        self.assertEqual(activity.summary, "SLA about to be missed: Answer consultations in 2 h")
        # idempotent: nothing more the next time
        with freeze_time("2026-11-16 10:30:00"):
            Line._cron_cs_sla_warning()
        self.assertEqual(len(ticket.activity_ids), 1)
        self.assertEqual(ticket.cs_escalated_count, 1)
        # the resolution target warns at 80 % of its day (15:24)
        with freeze_time("2026-11-16 15:30:00"):
            Line._cron_cs_sla_warning()
        self.assertTrue(self.line(ticket, self.sla_resolution).cs_warned)
        self.assertEqual(len(ticket.activity_ids), 2)
        ticket.stage_id = self.done
        self.assertFalse(ticket.cs_first_contact_resolution)
        with self.assertRaises(UserError):
            ticket.action_cs_escalate()

    def test_warning_share_changed_plans_again(self):
        """Changing the warning share in the settings plans again the
        warnings not given yet (by the scheduled action, triggered); a warning
        given stays given."""
        ticket = self.new_ticket(MONDAY_8)
        warned = self.new_ticket("2026-11-13 08:00:00")
        Line = self.env["helpdesk.ticket.sla"]
        cron = self.env.ref("cs_service_dept.ir_cron_sla_warning")
        with freeze_time("2026-11-16 08:30:00"):
            Line._cron_cs_sla_warning()
        response = self.line(ticket, self.sla_response)
        self.assertEqual(response.cs_warning_date, self.dt("2026-11-16 09:36:00"))
        given = self.line(warned, self.sla_response)
        self.assertTrue(given.cs_warned)
        given_date = given.cs_warning_date
        # the same share saved again changes nothing
        self.env["res.config.settings"].create({"cs_sla_warning_percent": 80}).execute()
        self.assertEqual(response.cs_warning_date, self.dt("2026-11-16 09:36:00"))
        triggers = self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)])
        with freeze_time("2026-11-16 08:40:00"):
            self.env["res.config.settings"].create({"cs_sla_warning_percent": 50}).execute()
            self.assertFalse(response.cs_warning_date)
            self.assertEqual(
                self.env["ir.cron.trigger"].search_count([("cron_id", "=", cron.id)]),
                triggers + 1,
            )
            Line._cron_cs_sla_warning()
        # half of 2 working hours
        self.assertEqual(response.cs_warning_date, self.dt("2026-11-16 09:00:00"))
        self.assertFalse(response.cs_warned)
        self.assertEqual(given.cs_warning_date, given_date)
        with freeze_time("2026-11-16 09:05:00"):
            Line._cron_cs_sla_warning()
        self.assertTrue(response.cs_warned)

    def test_warning_planned_across_the_weekend(self):
        """The warning is planned on the calendar up to the deadline: 80 % of
        4 working hours from Friday 15:00 is 2 hours on Friday and 1.2 on
        Monday, before the Monday 10:00 deadline."""
        repair = self.new_ticket("2026-11-20 15:00:00", "repair")
        line = repair.ticket_sla_ids
        self.assertEqual(line.deadline, self.dt("2026-11-23 10:00:00"))
        with freeze_time("2026-11-20 16:00:00"):
            self.env["helpdesk.ticket.sla"]._cron_cs_sla_warning()
        self.assertEqual(line.cs_warning_date, self.dt("2026-11-23 09:12:00"))
        self.assertFalse(line.cs_warned)

    def test_warning_in_batches(self):
        tickets = self.new_ticket(MONDAY_8, "repair") | self.new_ticket(MONDAY_8, "repair")
        Line = self.env["helpdesk.ticket.sla"]
        with freeze_time("2026-11-16 13:00:00"):
            self.assertEqual(Line._cron_cs_sla_warning(batch_size=1), 1)
            self.assertEqual(Line._cron_cs_sla_warning(batch_size=1), 0)
            self.assertEqual(Line._cron_cs_sla_warning(batch_size=1), 0)
        self.assertTrue(all(tickets.ticket_sla_ids.mapped("cs_warned")))
        self.assertEqual(len(tickets.activity_ids), 2)

    def test_warning_queries_do_not_grow(self):
        Line = self.env["helpdesk.ticket.sla"]
        self.new_ticket(MONDAY_8, "repair")
        with freeze_time("2026-11-16 13:00:00"):
            Line._cron_cs_sla_warning()
        # planning (one calendar read) and warning (one activity batch per
        # supervisor and SLA) whatever the number of lines
        self.env.invalidate_all()
        queries = []
        for count, at in ((2, "2026-11-17 13:00:00"), (6, "2026-11-17 13:10:00")):
            for __ in range(count):
                self.new_ticket("2026-11-17 08:00:00", "repair")
            self.env.invalidate_all()
            self.env.registry.clear_cache()
            with freeze_time(at):
                before = self.env.cr.sql_log_count
                Line._cron_cs_sla_warning()
                self.env.flush_all()
                queries.append(self.env.cr.sql_log_count - before)
        self.assertEqual(queries[0], queries[1])

    def test_rights(self):
        Sla = self.env["helpdesk.sla"]
        with self.assertRaises(AccessError):
            Sla.with_user(self.specialist).create(
                {"name": "Mine", "hours": 1, "cs_target": "first_response"}
            )
        with self.assertRaises(AccessError):
            self.sla_response.with_user(self.specialist).write({"hours": 8})
        with self.assertRaises(AccessError):
            self.sla_response.with_user(self.supervisor).write({"hours": 8})
        self.sla_response.with_user(self.manager).write({"hours": 3})
        self.assertEqual(self.sla_response.hours, 3)
        ticket = self.new_ticket(MONDAY_8)
        line = self.line(ticket, self.sla_response)
        Line = self.env["helpdesk.ticket.sla"]
        # the public method, as an RPC client would call it, even with a forged context
        with self.assertRaises(AccessError):
            Line.with_user(self.specialist).with_context(cs_supervisor=True).action_cs_warn_now()
        with self.assertRaises(AccessError):
            line.with_user(self.specialist).write({"cs_warned": True})
        self.assertFalse(line.cs_warned)
        # 80 % of the 3 hours now set: 10:24
        with freeze_time("2026-11-16 10:30:00"):
            action = Line.with_user(self.supervisor).action_cs_warn_now()
        self.assertEqual(action["tag"], "display_notification")
        self.assertTrue(line.cs_warned)

    def test_bad_input(self):
        Sla = self.env["helpdesk.sla"]
        with self.assertRaises(ValidationError):
            Sla.create({"name": "No time", "cs_target": "first_response"})
        with self.assertRaises(ValidationError):
            Sla.create({"name": "Negative", "cs_target": "first_response", "days": 1, "hours": -9})
        with self.assertRaises(ValidationError):
            Sla.create({"name": "No stage", "cs_target": "resolution", "hours": 4})
        with self.assertRaises(ValidationError):
            self.sla_repair.write({"hours": 0})
        self.assertEqual(self.sla_repair.hours, 4)
        self.assertFalse(Sla.search([("name", "in", ["No time", "Negative", "No stage"])]))
        # an archived SLA targets nothing (OCA's migration creates one empty);
        # it is checked when it is brought back
        archived = Sla.create({"name": "migration SLA", "active": False})
        with self.assertRaises(ValidationError):
            archived.active = True
        ICP = self.env["ir.config_parameter"]
        for percent in (0, 100, -5, 150):
            with self.assertRaises(ValidationError):
                self.env["res.config.settings"].create(
                    {"cs_sla_warning_percent": percent}
                ).execute()
        self.assertFalse(ICP.get_param("cs_service_dept.sla_warning_percent"))
        self.env["res.config.settings"].create({"cs_sla_warning_percent": 50}).execute()
        self.assertEqual(ICP.get_param("cs_service_dept.sla_warning_percent"), "50")
        ticket = self.new_ticket(MONDAY_8)
        with freeze_time(MONDAY_8):
            self.env["helpdesk.ticket.sla"]._cron_cs_sla_warning()
        self.assertEqual(
            self.line(ticket, self.sla_response).cs_warning_date, self.dt("2026-11-16 09:00:00")
        )

    def test_report_attainment(self):
        both = self.new_ticket(MONDAY_8)
        half = self.new_ticket(MONDAY_8)
        pending = self.new_ticket(MONDAY_8)
        self.answer(both, "2026-11-16 09:00:00")
        self.answer(half, "2026-11-16 09:00:00")
        with freeze_time("2026-11-16 16:00:00"):
            both.stage_id = self.done
        with freeze_time("2026-11-17 09:00:00"):
            half.stage_id = self.done
            self.env.flush_all()
            rows = {
                row.ticket_id: row
                for row in self.env["cs.ticket.report"].search(
                    [("ticket_id", "in", (both | half | pending).ids)]
                )
            }
            self.assertEqual(rows[both].sla_attainment_rate, 100)
            self.assertEqual(rows[half].sla_attainment_rate, 50)
            # both targets missed (the first response deadline passed, unanswered)
            self.assertEqual(rows[pending].sla_count, 2)
            self.assertEqual(rows[pending].sla_attainment_rate, 0)
            [(user, rate)] = self.env["cs.ticket.report"]._read_group(
                [("team_id", "=", self.team.id), ("sla_count", ">", 0)],
                ["user_id"],
                ["sla_attainment_rate:avg"],
            )
        self.assertEqual(user, self.specialist)
        self.assertEqual(rate, 50)

    def test_scorecard_deadlines_met(self):
        on_time = self.new_ticket(MONDAY_8, "repair")
        late = self.new_ticket(MONDAY_8, "repair")
        with freeze_time("2026-11-16 11:00:00"):
            on_time.stage_id = self.done
        with freeze_time("2026-11-17 11:00:00"):
            late.stage_id = self.done
            self.env.flush_all()
        values = self.env["cs.scorecard"]._cs_scorecard_metric_values(
            self.specialist, date(2026, 11, 1), date(2026, 11, 30), self.env.company
        )
        self.assertEqual(values[self.specialist.id]["sla"], (50.0, 2))

    def test_migration_removes_old_job(self):
        cron = self.env["ir.cron"].create(
            {
                "name": "Customer Service: escalate unanswered consultations",
                "model_id": self.env.ref("helpdesk_mgmt.model_helpdesk_ticket").id,
                "state": "code",
                "code": "model._cron_cs_escalate_unanswered()",
            }
        )
        action = cron.ir_actions_server_id
        self.env["ir.model.data"].create(
            {
                "module": "cs_service_dept",
                "name": "ir_cron_escalate_unanswered",
                "model": "ir.cron",
                "res_id": cron.id,
                "noupdate": True,
            }
        )
        self.run_migration("18.0.1.3.0", "18.0.1.2.0")
        self.assertFalse(cron.exists())
        self.assertFalse(action.exists())
        self.assertFalse(
            self.env.ref("cs_service_dept.ir_cron_escalate_unanswered", raise_if_not_found=False)
        )
        self.assertTrue(self.env.ref("cs_service_dept.ir_cron_sla_warning").active)
        # run twice: nothing more to do
        self.run_migration("18.0.1.3.0", "18.0.1.2.0")

    def test_migration_keeps_escalating(self):
        """A database from before the SLAs (none for first responses) gets
        the old job's rule as an SLA: consultations answered within 4 working
        hours on every team, the open unanswered ones with their line."""
        Sla = self.env["helpdesk.sla"]
        Sla.search([("cs_target", "=", "first_response")]).active = False
        self.env["res.lang"]._activate_lang("zh_CN")
        plain = self.env["helpdesk.ticket.team"].create({"name": "Plain desk (test)"})
        waiting, answered, closed = (
            self.create_ticket(name, team_id=plain.id, user_id=self.specialist.id)
            for name in ("waiting", "answered", "closed")
        )
        answered.sudo().cs_first_response_date = "2026-11-16 09:00:00"
        closed.stage_id = self.done
        self.assertFalse((waiting | answered | closed).ticket_sla_ids)
        self.run_migration("18.0.1.3.0", "18.0.1.2.0")
        sla = Sla.search([("cs_target", "=", "first_response")])
        self.assertRecordValues(
            sla,
            [
                {
                    "name": "Consultations answered within 4 working hours",
                    "cs_request_type": "consultation",
                    "hours": 4,
                    "days": 0,
                }
            ],
        )
        self.assertEqual(sla.with_context(lang="zh_CN").name, "咨询在 4 个工作小时内答复")
        self.assertFalse(sla.team_ids, "every team")
        self.assertTrue(plain.use_sla)
        self.assertEqual(waiting.ticket_sla_ids.sla_id, sla)
        self.assertEqual(waiting.ticket_sla_ids.state, "in_progress")
        self.assertFalse((answered | closed).ticket_sla_ids)
        # run twice: one SLA
        self.run_migration("18.0.1.3.0", "18.0.1.2.0")
        self.assertEqual(Sla.search([("cs_target", "=", "first_response")]), sla)


class TestSlaLineRights(CsSlaCommon):
    def test_lines_not_written_by_clients(self):
        """OCA lets helpdesk users write the SLA lines (a stage change updates
        them as the user): a specialist cannot mark a missed target met, nor
        create a line that says so; the stage change still updates them."""
        ticket = self.new_ticket(MONDAY_8)
        resolution = self.line(ticket, self.sla_resolution)
        Line = self.env["helpdesk.ticket.sla"].with_user(self.specialist)
        for user in (self.specialist, self.supervisor, self.manager):
            for vals in (
                {"state": "accomplished"},
                {"deadline": "2030-01-01 00:00:00"},
                {"consumed_time": 0.0},
                {"sla_id": self.sla_repair.id},
            ):
                with self.assertRaises(AccessError):
                    resolution.with_user(user).write(vals)
        with self.assertRaises(AccessError):
            Line.create(
                {"ticket_id": ticket.id, "sla_id": self.sla_repair.id, "state": "accomplished"}
            )
        with self.assertRaises(AccessError):
            Line.with_context(default_state="accomplished").create(
                {"ticket_id": ticket.id, "sla_id": self.sla_repair.id}
            )
        # nor attaching a lenient SLA of their choosing to their ticket
        with self.assertRaises(AccessError):
            Line.create({"ticket_id": ticket.id, "sla_id": self.sla_repair.id})
        self.assertEqual(ticket.sla_ids, self.sla_response | self.sla_resolution)
        # OCA's "Set SLA" as the specialist: the SLAs that apply, nothing else
        ticket.with_user(self.specialist).refresh_sla()
        self.assertEqual(ticket.sla_ids, self.sla_response | self.sla_resolution)
        with self.assertRaises(AccessError):
            ticket.with_user(self.internal_user).set_sla()
        self.assertEqual(resolution.state, "in_progress")
        self.assertEqual(resolution.deadline, self.dt("2026-11-16 17:00:00"))
        # what the specialist does: closing the ticket in time meets the target
        with freeze_time("2026-11-16 16:00:00"):
            ticket.with_user(self.specialist).stage_id = self.done
        self.assertEqual(resolution.state, "accomplished")


class TestTicketCreateQueries(CsSlaCommon):
    @users("cs_specialist")
    @warmup
    def test_create_query_count(self):
        """One ticket created through the ORM by a specialist, in a team with
        SLAs (balancing, priority, SLA lines): the count holds the speed."""
        Ticket = self.env["helpdesk.ticket"]
        vals = {
            "name": "Printer does not print",
            "description": "<p>The printer shows an error.</p>",
            "partner_id": self.customer.id,
            "team_id": self.team.id,
            "channel_id": self.channel_email.id,
        }
        with freeze_time(MONDAY_8), self.assertQueryCount(cs_specialist=24):
            Ticket.create(vals)
            Ticket.env.flush_all()
