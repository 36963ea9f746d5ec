# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    cs_credit_evaluation_ids = fields.One2many(
        "cs.credit.evaluation", "partner_id", string="Credit Evaluations"
    )
    cs_credit_evaluation_id = fields.Many2one(
        "cs.credit.evaluation",
        string="Latest Credit Evaluation",
        compute="_compute_cs_credit_evaluation_id",
        store=True,
        index="btree_not_null",
    )
    cs_credit_grade = fields.Selection(
        string="Credit Grade",
        related="cs_credit_evaluation_id.grade",
        store=True,
    )
    cs_credit_score = fields.Float(
        string="Credit Score",
        related="cs_credit_evaluation_id.total_score",
        store=True,
        aggregator="avg",
    )
    cs_credit_evaluation_count = fields.Integer(
        string="Credit Evaluation Count", compute="_compute_cs_credit_evaluation_count"
    )
    cs_credit_anomaly_count = fields.Integer(
        string="Open Credit Anomalies", compute="_compute_cs_credit_anomaly_count"
    )

    @api.depends("cs_credit_evaluation_ids")
    def _compute_cs_credit_evaluation_id(self):
        latest = dict(
            self.env["cs.credit.evaluation"]
            .sudo()
            ._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["id:max"])
        )
        Evaluation = self.env["cs.credit.evaluation"]
        for partner in self:
            partner.cs_credit_evaluation_id = Evaluation.browse(latest.get(partner, False) or [])

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

    def _cs_credit_exposure(self, exclude_orders=None):
        """Open receivables plus confirmed orders not invoiced yet, per
        commercial partner in ``self``: ``{partner_id: (receivable, to_invoice)}``.
        """
        partners = self.commercial_partner_id.sudo()
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("partner_id", "child_of", partners.ids),
                    ("state", "=", "sale"),
                    ("company_id", "=", self.env.company.id),
                    ("id", "not in", (exclude_orders or self.env["sale.order"]).ids),
                ]
            )
        )
        to_invoice = dict.fromkeys(partners.ids, 0.0)
        for order in orders:
            commercial = order.partner_id.commercial_partner_id.id
            if commercial in to_invoice:
                to_invoice[commercial] += order.amount_to_invoice / (order.currency_rate or 1.0)
        return {p.id: (p.credit, to_invoice[p.id]) for p in partners}
