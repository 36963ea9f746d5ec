# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError

SLA_WARNING_PERCENT = ("cs_service_dept.sla_warning_percent", 80)
# What a line says of the ticket: computed from the stages, the calendar and the
# first answer. OCA grants helpdesk users write access to the lines so that a
# stage change, made as the user, can update them; a client writing these
# would mark a missed target met (the KPIs and the specialists' scorecards
# count them). The recomputation runs as superuser instead.
OUTCOME_FIELDS = frozenset(
    (
        "ticket_id",
        "sla_id",
        "deadline",
        "hours",
        "expected_stage_id",
        "consumed_time",
        "last_state_date",
        "state",
        "cs_warning_date",
    )
)


def _plan(intervals, start, hours):
    """``hours`` of working time after ``start`` (aware) in ``intervals`` (the
    calendar's, sorted), as resource.calendar.plan_hours counts them, naive
    UTC; None when the intervals end before."""
    for begin, stop, __ in intervals:
        if stop <= start:
            continue
        begin = max(begin, start)
        length = (stop - begin).total_seconds() / 3600
        if hours <= length:
            return (begin + timedelta(hours=hours)).astimezone(pytz.utc).replace(tzinfo=None)
        hours -= length
    return None


class HelpdeskTicketSla(models.Model):
    """A ticket's SLA line (OCA helpdesk_mgmt_sla), with the department's first
    response target and the supervisor's warning before a target is missed.

    A first-response line is not moved by the stages: it is accomplished when
    the customer is first answered before its deadline, expired when after
    (``_cs_first_response_reached``). Every line in progress gets a warning
    date, when the share of its working time set in the settings has elapsed;
    past it, the scheduled action warns the supervisor once."""

    _inherit = "helpdesk.ticket.sla"

    cs_target = fields.Selection(related="sla_id.cs_target", string="Target")
    cs_warning_date = fields.Datetime(
        string="Warning Date",
        compute="_compute_cs_warning_date",
        store=True,
        index=True,
        # the department's, not the customer's (portal users read the lines)
        groups="base.group_user",
        help="When the supervisor is warned that the target is about to be missed "
        "(the share of the SLA's working time set in the settings has elapsed).",
    )
    cs_warned = fields.Boolean(
        string="Supervisor Warned",
        copy=False,
        readonly=True,
        groups="base.group_user",
        help="The supervisor was warned that this target is about to be missed.",
    )

    @api.depends("hours", "consumed_time", "last_state_date", "state", "ticket_id")
    def _compute_cs_warning_date(self):
        # Emptied when the deadline's inputs change; planned on the calendar by
        # the scheduled action (_cs_plan_warning), not while the customer waits
        # for the ticket to be created.
        self.cs_warning_date = False

    def _compute_sla_data(self):
        result = super()._compute_sla_data()
        for line in self.filtered(lambda r: r.sla_id.cs_target == "first_response"):
            # reached by the first answer, whatever the stage: judged when the
            # ticket is answered, or once created on a ticket answered already
            # (``create``), on the deadline OCA computes
            line.expected_stage_id = False
            line.last_state_date = line.ticket_id.create_date
            line.state = "in_progress"
        return result

    @api.model_create_multi
    def create(self, vals_list):
        # which SLAs apply is the ticket's (set_sla, refresh_sla: as superuser)
        if not self.env.su:
            raise AccessError(self._cs_outcome_message())
        lines = super().create(vals_list)
        # set (again) on a ticket answered already, e.g. by "Set SLA"
        lines.filtered("ticket_id.cs_first_response_date")._cs_first_response_reached()
        return lines

    def write(self, vals):
        self._cs_check_outcome_fields(vals)
        if (
            "cs_warned" in vals
            and not self.env.su
            and not self.env.user.has_group("cs_service_dept.group_cs_supervisor")
        ):
            raise AccessError(self.env._("Only a supervisor marks SLA warnings."))
        return super().write(vals)

    def _cs_check_outcome_fields(self, fnames):
        if not self.env.su and OUTCOME_FIELDS & set(fnames):
            raise AccessError(self._cs_outcome_message())

    def _cs_outcome_message(self):
        return self.env._(
            "The SLA lines of tickets are computed from their stages, calendars "
            "and answers, not written."
        )

    def _stage_recompute(self):
        if self.sla_id.cs_target == "first_response":
            return
        # the ticket's write was allowed: its lines follow as superuser
        return super(HelpdeskTicketSla, self.sudo())._stage_recompute()

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    def action_cs_warn_now(self):
        """Warn the supervisors now about the targets about to be missed (what the
        scheduled action does every quarter of an hour); from the list's header, the
        selection does not matter."""
        if not self.env.user.has_group("cs_service_dept.group_cs_supervisor"):
            raise AccessError(self.env._("Only a supervisor runs the SLA warnings."))
        lines = (
            self.sudo()
            .search(
                [*self._cs_warning_domain(), ("ticket_id.company_id", "in", self.env.companies.ids)]
            )
            ._cs_process_warnings()
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "info",
                "message": self.env._(
                    "%(count)s SLA targets about to be missed were reported.", count=len(lines)
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    @api.model
    def _cs_warning_percent(self):
        value = self.env["ir.config_parameter"].sudo().get_param(SLA_WARNING_PERCENT[0])
        return int(value or SLA_WARNING_PERCENT[1])

    def _cs_plan_warning(self):
        """Plan the warning dates: when the set share of each line's working
        time has elapsed (the deadline when the calendar runs out). The
        calendar's working intervals are read once per calendar for the batch,
        up to the lines' latest deadline: the deadline is the whole of a
        line's working time from the same start on the same calendar (OCA's
        ``_compute_deadline``), so its warning comes before."""
        share = self._cs_warning_percent() / 100.0
        now = fields.Datetime.now()
        by_calendar = self.grouped(lambda r: r.ticket_id.team_id.resource_calendar_id)
        for calendar, lines in by_calendar.items():
            todo = {}
            for line in lines:
                start = line.last_state_date or line.ticket_id.create_date
                hours = max(line.hours * share - line.consumed_time, 0.0)
                if calendar and start and line.deadline:
                    todo[line] = (pytz.utc.localize(start), hours)
                else:
                    line.cs_warning_date = line.deadline or now
            if not todo:
                continue
            first = min(start for start, __ in todo.values())
            last = pytz.utc.localize(max(line.deadline for line in todo))
            intervals = list(calendar._work_intervals_batch(first, last)[False])
            for line, (start, hours) in todo.items():
                line.cs_warning_date = _plan(intervals, start, hours) or line.deadline

    def _cs_first_response_reached(self):
        """The ticket was answered: its first-response lines in progress are
        accomplished, or expired when the answer came after the deadline."""
        lines = self.filtered(
            lambda r: r.sla_id.cs_target == "first_response" and r.state == "in_progress"
        )
        late = lines.filtered(
            lambda r: r.deadline and r.ticket_id.cs_first_response_date > r.deadline
        )
        # the ticket's write was allowed: its lines follow as superuser
        (lines - late).sudo().write({"state": "accomplished"})
        late.sudo().write({"state": "expired"})

    @api.model
    def _cs_warning_domain(self):
        """SLA lines to warn about, or whose warning date is to plan."""
        return [
            ("state", "=", "in_progress"),
            ("cs_warned", "=", False),
            "|",
            ("cs_warning_date", "=", False),
            ("cs_warning_date", "<=", fields.Datetime.now()),
            ("ticket_id.stage_id.closed", "=", False),
        ]

    def _cs_process_warnings(self):
        """Plan the missing warning dates, then warn about the lines past theirs."""
        self.filtered(lambda r: not r.cs_warning_date)._cs_plan_warning()
        now = fields.Datetime.now()
        due = self.filtered(lambda r: r.cs_warning_date <= now)
        due._cs_warn_supervisor()
        return due

    def _cs_warn_supervisor(self):
        """Warn the supervisor of each line's team (its leader, else the first
        supervisor) with an activity on the ticket, in their language; an
        unanswered ticket whose team has an escalation team is escalated to it.
        Marks the lines warned: warning twice changes nothing more."""
        lines = self.filtered(lambda r: not r.cs_warned)
        if not lines:
            return
        lines.sudo().write({"cs_warned": True})
        fallback = (
            self.env.ref("cs_service_dept.group_cs_supervisor")
            .sudo()
            .users.filtered(lambda u: u.active and not u.share)
            .sorted("id")[:1]
        )
        groups = lines.grouped(
            lambda r: (r.ticket_id.team_id.user_id or fallback or self.env.user, r.sla_id)
        )
        unanswered = lines.filtered(
            lambda r: (
                r.sla_id.cs_target == "first_response"
                and r.ticket_id.team_id.cs_escalation_team_id
                and not r.ticket_id.cs_escalated_count
            )
        )
        unanswered.ticket_id.sudo().action_cs_escalate()
        for (user, sla), sla_lines in groups.items():
            tickets = sla_lines.ticket_id.sudo().with_context(
                lang=user.lang, mail_activity_quick_update=True
            )
            tickets.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=tickets.env._(
                    "SLA about to be missed: %(sla)s", sla=sla.with_env(tickets.env).name
                ),
                user_id=user.id,
            )

    # ---------------------------------------------------
    # Crons
    # ---------------------------------------------------

    @api.model
    def _cs_replan_warnings(self):
        """The warning share changed: the warnings not given yet are planned
        again with it, by the scheduled action, called now."""
        lines = self.sudo().search(
            [
                ("state", "=", "in_progress"),
                ("cs_warned", "=", False),
                ("cs_warning_date", "!=", False),
            ]
        )
        lines.cs_warning_date = False
        self.env.ref("cs_service_dept.ir_cron_sla_warning")._trigger()
        return lines

    @api.model
    def _cron_cs_sla_warning(self, batch_size=200):
        """Plan the warning dates of the new SLA lines and warn the supervisors
        about the lines past theirs, one batch per call (the most urgent first);
        reports what remains. Lines done leave the domain: a restart resumes."""
        # the lines' warning dates are the system's: whoever the action runs as
        Line = self.sudo()
        domain = Line._cs_warning_domain()
        lines = Line.search(domain, order="cs_warning_date, id", limit=batch_size)
        lines._cs_process_warnings()
        remaining = Line.search_count(domain) if len(lines) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(lines), remaining=remaining)
        return remaining
