# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cs_relationship_plan import ACTION_TYPES


class CsRelationshipPlanLine(models.Model):
    """One action of a service plan (维护方式): a visit, a promotion or a
    listening session with a customer on a date."""

    _name = "cs.relationship.plan.line"
    _description = "Service Plan Action"
    _order = "plan_id, date, sequence, id"

    plan_id = fields.Many2one(
        "cs.relationship.plan", string="Service Plan", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    action_type = fields.Selection(
        [
            ("visit", "Visit"),
            ("promotion", "Promotion"),
            ("listening", "Listening Session"),
        ],
        string="Action",
        required=True,
        default="visit",
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        domain=[("parent_id", "=", False)],
    )
    description = fields.Char(required=True)
    cost = fields.Monetary(string="Budgeted Cost")
    currency_id = fields.Many2one(related="plan_id.currency_id")
    user_id = fields.Many2one(related="plan_id.user_id", string="Salesperson")
    specialist_id = fields.Many2one(related="plan_id.specialist_id")
    state = fields.Selection(related="plan_id.state", string="Plan Status")
    activity_id = fields.Many2one(
        "mail.activity",
        string="Salesperson Activity",
        readonly=True,
        copy=False,
        ondelete="set null",
    )
    followup_id = fields.Many2one(
        "cs.followup", string="Follow-up", readonly=True, copy=False, ondelete="set null"
    )

    @api.depends("plan_id.partner_id")
    def _compute_partner_id(self):
        for line in self:
            if line.plan_id.partner_id:
                line.partner_id = line.plan_id.partner_id

    @api.constrains("cost")
    def _check_cost(self):
        for line in self:
            if line.cost < 0:
                raise ValidationError(
                    self.env._(
                        "The cost of the action %(action)s cannot be negative.",
                        action=line.description,
                    )
                )

    # ------------------------------------------------------------------ CRUD

    def _check_plan_draft(self, plans):
        if self.env.su:
            return
        locked = plans.filtered(lambda p: p.state != "draft")
        if locked:
            raise UserError(
                self.env._(
                    "The actions of the service plan %(plan)s change only while it is a draft.",
                    plan=", ".join(locked.mapped("display_name")),
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        plans = self.env["cs.relationship.plan"].browse(
            {vals["plan_id"] for vals in vals_list if vals.get("plan_id")}
        )
        self._check_plan_draft(plans)
        return super().create(vals_list)

    def write(self, vals):
        self._check_plan_draft(self.plan_id)
        if "plan_id" in vals:
            self._check_plan_draft(self.env["cs.relationship.plan"].browse(vals["plan_id"]))
        return super().write(vals)

    def unlink(self):
        self._check_plan_draft(self.plan_id)
        return super().unlink()

    # ------------------------------------------------------------ business

    def _cs_schedule(self):
        """Turn approved actions into the salesperson's activities (on the plan)
        and the specialist's follow-ups (on the customer), in one create each.
        Summaries are in the language of whoever receives them."""
        lines = self.filtered(lambda line: not line.activity_id and not line.followup_id)
        if not lines:
            return
        model_id = self.env["ir.model"]._get_id("cs.relationship.plan")
        activity_vals = []
        followup_vals = []
        for line in lines:
            plan = line.plan_id
            xmlid, method = ACTION_TYPES[line.action_type]
            activity_type = self.env.ref(xmlid, raise_if_not_found=False) or self.env.ref(
                "mail.mail_activity_data_todo"
            )
            sales_line = line.with_context(lang=plan.user_id.lang or self.env.lang)
            activity_vals.append(
                {
                    "res_model_id": model_id,
                    "res_model": "cs.relationship.plan",
                    "res_id": plan.id,
                    "activity_type_id": activity_type.id,
                    "user_id": plan.user_id.id,
                    "date_deadline": line.date,
                    "summary": sales_line._cs_summary(),
                    "automated": True,
                }
            )
            followup_vals.append(
                {
                    "partner_id": line.partner_id.id,
                    "rule": "plan",
                    "method": method,
                    "planned_date": line.date,
                    "specialist_id": plan.specialist_id.id,
                    "relationship_plan_id": plan.id,
                    "company_id": plan.company_id.id,
                }
            )
        activities = (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(activity_vals)
        )
        followups = self.env["cs.followup"].sudo().create(followup_vals)
        for line, activity, followup in zip(lines, activities, followups, strict=True):
            line.sudo().write({"activity_id": activity.id, "followup_id": followup.id})

    def _cs_summary(self):
        self.ensure_one()
        label = dict(self._fields["action_type"]._description_selection(self.env))[self.action_type]
        return self.env._(
            "%(action)s with %(customer)s: %(description)s",
            action=label,
            customer=self.partner_id.name,
            description=self.description,
        )
