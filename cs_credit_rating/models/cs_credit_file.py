# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

# The figures of the sales record analysis (销售记录分析): key -> label.
FIGURE_KEYS = [
    ("sales_amount", "Sales amount"),
    ("order_count", "Confirmed orders"),
    ("invoiced_amount", "Invoiced amount"),
    ("paid_amount", "Paid amount"),
    ("paid_ratio", "Paid ratio (%)"),
    ("avg_days_late", "Average days paid late"),
    ("overdue_amount", "Current overdue amount"),
    ("returns_amount", "Returns (credit notes)"),
    ("complaint_count", "Complaints"),
    ("bounced_count", "Bounced payments"),
    ("recent_sales_amount", "Sales of the last 3 months"),
]
DEFAULT_WINDOW_MONTHS = 12


class CsCreditFile(models.Model):
    _name = "cs.credit.file"
    _description = "Credit File"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "partner_id"
    _rec_name = "partner_id"
    _check_company_auto = True

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        index=True,
        tracking=True,
        domain=[("parent_id", "=", False)],
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    specialist_id = fields.Many2one(related="partner_id.cs_specialist_id")
    confidentiality = fields.Selection(related="partner_id.cs_confidentiality")
    registered_capital = fields.Monetary(tracking=True)
    years_in_business = fields.Integer(tracking=True)
    bank_references = fields.Text()
    public_records = fields.Text(
        help="Court cases, tax records and other public information on the customer."
    )
    notes = fields.Html()
    competitor_term_ids = fields.One2many(
        "cs.credit.competitor.term", "file_id", string="Competitors' Credit Terms"
    )
    credit_grade = fields.Selection(related="partner_id.cs_credit_grade")
    credit_score = fields.Float(related="partner_id.cs_credit_score")
    credit_limit = fields.Float(compute="_compute_credit_limit")
    window_months = fields.Integer(string="Analysis Window (Months)", compute="_compute_figures")
    sales_amount = fields.Monetary(compute="_compute_figures")
    order_count = fields.Integer(compute="_compute_figures", string="Confirmed Orders")
    invoiced_amount = fields.Monetary(compute="_compute_figures")
    paid_amount = fields.Monetary(compute="_compute_figures")
    paid_ratio = fields.Float(compute="_compute_figures", string="Paid Ratio (%)")
    avg_days_late = fields.Float(compute="_compute_figures", string="Average Days Paid Late")
    overdue_amount = fields.Monetary(compute="_compute_figures", string="Current Overdue Amount")
    returns_amount = fields.Monetary(compute="_compute_figures", string="Returns (Credit Notes)")
    complaint_count = fields.Integer(compute="_compute_figures", string="Complaints")
    bounced_count = fields.Integer(compute="_compute_figures", string="Bounced Payments")
    recent_sales_amount = fields.Monetary(
        compute="_compute_figures", string="Sales of the Last 3 Months"
    )
    evaluation_count = fields.Integer(compute="_compute_evaluation_count")

    _sql_constraints = [
        (
            "partner_company_uniq",
            "UNIQUE(partner_id, company_id)",
            "A customer has only one credit file per company.",
        ),
    ]

    def _compute_credit_limit(self):
        for rec in self:
            rec.credit_limit = rec.partner_id.sudo().with_company(rec.company_id).credit_limit

    @api.depends("partner_id", "company_id")
    def _compute_figures(self):
        for company, files in self.grouped("company_id").items():
            policy = self.env["cs.credit.policy"]._get_active(company)
            window = policy.window_months or DEFAULT_WINDOW_MONTHS
            figures = self._compute_credit_figures(
                files.partner_id, company=company, window_months=window
            )
            for rec in files:
                rec.window_months = window
                for key, value in figures.get(rec.partner_id.id, {}).items():
                    rec[key] = value

    def _compute_evaluation_count(self):
        groups = self.env["cs.credit.evaluation"]._read_group(
            [("partner_id", "in", self.partner_id.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for rec in self:
            rec.evaluation_count = counts.get(rec.partner_id.id, 0)

    def action_evaluate(self):
        evaluations = self.env["cs.credit.evaluation"]._evaluate_partners(self.partner_id)
        return evaluations._get_records_action(name=self.env._("Evaluations"))

    def action_view_evaluations(self):
        self.ensure_one()
        return self.partner_id.action_cs_credit_view_evaluations()

    @api.model
    def _empty_figures(self):
        return dict.fromkeys((key for key, _label in FIGURE_KEYS), 0.0)

    @api.model
    def _compute_credit_figures(self, partners, company=None, window_months=None):
        """Return ``{partner_id: {figure_key: value}}`` for the commercial
        ``partners``, from their sale orders, invoices, payments and tickets.

        Set-based: one statement whatever the number of partners (the one of
        ``_cs_figures_query``, which the nightly evaluation scores in
        PostgreSQL). Amounts are in the company currency.
        """
        if not partners:
            return {}
        self.env.flush_all()
        query = self._cs_figures_query(partners.ids, company, window_months)
        keys = [key for key, _label in FIGURE_KEYS]
        result = {}
        for row in self.env.execute_query(query):
            result[row[0]] = dict(zip(keys, row[1:], strict=True))
        return result

    @api.model
    def _cs_figures_query(self, customers, company=None, window_months=None):
        """The figures of the sales record analysis of the commercial
        partners ``customers`` (a list of ids, or an SQL query of them, column
        ``id``) in ``company``: one row per partner, its id then one column per
        key of ``FIGURE_KEYS``, in that order and named after them (0 where
        the partner has nothing).

        One statement of grouped reads: sales in the window (and of the last
        3 months), invoiced, paid, returned, overdue, average days paid late
        (the last reconciliation of each paid invoice against its due date,
        early or on time counting as 0), bounced payments and complaints.
        """
        company = company or self.env.company
        window_months = window_months or DEFAULT_WINDOW_MONTHS
        today = self.env["cs.followup"].with_company(company)._cs_today()
        date_from = today - relativedelta(months=window_months)
        if isinstance(customers, SQL):
            # every customer of the company (the nightly run's day): each sum
            # is read for all partners at once, then kept for the customers
            of_customers = ticket_of_customers = SQL("TRUE")
        else:
            # a few customers: each sum is read for them only
            ids = list(customers)
            customers = SQL("SELECT unnest(%s::int[]) AS id", ids)
            of_customers = SQL("p.commercial_partner_id = ANY(%s)", ids)
            ticket_of_customers = SQL("t.commercial_partner_id = ANY(%s)", ids)
        return SQL(
            """
            WITH customer AS (
                %(customers)s
            ), orders AS (
                SELECT p.commercial_partner_id AS id,
                       SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                           AS sales,
                       COUNT(*) AS n,
                       SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))
                           FILTER (WHERE so.date_order >= %(recent)s) AS recent
                  FROM sale_order so
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE %(of_customers)s
                   AND so.company_id = %(company)s
                   AND so.state = 'sale'
                   AND so.date_order >= %(date_from)s
                 GROUP BY p.commercial_partner_id
            ), moves AS (
                SELECT p.commercial_partner_id AS id,
                       SUM(m.amount_total_signed) FILTER (
                           WHERE m.move_type = 'out_invoice'
                             AND m.invoice_date >= %(date_from)s) AS invoiced,
                       SUM(m.amount_total_signed - m.amount_residual_signed) FILTER (
                           WHERE m.move_type = 'out_invoice'
                             AND m.invoice_date >= %(date_from)s) AS paid,
                       SUM(-m.amount_total_signed) FILTER (
                           WHERE m.move_type = 'out_refund'
                             AND m.invoice_date >= %(date_from)s) AS returned,
                       SUM(m.amount_residual_signed) FILTER (
                           WHERE m.move_type = 'out_invoice'
                             AND m.invoice_date_due < %(today)s
                             AND m.amount_residual_signed > 0) AS overdue
                  FROM account_move m
                  JOIN res_partner p ON p.id = m.partner_id
                 WHERE %(of_customers)s
                   AND m.company_id = %(company)s
                   AND m.state = 'posted'
                   AND m.move_type IN ('out_invoice', 'out_refund')
                 GROUP BY p.commercial_partner_id
            ), late AS (
                SELECT p.commercial_partner_id AS id,
                       AVG(GREATEST(pay.paid_on - m.invoice_date_due, 0)) AS days
                  FROM account_move m
                  JOIN res_partner p ON p.id = m.partner_id
                  JOIN LATERAL (
                        SELECT MAX(apr.max_date) AS paid_on
                          FROM account_move_line l
                          JOIN account_partial_reconcile apr ON apr.debit_move_id = l.id
                         WHERE l.move_id = m.id AND l.display_type = 'payment_term'
                       ) pay ON pay.paid_on IS NOT NULL
                 WHERE %(of_customers)s
                   AND m.company_id = %(company)s
                   AND m.state = 'posted'
                   AND m.move_type = 'out_invoice'
                   AND m.payment_state IN ('paid', 'in_payment')
                   AND m.invoice_date >= %(date_from)s
                 GROUP BY p.commercial_partner_id
            ), bounced AS (
                SELECT p.commercial_partner_id AS id, COUNT(*) AS n
                  FROM account_payment pay
                  JOIN res_partner p ON p.id = pay.partner_id
                 WHERE %(of_customers)s
                   AND pay.company_id = %(company)s
                   AND pay.partner_type = 'customer'
                   AND pay.state = 'rejected'
                   AND pay.date >= %(date_from)s
                 GROUP BY p.commercial_partner_id
            ), complaints AS (
                SELECT t.commercial_partner_id AS id, COUNT(*) AS n
                  FROM helpdesk_ticket t
                 WHERE %(ticket_of_customers)s
                   AND (t.company_id = %(company)s OR t.company_id IS NULL)
                   AND t.cs_request_type = 'complaint'
                   AND t.create_date >= %(since)s
                 GROUP BY t.commercial_partner_id
            )
            SELECT c.id,
                   COALESCE(o.sales, 0)::float8 AS sales_amount,
                   COALESCE(o.n, 0)::float8 AS order_count,
                   COALESCE(m.invoiced, 0)::float8 AS invoiced_amount,
                   COALESCE(m.paid, 0)::float8 AS paid_amount,
                   CASE WHEN COALESCE(m.invoiced, 0) = 0 THEN 0
                        ELSE ROUND(100.0 * m.paid / m.invoiced, 2)
                   END::float8 AS paid_ratio,
                   ROUND(COALESCE(l.days, 0), 2)::float8 AS avg_days_late,
                   COALESCE(m.overdue, 0)::float8 AS overdue_amount,
                   COALESCE(m.returned, 0)::float8 AS returns_amount,
                   COALESCE(t.n, 0)::float8 AS complaint_count,
                   COALESCE(b.n, 0)::float8 AS bounced_count,
                   COALESCE(o.recent, 0)::float8 AS recent_sales_amount
              FROM customer c
              LEFT JOIN orders o ON o.id = c.id
              LEFT JOIN moves m ON m.id = c.id
              LEFT JOIN late l ON l.id = c.id
              LEFT JOIN bounced b ON b.id = c.id
              LEFT JOIN complaints t ON t.id = c.id
            """,
            customers=customers,
            of_customers=of_customers,
            ticket_of_customers=ticket_of_customers,
            company=company.id,
            date_from=date_from,
            recent=today - relativedelta(months=3),
            today=today,
            since=fields.Datetime.to_datetime(date_from),
        )
