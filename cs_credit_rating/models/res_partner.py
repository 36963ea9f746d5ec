# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from .cs_credit_policy import GRADES


class ResPartner(models.Model):
    _inherit = "res.partner"

    cs_credit_evaluation_ids = fields.One2many(
        "cs.credit.evaluation", "partner_id", string="Credit Evaluations"
    )
    # The customer's standing in the current company: its latest approved
    # evaluation there, with the grade and score it gives. Derived, not stored
    # on the customer: the nightly evaluation of every customer then writes
    # the suite's own rows only, and each company reads its own grade.
    cs_credit_evaluation_id = fields.Many2one(
        "cs.credit.evaluation",
        string="Latest Credit Evaluation",
        compute="_compute_cs_credit_standing",
    )
    cs_credit_grade = fields.Selection(
        GRADES,
        string="Credit Grade",
        compute="_compute_cs_credit_standing",
        search="_search_cs_credit_grade",
    )
    cs_credit_score = fields.Float(
        string="Credit Score",
        compute="_compute_cs_credit_standing",
        search="_search_cs_credit_score",
    )
    cs_credit_evaluation_count = fields.Integer(
        string="Credit Evaluation Count", compute="_compute_cs_credit_evaluation_count"
    )
    cs_credit_anomaly_count = fields.Integer(
        string="Open Credit Anomalies", compute="_compute_cs_credit_anomaly_count"
    )

    def _cs_computed_fields(self):
        # the grade comes from approved evaluations only
        return super()._cs_computed_fields() | {"cs_credit_grade", "cs_credit_score"}

    def _cs_latest_credit_evaluations(self, company=None):
        """The latest approved evaluation of each of ``self`` (in ``company``,
        or in any): ``{partner: evaluation}``, empty when there is none; one
        grouped read, and the evaluations in one recordset, so that their
        fields are read together. Only an approved evaluation gives the grade:
        a drafted evaluation form changes nothing until the Manager approves it."""
        Evaluation = self.env["cs.credit.evaluation"].sudo()
        domain = [("partner_id", "in", self.ids), ("state", "=", "approved")]
        if company:
            domain.append(("company_id", "=", company.id))
        latest = dict(Evaluation._read_group(domain, ["partner_id"], ["id:max"]))
        evaluations = {
            evaluation.id: evaluation for evaluation in Evaluation.browse(latest.values())
        }
        return {partner: evaluations.get(latest.get(partner), Evaluation) for partner in self}

    @api.depends(
        "cs_credit_evaluation_ids.state",
        "cs_credit_evaluation_ids.grade",
        "cs_credit_evaluation_ids.total_score",
    )
    @api.depends_context("company")
    def _compute_cs_credit_standing(self):
        latest = self._cs_latest_credit_evaluations(self.env.company)
        for partner in self:
            evaluation = latest[partner]
            partner.cs_credit_evaluation_id = evaluation.sudo(False)
            partner.cs_credit_grade = evaluation.grade
            partner.cs_credit_score = evaluation.total_score

    def _search_cs_credit_grade(self, operator, value):
        return self._cs_search_standing("grade", operator, value)

    def _search_cs_credit_score(self, operator, value):
        return self._cs_search_standing("total_score", operator, value)

    def _cs_search_standing(self, column, operator, value):
        """The domain of the partners whose latest approved evaluation in the
        current company has ``column`` ``operator`` ``value``, as for a stored
        field: ``= False`` for those with none, ``!=`` and ``not in`` include
        them. The graded partners are read once, the latest evaluation of
        each commercial partner in the index of the latest evaluations."""
        if operator not in ("=", "!=", "in", "not in", "<", "<=", ">", ">="):
            raise UserError(
                self.env._("Credit grades and scores are not searched with %s.", operator)
            )
        values = list(value) if operator in ("in", "not in") else [value]
        graded = [v for v in values if v is not False and v is not None]
        if operator in ("<", "<=", ">", ">="):
            if not graded:
                return [("id", "in", [])]
            return [("id", "in", self._cs_graded(column, SQL(operator), graded[0]))]
        positive = operator in ("=", "in")
        if len(graded) < len(values):
            # no grade, or one of ``graded``: all but the other grades
            others = self._cs_graded(column, SQL("!= ALL"), graded)
            return [("id", "not in" if positive else "in", others)]
        matching = self._cs_graded(column, SQL("= ANY"), graded)
        return [("id", "in" if positive else "not in", matching)]

    def _cs_graded(self, column, operator, value):
        """The ids of the commercial partners with an approved evaluation in
        the current company whose latest has ``column`` ``operator``
        ``value`` (SQL: ``value`` is an array for ``= ANY`` and ``!= ALL``)."""
        self.env["cs.credit.evaluation"].flush_model()
        comparison = (
            SQL("latest.value %s(%s)", operator, value)
            if isinstance(value, list)
            else SQL("latest.value %s %s", operator, value)
        )
        query = SQL(
            """
            SELECT p.id
              FROM res_partner p
              JOIN LATERAL (%s) AS latest(value) ON TRUE
             WHERE p.parent_id IS NULL AND %s
            """,
            self.env["cs.credit.evaluation"]._cs_latest_query(
                SQL("p.id"), self.env.company, column
            ),
            comparison,
        )
        return [partner_id for (partner_id,) in self.env.execute_query(query)]

    def _compute_cs_credit_evaluation_count(self):
        groups = self.env["cs.credit.evaluation"]._read_group(
            [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.cs_credit_evaluation_count = counts.get(partner.id, 0)

    def _compute_cs_credit_anomaly_count(self):
        groups = self.env["cs.credit.anomaly"]._read_group(
            [("partner_id", "in", self.ids), ("state", "in", ("open", "confirmed"))],
            ["partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.cs_credit_anomaly_count = counts.get(partner.id, 0)

    def action_cs_credit_evaluate(self):
        self.env["cs.credit.evaluation"]._evaluate_partners(self)
        return self.action_cs_credit_view_evaluations()

    def action_cs_credit_view_evaluations(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_credit_rating.cs_credit_evaluation_action"
        )
        action["domain"] = [("partner_id", "in", self.commercial_partner_id.ids)]
        action["context"] = {"default_partner_id": self[:1].commercial_partner_id.id}
        return action

    def action_cs_credit_view_anomalies(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_credit_rating.cs_credit_anomaly_action"
        )
        action["domain"] = [("partner_id", "in", self.commercial_partner_id.ids)]
        action["context"] = {"default_partner_id": self[:1].commercial_partner_id.id}
        return action

    def action_cs_credit_open_file(self):
        self.ensure_one()
        partner = self.commercial_partner_id
        credit_file = self.env["cs.credit.file"].search(
            [("partner_id", "=", partner.id), ("company_id", "=", self.env.company.id)],
            limit=1,
        ) or self.env["cs.credit.file"].create({"partner_id": partner.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "cs.credit.file",
            "res_id": credit_file.id,
            "view_mode": "form",
        }

    def _cs_credit_evaluations(self, company):
        """The latest approved evaluation given in ``company`` to each
        commercial partner of ``self`` that has one: ``{partner_id: evaluation}``."""
        latest = self.commercial_partner_id._cs_latest_credit_evaluations(company)
        return {partner.id: evaluation for partner, evaluation in latest.items() if evaluation}

    @api.model
    def _cs_credit_evaluation_of(self, documents):
        """``(document, evaluation)`` for each of ``documents`` (records with a
        ``partner_id`` and a ``company_id``): the latest approved evaluation of
        its customer in its company, an empty one when there is none."""
        Evaluation = self.env["cs.credit.evaluation"].sudo()
        for company, group in documents.grouped("company_id").items():
            latest = group.partner_id._cs_credit_evaluations(company or self.env.company)
            for document in group:
                pid = document.partner_id.commercial_partner_id.id
                yield document, latest.get(pid, Evaluation)

    def _cs_credit_managed(self, company):
        """The commercial partners of ``self`` whose credit the department
        manages in ``company``: graded there, or given a limit through an
        approved limit request. Only their orders are refused over the
        limit; for any other partner Odoo's own credit warning stays."""
        partners = self.commercial_partner_id
        with_limit = {
            partner.id
            for [partner] in self.env["cs.credit.limit.request"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("company_id", "=", company.id),
                    ("state", "=", "approved"),
                ],
                ["partner_id"],
            )
        }
        graded = set(partners._cs_credit_evaluations(company))
        return partners.filtered(lambda p: p.id in graded or p.id in with_limit)

    def _cs_credit_exposure(self, company):
        """Open receivables and confirmed orders not invoiced yet in
        ``company``, per commercial partner of ``self``:
        ``{partner_id: (receivable, to_invoice)}`` in the company currency.

        The one exposure computation of the suite: the receivable is Odoo's
        ``credit`` and the orders are counted as Odoo's ``credit_to_invoice``
        counts them (sale), whether or not the company turned Odoo's credit
        limit on, so the order form's warning and the refusal always agree.
        """
        partners = self.commercial_partner_id.sudo().with_company(company)
        to_invoice = dict.fromkeys(partners.ids, 0.0)
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("partner_invoice_id", "any", [("commercial_partner_id", "in", partners.ids)]),
                    ("order_line", "any", [("untaxed_amount_to_invoice", ">", 0)]),
                    ("state", "=", "sale"),
                ]
            )
        )
        today = fields.Date.context_today(self)
        for (partner, currency), group in orders.grouped(
            lambda so: (so.partner_invoice_id.commercial_partner_id, so.currency_id)
        ).items():
            to_invoice[partner.id] += currency._convert(
                sum(group.mapped("amount_to_invoice")), company.currency_id, company, today
            )
        return {p.id: (p.credit, to_invoice[p.id]) for p in partners}
