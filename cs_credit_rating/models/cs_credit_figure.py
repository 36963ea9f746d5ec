# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.tools import SQL

from .cs_credit_file import FIGURE_KEYS


@contextmanager
def no_jit(cr):
    """Run the block's statements without PostgreSQL's JIT compilation.

    A statement over every customer of a company is estimated costly enough
    for JIT, which then spends seconds compiling what runs in less (the credit
    benchmark's reference pass: 2.9 s without, 7.7 s with, on a machine whose
    PostgreSQL has JIT). The setting is the transaction's and is put back
    after the block.
    """
    cr.execute("SELECT current_setting('jit'), set_config('jit', 'off', TRUE)")
    previous = cr.fetchone()[0]
    try:
        yield
    finally:
        cr.execute(SQL("SELECT set_config('jit', %s, TRUE)", previous))


class CsCreditFigure(models.Model):
    """The figures of the sales record analysis of every customer of a
    company, read in one pass when the nightly evaluation starts its day.

    They are the night's worklist: each call of the scheduled action scores
    and records one batch of them (by customer, after the policy's cursor), so
    the orders, invoices and payments of all customers are read once a night
    rather than once a batch. The next night's run replaces them. Written and
    read in set-based statements by the evaluation only; a Manager may read
    them (what the night's evaluations were computed from).
    """

    _name = "cs.credit.figure"
    _description = "Credit Figures of the Nightly Evaluation"
    _log_access = False
    _order = "company_id, partner_id"

    # ids, not foreign keys: 100,000 checks a night for a cache of the night's
    # run; the batches join the customers that still exist
    company_id = fields.Integer(required=True)
    partner_id = fields.Integer(string="Customer ID", required=True)
    customer_id = fields.Many2one("res.partner", compute="_compute_customer_id")
    date = fields.Date(required=True)
    sales_amount = fields.Float()
    order_count = fields.Float(string="Confirmed Orders")
    invoiced_amount = fields.Float()
    paid_amount = fields.Float()
    paid_ratio = fields.Float(string="Paid Ratio (%)")
    avg_days_late = fields.Float(string="Average Days Paid Late")
    overdue_amount = fields.Float(string="Current Overdue Amount")
    returns_amount = fields.Float(string="Returns (Credit Notes)")
    complaint_count = fields.Float(string="Complaints")
    bounced_count = fields.Float(string="Bounced Payments")
    recent_sales_amount = fields.Float(string="Sales of the Last 3 Months")

    @api.depends("partner_id")
    def _compute_customer_id(self):
        # the customers that still exist, in one read
        existing = self.env["res.partner"].browse(set(self.mapped("partner_id"))).exists()
        for figure in self:
            figure.customer_id = existing.browse(figure.partner_id) & existing

    _sql_constraints = [
        (
            "company_partner_uniq",
            "UNIQUE(company_id, partner_id)",
            "A customer has one set of figures per company and night.",
        ),
    ]

    @api.model
    def _cs_take(self, policy, date, customers):
        """Replace the figures of ``policy``'s company by those of
        ``customers`` (an SQL query of commercial partner ids) on ``date``,
        read in one statement. Returns their number."""
        company = policy.company_id
        self.env.flush_all()
        keys = [SQL.identifier(key) for key, _label in FIGURE_KEYS]
        cr = self.env.cr
        cr.execute(SQL("DELETE FROM cs_credit_figure WHERE company_id = %s", company.id))
        with no_jit(cr):
            # read by a CREATE TABLE AS, which PostgreSQL may run in parallel
            # workers (an INSERT ... SELECT never is: twice slower on 2 cores)
            cr.execute(
                SQL(
                    "CREATE TEMPORARY TABLE cs_credit_night AS %s",
                    self.env["cs.credit.file"]._cs_figures_query(
                        customers, company, policy.window_months
                    ),
                )
            )
            cr.execute(
                SQL(
                    """
                INSERT INTO cs_credit_figure (company_id, partner_id, date, %(columns)s)
                SELECT %(company)s, f.id, %(date)s, %(values)s
                  FROM cs_credit_night AS f
                """,
                    columns=SQL(", ").join(keys),
                    values=SQL(", ").join(SQL("f.%s", key) for key in keys),
                    company=company.id,
                    date=date,
                )
            )
            taken = cr.rowcount
            cr.execute("DROP TABLE cs_credit_night")
        # the batches read the table by company and customer: its statistics
        # follow the night's rows
        cr.execute("ANALYZE cs_credit_figure")
        self.invalidate_model()
        return taken

    @api.model
    def _cs_batch(self, company, after, limit):
        """The next ``limit`` customer ids of ``company``'s figures after the
        customer id ``after``, in their order (read in the unique index)."""
        rows = self.env.execute_query(
            SQL(
                """
            SELECT partner_id FROM cs_credit_figure
             WHERE company_id = %s AND partner_id > %s
             ORDER BY partner_id
             LIMIT %s
            """,
                company.id,
                after,
                limit,
            )
        )
        return [partner_id for (partner_id,) in rows]

    @api.model
    def _cs_figures_of(self, company, partner_ids):
        """The query of the figures taken for ``partner_ids`` in ``company``,
        with the columns of ``cs.credit.file._cs_figures_query``: of the
        customers that still exist."""
        ids = list(partner_ids)
        # a batch is a range of the night's customers: read as a range
        return SQL(
            "SELECT f.partner_id AS id, %s FROM cs_credit_figure f "
            "JOIN res_partner p ON p.id = f.partner_id "
            "WHERE f.company_id = %s AND f.partner_id BETWEEN %s AND %s "
            "AND f.partner_id = ANY(%s)",
            SQL(", ").join(SQL.identifier("f", key) for key, _label in FIGURE_KEYS),
            company.id,
            min(ids, default=0),
            max(ids, default=0),
            ids,
        )
