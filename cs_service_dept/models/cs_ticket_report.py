# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz
from markupsafe import Markup

from odoo import api, fields, models, tools
from odoo.tools import SQL

from .res_config_settings import KPI_TARGETS

# Held to the handling-time target; complaints and repairs have their own deadlines.
HANDLING_TARGET_TYPES = ("consultation", "suggestion")


class CsTicketReport(models.Model):
    """Service KPIs over helpdesk tickets (one row per ticket).

    Rates are 0/100 per ticket and empty (NULL) when the ticket is not concerned,
    so that their average in pivot and graph views is the rate in percent.
    """

    _name = "cs.ticket.report"
    _description = "Customer Service KPIs"
    _auto = False
    _rec_name = "ticket_id"
    _order = "date desc"
    # read straight from the tables: searching the report flushes these first
    _depends = {
        "helpdesk.ticket": [
            "active",
            "create_date",
            "closed_date",
            "company_id",
            "team_id",
            "user_id",
            "partner_id",
            "cs_request_type",
            "channel_id",
            "category_id",
            "cs_cause_id",
            "cs_department_id",
            "cs_first_response_date",
            "cs_first_response_working_hours",
            "cs_handling_working_hours",
            "cs_escalated_count",
            "cs_reopened_count",
            "cs_investigation_deadline",
            "cs_investigation_done_date",
            "cs_solution_deadline",
            "cs_implemented_date",
        ],
        "helpdesk.ticket.sla": ["ticket_id", "sla_id", "state", "deadline"],
        "ir.config_parameter": ["key", "value"],
    }

    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True)
    date = fields.Datetime(string="Created On", readonly=True)
    closed_date = fields.Datetime(string="Closed On", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    user_id = fields.Many2one("res.users", string="Specialist", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    request_type = fields.Selection(
        selection=[
            ("consultation", "Consultation"),
            ("complaint", "Complaint"),
            ("repair", "Repair"),
            ("suggestion", "Suggestion"),
        ],
        readonly=True,
    )
    channel_id = fields.Many2one("helpdesk.ticket.channel", readonly=True)
    category_id = fields.Many2one("helpdesk.ticket.category", readonly=True)
    cause_id = fields.Many2one("cs.complaint.cause", string="Complaint Cause", readonly=True)
    department_id = fields.Many2one(
        "cs.complaint.department", string="Responsible Department", readonly=True
    )
    nbr = fields.Integer(string="# Tickets", readonly=True)
    first_response_minutes = fields.Float(
        string="First Response (min)", aggregator="avg", readonly=True
    )
    first_response_working_minutes = fields.Float(
        string="First Response (working min)",
        aggregator="avg",
        readonly=True,
        help="Minutes of the team's working time until the first response.",
    )
    handling_minutes = fields.Float(string="Handling Time (min)", aggregator="avg", readonly=True)
    handling_hours = fields.Float(
        string="Handling Time (h)",
        aggregator="avg",
        readonly=True,
        help="Wall-clock hours from creation to closing.",
    )
    handling_working_hours = fields.Float(
        string="Handling Time (working h)",
        aggregator="avg",
        readonly=True,
        help="Hours of the team's working time from creation to closing: nights, "
        "weekends and holidays do not count.",
    )
    handling_target_hours = fields.Float(
        string="Handling Time Target (working h)",
        aggregator="avg",
        readonly=True,
        help="The average handling time consultations and suggestions must not exceed "
        "(settings). Complaints and repairs are held to their own deadlines.",
    )
    handling_on_target_rate = fields.Float(
        string="Handled within Target (%)",
        aggregator="avg",
        readonly=True,
        help="Closed consultations and suggestions handled within the target working time.",
    )
    fcr_rate = fields.Float(string="First-contact Resolution (%)", aggregator="avg", readonly=True)
    fcr_target_rate = fields.Float(
        string="First-contact Resolution Target (%)",
        aggregator="avg",
        readonly=True,
        help="The first-contact resolution rate to reach (settings).",
    )
    investigation_on_time_rate = fields.Float(
        string="Investigations on Time (%)", aggregator="avg", readonly=True
    )
    solution_on_time_rate = fields.Float(
        string="Solutions on Time (%)", aggregator="avg", readonly=True
    )
    sla_count = fields.Integer(
        string="# SLA Targets",
        readonly=True,
        help="SLA targets of the ticket decided: reached, or missed (deadline passed).",
    )
    sla_attainment_rate = fields.Float(
        string="SLA Attainment (%)",
        aggregator="avg",
        readonly=True,
        help="Share of the ticket's decided SLA targets (first response, resolution) "
        "reached in time.",
    )

    def _query(self):
        return SQL(
            """
            SELECT
                t.id AS id,
                t.id AS ticket_id,
                t.create_date AS date,
                t.closed_date AS closed_date,
                t.company_id,
                t.team_id,
                t.user_id,
                t.partner_id,
                t.cs_request_type AS request_type,
                t.channel_id,
                t.category_id,
                t.cs_cause_id AS cause_id,
                t.cs_department_id AS department_id,
                1 AS nbr,
                EXTRACT(EPOCH FROM t.cs_first_response_date - t.create_date) / 60
                    AS first_response_minutes,
                CASE WHEN t.cs_first_response_date IS NOT NULL
                     THEN t.cs_first_response_working_hours * 60
                     END AS first_response_working_minutes,
                EXTRACT(EPOCH FROM t.closed_date - t.create_date) / 60 AS handling_minutes,
                EXTRACT(EPOCH FROM t.closed_date - t.create_date) / 3600 AS handling_hours,
                CASE WHEN t.closed_date IS NOT NULL
                     THEN t.cs_handling_working_hours
                     END AS handling_working_hours,
                CASE WHEN t.cs_request_type IN %(target_types)s
                     THEN target.handling_hours
                     END AS handling_target_hours,
                CASE WHEN t.closed_date IS NULL
                          OR t.cs_request_type NOT IN %(target_types)s THEN NULL
                     WHEN t.cs_handling_working_hours <= target.handling_hours
                     THEN 100 ELSE 0 END AS handling_on_target_rate,
                CASE WHEN t.closed_date IS NULL THEN NULL
                     WHEN COALESCE(t.cs_escalated_count, 0) = 0
                          AND COALESCE(t.cs_reopened_count, 0) = 0
                     THEN 100 ELSE 0 END AS fcr_rate,
                target.fcr_rate AS fcr_target_rate,
                CASE WHEN t.cs_investigation_deadline IS NULL THEN NULL
                     WHEN t.cs_investigation_done_date IS NOT NULL
                     THEN CASE WHEN t.cs_investigation_done_date <= t.cs_investigation_deadline
                               THEN 100 ELSE 0 END
                     WHEN t.cs_investigation_deadline < (NOW() AT TIME ZONE 'UTC') THEN 0
                     END AS investigation_on_time_rate,
                CASE WHEN t.cs_solution_deadline IS NULL THEN NULL
                     WHEN t.cs_implemented_date IS NOT NULL
                     THEN CASE WHEN t.cs_implemented_date <= t.cs_solution_deadline
                               THEN 100 ELSE 0 END
                     WHEN t.cs_solution_deadline < (NOW() AT TIME ZONE 'UTC') THEN 0
                     END AS solution_on_time_rate,
                COALESCE(sla.decided, 0) AS sla_count,
                CASE WHEN sla.decided > 0
                     THEN 100.0 * sla.met / sla.decided
                     END AS sla_attainment_rate
            FROM helpdesk_ticket t
            LEFT JOIN (
                SELECT ticket_id,
                       COUNT(*) FILTER (
                           WHERE state IN ('accomplished', 'expired')
                              OR (state = 'in_progress'
                                  AND deadline < (NOW() AT TIME ZONE 'UTC'))
                       ) AS decided,
                       COUNT(*) FILTER (WHERE state = 'accomplished') AS met
                  FROM helpdesk_ticket_sla
                 GROUP BY ticket_id
            ) sla ON sla.ticket_id = t.id
            CROSS JOIN (
                SELECT
                    COALESCE(
                        (SELECT value FROM ir_config_parameter WHERE key = %(handling_key)s),
                        %(handling_default)s
                    )::float AS handling_hours,
                    COALESCE(
                        (SELECT value FROM ir_config_parameter WHERE key = %(fcr_key)s),
                        %(fcr_default)s
                    )::float AS fcr_rate
            ) target
            WHERE t.active
            """,
            target_types=HANDLING_TARGET_TYPES,
            handling_key=KPI_TARGETS["handling_hours"][0],
            handling_default=str(KPI_TARGETS["handling_hours"][1]),
            fcr_key=KPI_TARGETS["fcr_rate"][0],
            fcr_default=str(KPI_TARGETS["fcr_rate"][1]),
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %(table)s AS (%(query)s)",
                table=SQL.identifier(self._table),
                query=self._query(),
            )
        )

    @api.model
    def _cs_kpi_targets(self):
        """The department's targets from the settings, by name (see KPI_TARGETS)."""
        ICP = self.env["ir.config_parameter"].sudo()
        return {
            name: float(ICP.get_param(key) or default)
            for name, (key, default) in KPI_TARGETS.items()
        }

    @api.model
    def _cs_past_week(self, company):
        """Monday to Monday of last week in the company's time zone, as naive UTC."""
        tz = pytz.timezone(company.partner_id.tz or company.resource_calendar_id.tz or "UTC")
        today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()
        monday = today - timedelta(days=today.weekday())
        bounds = (monday - timedelta(days=7), monday)
        return bounds[0], [
            tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc).replace(tzinfo=None)
            for day in bounds
        ]

    @api.model
    def _cs_missed_targets(self, company, start, stop, targets):
        """{specialist: [(kpi, figure, target)]} for tickets closed in [start, stop)."""
        rows = self.sudo()._read_group(
            [
                ("company_id", "=", company.id),
                ("user_id", "!=", False),
                ("closed_date", ">=", start),
                ("closed_date", "<", stop),
            ],
            ["user_id", "request_type"],
            ["__count", "handling_working_hours:sum", "fcr_rate:sum"],
        )
        figures = {}
        for user, request_type, count, hours, fcr in rows:
            acc = figures.setdefault(user, [0, 0.0, 0, 0.0])
            if request_type in HANDLING_TARGET_TYPES:
                acc[0] += count
                acc[1] += hours
            acc[2] += count
            acc[3] += fcr
        missed = {}
        for user, (handled, hours, closed, fcr) in figures.items():
            misses = []
            if handled and hours / handled > targets["handling_hours"]:
                misses.append(("handling_hours", hours / handled, targets["handling_hours"]))
            if closed and fcr / closed < targets["fcr_rate"]:
                misses.append(("fcr_rate", fcr / closed, targets["fcr_rate"]))
            if misses:
                missed[user] = misses
        return missed

    def _cs_missed_targets_body(self, start, missed):
        """The Manager's message, in the language of the environment."""
        _ = self.env._

        def describe(kpi, figure, target):
            values = {
                "figure": tools.formatLang(self.env, figure, digits=1),
                "target": tools.formatLang(self.env, target, digits=1),
            }
            if kpi == "handling_hours":
                return _(
                    "average handling time %(figure)s working hours (target: at most %(target)s)",
                    **values,
                )
            return _(
                "first-contact resolution %(figure)s%% (target: at least %(target)s%%)", **values
            )

        lines = Markup().join(
            Markup("<li>%s</li>")
            % _(
                "%(specialist)s: %(misses)s",
                specialist=user.name,
                misses="; ".join(describe(*miss) for miss in misses),
            )
            for user, misses in sorted(missed.items(), key=lambda item: item[0].name)
        )
        intro = _(
            "Service targets missed in the week of %(date)s:",
            date=tools.format_date(self.env, start),
        )
        return Markup("<p>%s</p><ul>%s</ul>") % (intro, lines)

    @api.model
    def _cron_cs_kpi_targets(self):
        """Weekly: tell each Manager which specialist missed which target last week.

        One company per call (returns how many are left); a company already told
        about last week is skipped, so running it twice sends nothing more.
        """
        ICP = self.env["ir.config_parameter"].sudo()
        managers = self.env.ref("cs_service_dept.group_cs_manager").sudo().users
        managers = managers.filtered(lambda u: u.active and not u.share)
        pending = []
        for company in managers.company_ids:
            start, bounds = self._cs_past_week(company)
            if ICP.get_param(f"cs_service_dept.kpi_week_notified.{company.id}") != str(start):
                pending.append((company, start, bounds))
        if not pending:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return 0
        company, start, bounds = pending[0]
        missed = self._cs_missed_targets(company, *bounds, self._cs_kpi_targets())
        if missed:
            for manager in managers.filtered(lambda u: company in u.company_ids):
                report = self.with_context(lang=manager.lang)
                self.env["mail.thread"].message_notify(
                    partner_ids=manager.partner_id.ids,
                    subject=report.env._("Service targets missed"),
                    body=report._cs_missed_targets_body(start, missed),
                )
        ICP.set_param(f"cs_service_dept.kpi_week_notified.{company.id}", str(start))
        self.env["ir.cron"]._notify_progress(done=1, remaining=len(pending) - 1)
        return len(pending) - 1
