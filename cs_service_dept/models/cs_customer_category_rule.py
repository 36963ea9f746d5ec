# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError


class CsCustomerCategoryRule(models.Model):
    """Classification standard (客户分类标准): a rule placing customers in a
    category from their figures over the last twelve months (sales amount,
    order frequency, margin band) and their region. For each category type the
    first matching rule (by sequence) gives the customer's category of that
    type; categories no rule manages stay as people set them."""

    _name = "cs.customer.category.rule"
    _description = "Customer Classification Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one(
        "cs.customer.category", string="Customer Category", required=True, ondelete="cascade"
    )
    category_type = fields.Selection(related="category_id.category_type", store=True)
    min_sales = fields.Monetary(
        string="Minimum Sales (12 Months)",
        help="Untaxed amount of the confirmed orders of the last twelve months.",
    )
    max_sales = fields.Monetary(string="Maximum Sales (12 Months)", help="0: no maximum.")
    min_orders = fields.Integer(string="Minimum Orders (12 Months)")
    max_orders = fields.Integer(string="Maximum Orders (12 Months)", help="0: no maximum.")
    min_margin = fields.Float(string="Minimum Margin (%)")
    max_margin = fields.Float(string="Maximum Margin (%)", help="0: no maximum.")
    country_ids = fields.Many2many("res.country", string="Countries")
    state_ids = fields.Many2many("res.country.state", string="Provinces/States")
    currency_id = fields.Many2one(
        "res.currency", default=lambda self: self.env.company.currency_id, required=True
    )

    @api.constrains(
        "min_sales", "max_sales", "min_orders", "max_orders", "min_margin", "max_margin"
    )
    def _check_bounds(self):
        for rule in self:
            bounds = [
                (rule.min_sales, rule.max_sales),
                (rule.min_orders, rule.max_orders),
                (rule.min_margin, rule.max_margin),
            ]
            if any(low < 0 or high < 0 for low, high in bounds[:2]) or any(
                high and low > high for low, high in bounds
            ):
                raise ValidationError(
                    self.env._(
                        "The classification rule %(rule)s has a negative bound or a minimum "
                        "above its maximum.",
                        rule=rule.name,
                    )
                )

    # ------------------------------------------------------------ matching

    def _cs_matches(self, figures, partner):
        """Whether ``partner`` with ``figures`` (sales, orders, margin) falls
        under this rule."""
        self.ensure_one()
        sales, orders, margin = figures
        return (
            sales >= self.min_sales
            and (not self.max_sales or sales <= self.max_sales)
            and orders >= self.min_orders
            and (not self.max_orders or orders <= self.max_orders)
            and margin >= self.min_margin
            and (not self.max_margin or margin <= self.max_margin)
            and (not self.country_ids or partner.country_id in self.country_ids)
            and (not self.state_ids or partner.state_id in self.state_ids)
        )

    @api.model
    def _cs_figures(self, partners, today):
        """{partner id: (sales, orders, margin %)} over the twelve months before
        ``today``, in the company's currency: one grouped read of the confirmed
        orders of the batch by customer and currency, converted at today's rates
        (read once for all the currencies)."""
        start = today - relativedelta(years=1)
        groups = (
            self.env["sale.order"]
            .sudo()
            ._read_group(
                [
                    ("partner_id", "child_of", partners.ids),
                    ("state", "=", "sale"),
                    ("date_order", ">=", fields.Datetime.to_datetime(start)),
                ],
                ["partner_id", "currency_id"],
                ["amount_untaxed:sum", "margin:sum", "__count"],
            )
        )
        company = self.env.company
        currencies = self.env["res.currency"].union(*(currency for _p, currency, *_r in groups))
        rates = (currencies | company.currency_id)._get_rates(company, today)
        totals = defaultdict(lambda: [0.0, 0, 0.0])
        for partner, currency, amount, margin, count in groups:
            factor = rates[company.currency_id.id] / (rates.get(currency.id) or 1.0)
            total = totals[partner.commercial_partner_id.id]
            total[0] += amount * factor
            total[1] += count
            total[2] += margin * factor
        return {
            pid: (
                company.currency_id.round(amount),
                count,
                amount and round(100.0 * margin / amount, 2),
            )
            for pid, (amount, count, margin) in totals.items()
        }

    @api.model
    def _cs_classify(self, partners):
        """Compute the figures of ``partners`` and place them in their
        categories: a fixed number of queries whatever the batch size (one
        grouped read, writes grouped by identical values, one batch of chatter
        lines for the changes)."""
        partners = partners.sudo()
        today = self.env["cs.followup"]._cs_today()
        figures = self._cs_figures(partners, today)
        rules = self.sudo().search([])
        managed = rules.category_id
        by_type = rules.grouped("category_type")
        new_categories = defaultdict(lambda: partners.browse())
        changes = {}
        figure_groups = defaultdict(lambda: partners.browse())
        for partner in partners:
            values = figures.get(partner.id, (0.0, 0, 0.0))
            figure_groups[values] |= partner
            kept = partner.cs_category_ids - managed
            matched = self.env["cs.customer.category"]
            for type_rules in by_type.values():
                rule = next((r for r in type_rules if r._cs_matches(values, partner)), None)
                if rule:
                    matched |= rule.category_id
            categories = kept | matched
            if categories != partner.cs_category_ids:
                new_categories[categories] |= partner
                changes[partner.id] = (partner.cs_category_ids, categories)
        writer = partners.with_context(tracking_disable=True)
        prefetch = partners._prefetch_ids
        for (sales, orders, margin), group in figure_groups.items():
            writer.browse(group.ids).with_prefetch(prefetch).write(
                {
                    "cs_sales_12m": sales,
                    "cs_orders_12m": orders,
                    "cs_margin_12m": margin,
                    "cs_classified_date": today,
                }
            )
        for categories, group in new_categories.items():
            writer.browse(group.ids).with_prefetch(prefetch).write(
                {"cs_category_ids": [fields.Command.set(categories.ids)]}
            )
        if changes:
            lang = self.env.company.partner_id.lang or self.env.lang
            text = self.with_context(lang=lang).env._(
                "Customer category changed by the classification standard"
            )

            def names(categories):
                return ", ".join(categories.with_context(lang=lang).mapped("name")) or "-"

            bodies = {
                pid: Markup("<p>%s: %s → %s</p>") % (text, names(old), names(new))
                for pid, (old, new) in changes.items()
            }
            partners.browse(list(changes))._message_log_batch(bodies)
        return partners.browse(list(changes))

    @api.model
    def _cs_customer_domain(self):
        return [
            ("active", "=", True),
            ("parent_id", "=", False),
            "|",
            ("customer_rank", ">", 0),
            ("cs_specialist_id", "!=", False),
        ]

    # ------------------------------------------------------------- actions

    def action_apply(self):
        """Apply the classification standard to every customer now (managers)."""
        if not self.env.user.has_group("cs_service_dept.group_cs_manager"):
            raise AccessError(self.env._("Only the manager applies the classification standard."))
        partners = self.env["res.partner"].sudo().search(self._cs_customer_domain())
        changed = self._cs_classify(partners)
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s customers classified, %(changed)s changed category.",
                    count=len(partners),
                    changed=len(changed),
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    # --------------------------------------------------------------- crons

    @api.model
    def _cron_classify_customers(self, batch_size=None):
        """Daily: classify the customers not yet classified today, one batch per
        call (Odoo calls again while some remain; a restart resumes).

        :return: the number of customers still to classify
        """
        Partner = self.env["res.partner"].sudo()
        batch_size = batch_size or Partner._cs_get_param("cron_batch_size", 2000)
        today = self.env["cs.followup"]._cs_today()
        domain = [
            *self._cs_customer_domain(),
            "|",
            ("cs_classified_date", "=", False),
            ("cs_classified_date", "<", today),
        ]
        partners = Partner.search(domain, order="id", limit=batch_size)
        if partners:
            self._cs_classify(partners)
        remaining = Partner.search_count(domain) if len(partners) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(partners), remaining=remaining)
        return remaining
