# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, format_amount

# What the override wizard puts in the context to confirm over the credit: an
# object, not a flag. JSON-RPC and XML-RPC carry only plain data, so no client
# can send it, whatever route passes its context on (under sudo() or not).
CREDIT_OVERRIDE = object()


class SaleOrder(models.Model):
    """Credit refusal of the department's customers.

    Odoo's own credit limit is a warning. For the customers whose credit the
    department manages (graded, or given a limit through an approved limit
    request, in the order's company) confirming an order over the limit, of a
    grade C customer or of a customer with a confirmed anomaly is refused;
    only a customer service Manager confirms it, with a reason, through the
    override wizard.
    """

    _inherit = "sale.order"

    cs_credit_blocked = fields.Boolean(
        string="Blocked by Credit",
        compute="_compute_cs_credit_problem",
        search="_search_cs_credit_blocked",
    )
    cs_credit_problem = fields.Text(
        string="Credit Problem",
        compute="_compute_cs_credit_problem",
    )
    cs_credit_paid_hold = fields.Boolean(
        string="Paid Online, Awaiting Credit Review",
        readonly=True,
        copy=False,
        help="The customer paid this quotation online, but their credit does not allow "
        "to confirm it: a customer service manager reviews it.",
    )

    @api.depends("company_id", "partner_id", "amount_total", "state")
    def _compute_cs_credit_problem(self):
        problems = self._cs_credit_problems(cumulative=False)
        for order in self:
            order.cs_credit_problem = problems.get(order) or False
            order.cs_credit_blocked = bool(problems.get(order))

    def _search_cs_credit_blocked(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the credit block."))
        candidates = self.search([("state", "in", ("draft", "sent"))])
        problems = candidates._cs_credit_problems(cumulative=False)
        blocked = [order.id for order, problem in problems.items() if problem]
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", blocked)]

    @api.depends("company_id", "partner_id", "amount_total")
    def _compute_partner_credit_warning(self):
        # The department's customers: the order form shows the very message
        # the confirmation would refuse with (one exposure computation).
        problems = self._cs_credit_problems(cumulative=False)
        managed = self.filtered(lambda o: o in problems)
        res = super(SaleOrder, self - managed)._compute_partner_credit_warning()
        for order in managed:
            order.partner_credit_warning = problems[order]
        return res

    def action_confirm(self):
        # Only the override wizard, once it checked the Manager group, skips
        # the refusal (see CREDIT_OVERRIDE).
        if self.env.context.get("cs_credit_override") is not CREDIT_OVERRIDE:
            problems = [problem for problem in self._cs_credit_problems().values() if problem]
            if problems and self.env.user.share:
                # a customer accepting or paying online (portal, under sudo):
                # the department's assessment of them is not theirs to read
                raise UserError(
                    self.env._(
                        "Your order will be confirmed once our customer service department "
                        "has reviewed it. We will contact you shortly."
                    )
                )
            if problems:
                raise UserError("\n\n".join(problems))
        return super(SaleOrder, self.with_context(cs_credit_override=None)).action_confirm()

    def _cs_credit_problems(self, cumulative=True):
        """``{order: message}`` for the quotations of ``self`` whose customer's
        credit the department manages: why the credit does not allow to
        confirm the order, or ``""`` when it does. ``cumulative``: the orders
        of ``self`` are confirmed together, each adds to the exposure of the
        next one of the same customer."""
        problems = {}
        orders = self.filtered(lambda o: o.state in ("draft", "sent") and o.partner_id)
        for company, company_orders in orders.grouped("company_id").items():
            problems.update(company_orders._cs_credit_company_problems(company, cumulative))
        return problems

    def _cs_credit_company_problems(self, company, cumulative):
        partners = self.partner_id.commercial_partner_id.sudo()._cs_credit_managed(company)
        orders = self.filtered(lambda o: o.partner_id.commercial_partner_id in partners)
        if not orders:
            return {}
        exposure = partners._cs_credit_exposure(company)
        grades = {
            pid: evaluation.grade
            for pid, evaluation in partners._cs_credit_evaluations(company).items()
        }
        confirmed_anomalies = {
            partner.id
            for [partner] in self.env["cs.credit.anomaly"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "in", partners.ids),
                    ("company_id", "=", company.id),
                    ("state", "=", "confirmed"),
                ],
                ["partner_id"],
            )
        }
        currency = company.currency_id
        pending = dict.fromkeys(partners.ids, 0.0)
        problems = dict.fromkeys(orders, "")
        for order in orders:
            partner = order.partner_id.commercial_partner_id.sudo().with_company(company)
            receivable, to_invoice = exposure[partner.id]
            amount = order.amount_total / (order.currency_rate or 1.0)
            if cumulative:
                pending[partner.id] += amount
                amount_before = pending[partner.id] - amount
            else:
                amount_before = 0.0
            total = receivable + to_invoice + amount_before + amount
            limit = partner.credit_limit
            values = {
                "order": order.name,
                "customer": partner.display_name,
                "receivable": format_amount(self.env, receivable, currency),
                "to_invoice": format_amount(self.env, to_invoice + amount_before, currency),
                "amount": format_amount(self.env, amount, currency),
                "exposure": format_amount(self.env, total, currency),
                "limit": format_amount(self.env, limit, currency),
            }
            if grades.get(partner.id) == "C":
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
            elif limit > 0 and float_compare(total, limit, 2) > 0:
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
        self.env["cs.credit.override.wizard"]._check_manager()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Confirm Over the Credit Limit"),
            "res_model": "cs.credit.override.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _cs_confirm_over_credit(self, reason):
        """Confirm the order whatever its customer's credit, logging the
        reason on the order and the customer. Called by the override wizard
        once it checked the Manager group."""
        self.ensure_one()
        order = self.sudo()
        if order.state not in ("draft", "sent"):
            raise UserError(
                self.env._("%(order)s is no longer a quotation.", order=order.display_name)
            )
        if not order.cs_credit_problem:
            # nothing to override: no "over the limit" line in the chatter
            raise UserError(
                self.env._(
                    "%(order)s is within its customer's credit: confirm it with the "
                    "Confirm button.",
                    order=order.display_name,
                )
            )
        body = Markup("%s<br/>%s<br/>%s") % (
            self.env._("Confirmed over the credit limit by %(user)s.", user=self.env.user.name),
            order.cs_credit_problem or "",
            self.env._("Reason: %(reason)s", reason=reason),
        )
        order.message_post(body=body, subtype_xmlid="mail.mt_note")
        order.partner_id.commercial_partner_id.message_post(
            body=Markup("%s: %s") % (order.name, body), subtype_xmlid="mail.mt_note"
        )
        return order.with_context(cs_credit_override=CREDIT_OVERRIDE).action_confirm()

    def _cs_hold_paid_quotation(self):
        """These quotations were paid online but their customer's credit does not
        allow to confirm them: flag them and give their salesperson a to-do,
        once per quotation (the payment's post-processing may run again)."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for order in self.sudo().filtered(lambda o: not o.cs_credit_paid_hold):
            order.cs_credit_paid_hold = True
            user = order.user_id or order.partner_id.commercial_partner_id.cs_specialist_id
            order = order.with_context(lang=user.lang or order.env.lang)
            note = order.env._(
                "The customer paid this quotation online, but their credit does not "
                "allow to confirm it: a customer service manager reviews it and "
                "confirms it over the credit limit, or the payment is refunded."
            )
            order.message_post(
                body=Markup("%s<br/>%s") % (note, order.cs_credit_problem or ""),
                subtype_xmlid="mail.mt_note",
            )
            order.activity_schedule(
                activity_type_id=activity_type.id,
                summary=order.env._("Paid online: credit review"),
                note=note,
                user_id=(user or self.env.ref("base.user_admin")).id,
            )
