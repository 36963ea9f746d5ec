# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError
from odoo.tools import float_compare, format_amount


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def action_confirm(self):
        if not self.env.context.get("cs_credit_override"):
            problems = self._cs_credit_problems()
            if problems:
                raise UserError("\n\n".join(problems.values()))
        return super().action_confirm()

    def _cs_credit_problems(self):
        """``{order: message}`` for the orders of ``self`` that the customer's
        credit does not allow to confirm."""
        problems = {}
        orders = self.filtered(lambda o: o.state in ("draft", "sent"))
        if not orders:
            return problems
        partners = orders.partner_id.commercial_partner_id.sudo()
        exposure = partners._cs_credit_exposure(exclude_orders=orders)
        confirmed_anomalies = {
            partner.id
            for [partner] in self.env["cs.credit.anomaly"]
            .sudo()
            ._read_group(
                [("partner_id", "in", partners.ids), ("state", "=", "confirmed")],
                ["partner_id"],
            )
        }
        pending = dict.fromkeys(partners.ids, 0.0)
        for order in orders:
            company = order.company_id
            partner = order.partner_id.commercial_partner_id.sudo().with_company(company)
            receivable, to_invoice = exposure[partner.id]
            amount = order.amount_total / (order.currency_rate or 1.0)
            pending[partner.id] += amount
            total = receivable + to_invoice + pending[partner.id]
            limit = partner.credit_limit
            currency = company.currency_id
            values = {
                "order": order.name,
                "customer": partner.display_name,
                "receivable": format_amount(self.env, receivable, currency),
                "to_invoice": format_amount(self.env, to_invoice, currency),
                "amount": format_amount(self.env, amount, currency),
                "exposure": format_amount(self.env, total, currency),
                "limit": format_amount(self.env, limit, currency),
            }
            if partner.cs_credit_grade == "C":
                problems[order] = self.env._(
                    "%(order)s cannot be confirmed: %(customer)s has credit grade C "
                    "and is treated as over the credit limit (exposure "
                    "%(exposure)s).",
                    **values,
                )
            elif partner.id in confirmed_anomalies:
                problems[order] = self.env._(
                    "%(order)s cannot be confirmed: %(customer)s has a confirmed "
                    "credit anomaly and is treated as over the credit limit "
                    "(exposure %(exposure)s).",
                    **values,
                )
            elif (
                (partner.use_partner_credit_limit or company.account_use_credit_limit)
                and limit > 0
                and float_compare(total, limit, 2) > 0
            ):
                problems[order] = self.env._(
                    "%(order)s cannot be confirmed: the exposure of %(customer)s "
                    "would be %(exposure)s (open receivables %(receivable)s + "
                    "confirmed orders not invoiced %(to_invoice)s + this order "
                    "%(amount)s), over the credit limit of %(limit)s.",
                    **values,
                )
        return problems

    def action_cs_credit_override(self):
        self.ensure_one()
        problems = self._cs_credit_problems()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confirm Over the Credit Limit"),
            "res_model": "cs.credit.override.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_order_id": self.id,
                "default_message": problems.get(self, ""),
            },
        }
