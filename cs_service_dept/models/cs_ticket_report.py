# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models, tools
from odoo.tools import SQL

HANDLING_TARGET_MINUTES = 180


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
    handling_minutes = fields.Float(string="Handling Time (min)", aggregator="avg", readonly=True)
    handling_hours = fields.Float(
        string="Handling Time (h)",
        aggregator="avg",
        readonly=True,
        help="Target: 3 hours or less on average.",
    )
    handling_on_target_rate = fields.Float(
        string="Handled within 3 h (%)", aggregator="avg", readonly=True
    )
    fcr_rate = fields.Float(string="First-contact Resolution (%)", aggregator="avg", readonly=True)
    investigation_on_time_rate = fields.Float(
        string="Investigations on Time (%)", aggregator="avg", readonly=True
    )
    solution_on_time_rate = fields.Float(
        string="Solutions on Time (%)", aggregator="avg", readonly=True
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
                EXTRACT(EPOCH FROM t.closed_date - t.create_date) / 60 AS handling_minutes,
                EXTRACT(EPOCH FROM t.closed_date - t.create_date) / 3600 AS handling_hours,
                CASE WHEN t.closed_date IS NULL THEN NULL
                     WHEN EXTRACT(EPOCH FROM t.closed_date - t.create_date) / 60 <= %(target)s
                     THEN 100 ELSE 0 END AS handling_on_target_rate,
                CASE WHEN t.closed_date IS NULL THEN NULL
                     WHEN COALESCE(t.cs_escalated_count, 0) = 0
                          AND COALESCE(t.cs_reopened_count, 0) = 0
                     THEN 100 ELSE 0 END AS fcr_rate,
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
                     END AS solution_on_time_rate
            FROM helpdesk_ticket t
            WHERE t.active
            """,
            target=HANDLING_TARGET_MINUTES,
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
