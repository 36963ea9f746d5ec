# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer in the relationship management flow (客户关系管理): the
    figures of the classification standard, the customer card, the service
    plans."""

    _inherit = "res.partner"

    # Category changes are tracked in the customer's chatter.
    cs_category_ids = fields.Many2many(tracking=True)
    cs_sales_12m = fields.Monetary(
        string="Sales (12 Months)",
        readonly=True,
        copy=False,
        currency_field="cs_company_currency_id",
        help="Untaxed amount of the confirmed orders of the last twelve months, as of the "
        "last classification.",
    )
    cs_orders_12m = fields.Integer(string="Orders (12 Months)", readonly=True, copy=False)
    cs_margin_12m = fields.Float(
        string="Margin % (12 Months)", readonly=True, copy=False, aggregator="avg"
    )
    cs_classified_date = fields.Date(
        string="Classified On",
        readonly=True,
        copy=False,
        help="When the classification standard last placed this customer.",
    )
    cs_company_currency_id = fields.Many2one(
        "res.currency", compute="_compute_cs_company_currency_id"
    )
    cs_relationship_plan_count = fields.Integer(
        string="Service Plans", compute="_compute_cs_relationship_plan_count"
    )

    @api.depends_context("company")
    def _compute_cs_company_currency_id(self):
        self.cs_company_currency_id = self.env.company.currency_id

    def _compute_cs_relationship_plan_count(self):
        counts = {}
        Plan = self.env["cs.relationship.plan"]
        if Plan.has_access("read"):
            counts = dict(
                Plan._read_group([("partner_id", "in", self.ids)], ["partner_id"], ["__count"])
            )
        for partner in self:
            partner.cs_relationship_plan_count = counts.get(partner, 0)

    # ------------------------------------------------------------- actions

    def action_cs_classify(self):
        """Apply the classification standard to these customers now."""
        self.check_access("write")
        self.env["cs.customer.category.rule"]._cs_classify(self.commercial_partner_id)
        return True

    def action_cs_view_relationship_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_service_dept.cs_relationship_plan_action"
        )
        action["domain"] = [("partner_id", "=", self.id)]
        action["context"] = {"default_partner_id": self.id, "default_user_id": self.user_id.id}
        return action

    # -------------------------------------------------------- customer card

    def _cs_card_values(self):
        """{partner: values} printed on the customer card (客户资料卡). Other
        modules add their own keys (cs_credit_rating: the credit grade) and fill
        the ``cs_card_credit`` block of the template."""
        today = self.env["cs.followup"]._cs_today()
        start = fields.Datetime.to_datetime(today - relativedelta(years=1))
        orders = {}
        for partner, amount, count in (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "child_of", self.ids),
                    ("state", "=", "sale"),
                    ("date_order", ">=", start),
                ],
                ["partner_id"],
                ["amount_untaxed:sum", "__count"],
            )
        ):
            key = partner.commercial_partner_id
            total = orders.get(key, (0.0, 0))
            orders[key] = (total[0] + amount, total[1] + count)
        tickets = {}
        for partner, count in (
            self.env["helpdesk.ticket"]
            .sudo()
            ._read_group([("partner_id", "child_of", self.ids)], ["partner_id"], ["__count"])
        ):
            key = partner.commercial_partner_id
            tickets[key] = tickets.get(key, 0) + count
        followups = (
            self.env["cs.followup"]
            .sudo()
            .search(
                [("partner_id", "in", self.ids), ("state", "=", "done")], order="done_date desc"
            )
        )
        values = {}
        for partner in self:
            amount, count = orders.get(partner, (0.0, 0))
            values[partner] = {
                "sales_12m": amount,
                "orders_12m": count,
                "open_balance": partner.sudo().credit,
                "ticket_count": tickets.get(partner, 0),
                "repair_count": partner.cs_repair_count,
                "last_contacts": followups.filtered(lambda f, p=partner: f.partner_id == p)[:5],
                "currency": self.env.company.currency_id,
            }
        return values
