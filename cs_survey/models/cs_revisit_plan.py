# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import Counter

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cs_revisit import METHODS
from .survey_survey import GROUP_MANAGER

CYCLE_MONTHS = {"monthly": 1, "quarterly": 3}


class CsRevisitPlan(models.Model):
    """A revisit or survey campaign (回访或调研方案) for a customer segment,
    repeated every cycle."""

    _name = "cs.revisit.plan"
    _description = "Revisit Plan"
    _inherit = ["mail.thread"]
    _order = "next_date, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    method = fields.Selection(METHODS, required=True, default="survey", tracking=True)
    survey_id = fields.Many2one(
        "survey.survey",
        domain=[("survey_type", "=", "cs_satisfaction")],
        default=lambda self: self.env["survey.survey"]._cs_get_template("relationship"),
    )
    cycle = fields.Selection([("monthly", "Monthly"), ("quarterly", "Quarterly")], tracking=True)
    window_days = fields.Integer(
        string="Window (Days)",
        default=14,
        help="The revisits of a cycle are due this many days after it starts.",
    )
    next_date = fields.Date(
        string="Next Cycle",
        required=True,
        default=fields.Date.context_today,
        tracking=True,
    )
    category_ids = fields.Many2many("cs.customer.category", string="Customer Categories")
    region = fields.Char(help="Customers whose region (province or country) contains this.")
    product_ids = fields.Many2many(
        "product.product", string="Products Bought", help="Customers who bought any of these."
    )
    revisit_ids = fields.One2many("cs.revisit", "plan_id", string="Revisits")
    revisit_count = fields.Integer(compute="_compute_revisit_count")

    def _compute_revisit_count(self):
        counts = dict(
            self.env["cs.revisit"]._read_group(
                [("plan_id", "in", self.ids)], ["plan_id"], ["__count"]
            )
        )
        for plan in self:
            plan.revisit_count = counts.get(plan, 0)

    @api.constrains("cycle", "category_ids", "region", "product_ids", "window_days", "method")
    def _check_plan(self):
        for plan in self:
            if not plan.cycle:
                raise ValidationError(
                    self.env._("Choose the cycle of the plan %(plan)s.", plan=plan.name)
                )
            if not (plan.category_ids or plan.region or plan.product_ids):
                raise ValidationError(
                    self.env._(
                        "The plan %(plan)s needs a customer segment: categories, a region "
                        "or products bought.",
                        plan=plan.name,
                    )
                )
            if plan.window_days < 0:
                raise ValidationError(
                    self.env._("The window of %(plan)s cannot be negative.", plan=plan.name)
                )
            if plan.method == "survey" and not plan.survey_id:
                raise ValidationError(
                    self.env._("Choose the survey the plan %(plan)s sends.", plan=plan.name)
                )

    def _segment_domain(self):
        self.ensure_one()
        domain = [
            ("parent_id", "=", False),
            ("customer_rank", ">", 0),
            ("company_id", "in", [False, self.company_id.id]),
        ]
        if self.category_ids:
            domain.append(("cs_category_ids", "in", self.category_ids.ids))
        if self.region:
            domain.append(("cs_region", "ilike", self.region))
        if self.product_ids:
            buyers = (
                self.env["sale.order.line"]
                .sudo()
                ._read_group(
                    [
                        ("product_id", "in", self.product_ids.ids),
                        ("order_id.state", "=", "sale"),
                    ],
                    ["order_partner_id"],
                )
            )
            domain.append(("id", "in", [partner.commercial_partner_id.id for [partner] in buyers]))
        return domain

    def action_run(self):
        """Start the current cycle now."""
        if not self.env.user.has_group(GROUP_MANAGER):
            raise UserError(self.env._("Only a customer service manager can run a plan."))
        for plan in self:
            if not self.env["res.partner"].sudo().search_count(plan._segment_domain(), limit=1):
                raise UserError(
                    self.env._("No customer is in the segment of %(plan)s.", plan=plan.name)
                )
        self.sudo()._run_cycle()

    def action_view_revisits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("cs_survey.cs_revisit_action")
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {}
        return action

    def _run_cycle(self):
        """Create this cycle's revisits (and invitations) for the customers of the
        segment, each revisit to the customer's specialist, the customers without
        one spread over the plan's specialists; then move to the next cycle.
        Idempotent for a cycle: a customer is revisited once per plan and cycle."""
        Revisit = self.env["cs.revisit"]
        Partner = self.env["res.partner"].sudo()
        for plan in self:
            cycle_start = plan.next_date
            customers = Partner.search(plan._segment_domain())
            existing = set(
                Revisit.search(
                    [("plan_id", "=", plan.id), ("service_date", "=", cycle_start)]
                ).partner_id.ids
            )
            customers = customers.filtered(lambda p, done=existing: p.id not in done)
            specialists = customers.cs_specialist_id
            load = Counter(customers.cs_specialist_id.ids)
            vals_list = []
            for customer in customers:
                specialist = customer.cs_specialist_id
                if not specialist and specialists:
                    specialist = min(specialists, key=lambda u: (load[u.id], u.id))
                    load[specialist.id] += 1
                vals_list.append(
                    {
                        "partner_id": customer.id,
                        "company_id": plan.company_id.id,
                        "source": "plan",
                        "plan_id": plan.id,
                        "res_model": plan._name,
                        "res_id": plan.id,
                        "method": plan.method,
                        "specialist_id": specialist.id,
                        "service_date": cycle_start,
                        "due_date": cycle_start + relativedelta(days=plan.window_days),
                        "required": False,
                    }
                )
            revisits = Revisit.create(vals_list)
            if plan.method == "survey":
                revisits._cs_send_invitations(respect_quiet_days=False)
            revisits._cs_schedule_activities()
            plan.next_date = cycle_start + relativedelta(months=CYCLE_MONTHS[plan.cycle])
            # the department's language, whoever (or whichever cron) runs the cycle
            localized = plan.with_context(lang=plan.company_id.partner_id.lang or self.env.lang)
            localized.message_post(
                body=localized.env._(
                    "Cycle of %(date)s: %(count)s revisits planned.",
                    date=cycle_start,
                    count=len(revisits),
                ),
                subtype_xmlid="mail.mt_note",
            )

    @api.model
    def _cron_run_plans(self, batch=20):
        """Run the plans whose next cycle has come, a batch per call."""
        today = self.env["cs.followup"]._cs_today()
        domain = [("next_date", "<=", today), ("cycle", "!=", False)]
        plans = self.search(domain, limit=batch)
        plans._run_cycle()
        remaining = self.search_count(domain)
        self.env["ir.cron"]._notify_progress(done=len(plans), remaining=remaining)
