# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL

from .cs_revisit import METHODS, SOURCES


class CsSatisfactionReport(models.Model):
    """Satisfaction, revisit and response figures: one row per revisit (so one
    per service: a revisit that links a survey answer counts once).

    Rates are 0/100 per row and empty (NULL) when the row is not concerned, so
    their average in pivot and graph views is the rate in percent, and empty
    when there is no data. A survey answer's score and date are read from the
    customer's own answer lines, not from fields a specialist can edit. Dates
    ("today", the day an answer came) are the company's, as cs.followup's.
    """

    _name = "cs.satisfaction.report"
    _description = "Satisfaction and Revisit Figures"
    _auto = False
    _rec_name = "revisit_id"
    _order = "date desc"
    _depends = {
        "cs.revisit": [
            "service_date",
            "company_id",
            "team_id",
            "specialist_id",
            "partner_id",
            "plan_id",
            "source",
            "method",
            "required",
            "state",
            "score",
            "done_date",
            "due_date",
            "user_input_id",
        ],
        "survey.user_input": ["state", "end_datetime"],
        "survey.user_input.line": [
            "value_scale",
            "value_numerical_box",
            "answer_type",
            "question_id",
            "question_sequence",
        ],
        "survey.question": ["cs_role"],
        "res.company": ["partner_id"],
        "res.partner": ["tz"],
    }

    revisit_id = fields.Many2one("cs.revisit", readonly=True)
    date = fields.Date(string="Service Closed On", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    team_id = fields.Many2one("helpdesk.ticket.team", readonly=True)
    specialist_id = fields.Many2one("res.users", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    plan_id = fields.Many2one("cs.revisit.plan", readonly=True)
    source = fields.Selection(SOURCES, readonly=True)
    method = fields.Selection(METHODS, readonly=True)
    score = fields.Float(string="Average Score", aggregator="avg", readonly=True)
    nbr = fields.Integer(string="# Revisits", readonly=True)
    scored_count = fields.Integer(string="# Scores", readonly=True)
    satisfied_count = fields.Integer(string="# Satisfied", readonly=True)
    required_count = fields.Integer(
        string="# Revisits Due",
        readonly=True,
        help="Services needing a revisit, revisited or past their due date.",
    )
    on_time_count = fields.Integer(string="# Revisited on Time", readonly=True)
    invited_count = fields.Integer(string="# Invitations", readonly=True)
    answered_count = fields.Integer(string="# Answers", readonly=True)
    satisfaction_rate = fields.Float(string="Satisfaction (%)", aggregator="avg", readonly=True)
    revisit_rate = fields.Float(string="Revisit Rate (%)", aggregator="avg", readonly=True)
    response_rate = fields.Float(string="Response Rate (%)", aggregator="avg", readonly=True)

    def _query(self):
        return SQL(
            """
            WITH base AS (
                SELECT
                    r.id,
                    r.service_date,
                    r.company_id,
                    r.team_id,
                    r.specialist_id,
                    r.partner_id,
                    r.plan_id,
                    r.source,
                    r.method,
                    -- measured: required, and done or past due (pending ones wait)
                    r.required AND (
                        r.state = 'done' OR ui.state = 'done'
                        OR r.due_date < (NOW() AT TIME ZONE COALESCE(cp.tz, 'UTC'))::date
                    ) AS required,
                    r.user_input_id IS NOT NULL AS invited,
                    COALESCE(ui.state = 'done', FALSE) AS answered,
                    -- one score per service: the customer's answer when there is
                    -- one, else the score a specialist recorded (a phone call after
                    -- an unanswered invitation too)
                    CASE
                        WHEN ui.state = 'done' THEN
                            CASE WHEN sat.value BETWEEN 1 AND 5 THEN sat.value END
                        WHEN r.state = 'done' AND r.method != 'survey'
                             AND r.score BETWEEN 1 AND 5 THEN r.score
                    END AS score,
                    CASE
                        WHEN ui.state = 'done'
                            THEN (ui.end_datetime AT TIME ZONE 'UTC'
                                  AT TIME ZONE COALESCE(cp.tz, 'UTC'))::date
                        WHEN r.state = 'done' THEN r.done_date
                    END AS done_date,
                    r.due_date
                FROM cs_revisit r
                JOIN res_company c ON c.id = r.company_id
                JOIN res_partner cp ON cp.id = c.partner_id
                LEFT JOIN survey_user_input ui ON ui.id = r.user_input_id
                -- the answer to the satisfaction question, read as the answer's
                -- cs_score is (survey.user_input._compute_cs_answers): the last one
                LEFT JOIN LATERAL (
                    SELECT CASE WHEN l.answer_type = 'scale' THEN l.value_scale
                                ELSE TRUNC(l.value_numerical_box)::int END AS value
                    FROM survey_user_input_line l
                    JOIN survey_question q ON q.id = l.question_id
                    WHERE l.user_input_id = ui.id
                      AND q.cs_role = 'satisfaction'
                      AND l.answer_type IN ('scale', 'numerical_box')
                    ORDER BY l.question_sequence DESC, l.id DESC
                    LIMIT 1
                ) sat ON ui.state = 'done'
                WHERE r.state != 'cancelled'
            )
            SELECT
                id,
                id AS revisit_id,
                service_date AS date,
                company_id,
                team_id,
                specialist_id,
                partner_id,
                plan_id,
                source,
                method,
                score,
                1 AS nbr,
                CASE WHEN score IS NOT NULL THEN 1 ELSE 0 END AS scored_count,
                CASE WHEN score >= 4 THEN 1 ELSE 0 END AS satisfied_count,
                CASE WHEN required THEN 1 ELSE 0 END AS required_count,
                CASE WHEN required AND done_date <= due_date THEN 1 ELSE 0 END AS on_time_count,
                CASE WHEN invited THEN 1 ELSE 0 END AS invited_count,
                CASE WHEN answered THEN 1 ELSE 0 END AS answered_count,
                CASE WHEN score IS NULL THEN NULL
                     WHEN score >= 4 THEN 100 ELSE 0 END AS satisfaction_rate,
                CASE WHEN NOT required THEN NULL
                     WHEN done_date <= due_date THEN 100 ELSE 0 END AS revisit_rate,
                CASE WHEN NOT invited THEN NULL
                     WHEN answered THEN 100 ELSE 0 END AS response_rate
            FROM base
            """
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
    def _cs_figures(self, domain):
        """Satisfaction, revisit and response rates (percent) over ``domain``,
        None where nothing was measured (never 0%, never a division by zero)."""
        [[scored, satisfied, required, on_time, invited, answered]] = self._read_group(
            domain,
            [],
            [
                "scored_count:sum",
                "satisfied_count:sum",
                "required_count:sum",
                "on_time_count:sum",
                "invited_count:sum",
                "answered_count:sum",
            ],
        )

        def rate(part, whole):
            return 100.0 * part / whole if whole else None

        return {
            "satisfaction": rate(satisfied, scored),
            "revisit": rate(on_time, required),
            "response": rate(answered, invited),
            "scored": scored or 0,
            "required": required or 0,
            "invited": invited or 0,
        }
