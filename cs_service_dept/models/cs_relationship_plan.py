# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Action of a plan line → (activity type of the salesperson, follow-up method of
# the specialist who supports it).
ACTION_TYPES = {
    "visit": ("cs_service_dept.mail_activity_type_plan_visit", "visit"),
    "promotion": ("cs_service_dept.mail_activity_type_plan_promotion", "visit"),
    "listening": ("cs_service_dept.mail_activity_type_plan_listening", "phone"),
}


class CsRelationshipPlan(models.Model):
    """Customer service plan (客户服务方案/计划): how the department and the
    salesperson keep up the relationship with a customer, or with a category of
    customers. Drafted by the specialist with the salesperson, reviewed by the
    Manager and approved by the General Manager (two tiers of
    cs.approval.mixin); once approved its actions become the salesperson's
    activities and the specialist's follow-ups; the salesperson evaluates it."""

    _name = "cs.relationship.plan"
    _description = "Customer Service Plan"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _cs_rejected_state = "draft"
    # The salesperson, who only reads the plan, comments on it and does its
    # activities.
    _mail_post_access = "read"

    name = fields.Char(string="Number", default="/", readonly=True, copy=False)
    title = fields.Char(required=True, tracking=True)
    scope = fields.Selection(
        [("customer", "One Customer"), ("category", "Customer Category")],
        required=True,
        default="customer",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        index="btree_not_null",
        tracking=True,
        check_company=True,
        domain=[("parent_id", "=", False)],
    )
    category_id = fields.Many2one(
        "cs.customer.category", string="Customer Category", tracking=True, index="btree_not_null"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        tracking=True,
        index="btree_not_null",
        domain=[("share", "=", False)],
        help="The salesperson who carries the plan's actions out (visits, promotions, "
        "listening sessions) and records its evaluations.",
    )
    specialist_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        tracking=True,
        index="btree_not_null",
        domain=[("share", "=", False)],
        help="The specialist who drafts the plan and supports its actions with follow-ups.",
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(string="End", tracking=True)
    budget = fields.Monetary(string="Budgeted Cost", tracking=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    approach = fields.Html(
        string="Maintenance Approach",
        help="How the relationship is kept up: visits, promotions, listening sessions.",
    )
    line_ids = fields.One2many("cs.relationship.plan.line", "plan_id", string="Actions", copy=True)
    evaluation_ids = fields.One2many(
        "cs.relationship.plan.evaluation", "plan_id", string="Evaluations"
    )
    followup_ids = fields.One2many("cs.followup", "relationship_plan_id", string="Follow-ups")
    followup_count = fields.Integer(compute="_compute_followup_count")
    salesperson_confirmed_date = fields.Datetime(
        string="Confirmed by the Salesperson", readonly=True, copy=False, tracking=True
    )
    is_salesperson = fields.Boolean(compute="_compute_is_salesperson")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("closed", "Closed"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    def _compute_followup_count(self):
        groups = self.env["cs.followup"]._read_group(
            [("relationship_plan_id", "in", self.ids)], ["relationship_plan_id"], ["__count"]
        )
        counts = {plan.id: count for plan, count in groups}
        for plan in self:
            plan.followup_count = counts.get(plan.id, 0)

    @api.depends_context("uid")
    @api.depends("user_id")
    def _compute_is_salesperson(self):
        for plan in self:
            plan.is_salesperson = plan.user_id == self.env.user

    @api.depends("name", "title")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = (
                f"{plan.name} {plan.title}" if plan.name and plan.name != "/" else plan.title
            )

    @api.constrains("budget")
    def _check_budget(self):
        for plan in self:
            if plan.budget < 0:
                raise ValidationError(
                    self.env._(
                        "The budgeted cost of the service plan %(plan)s cannot be negative.",
                        plan=plan.display_name,
                    )
                )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for plan in self:
            if plan.date_end and plan.date_end < plan.date_start:
                raise ValidationError(
                    self.env._(
                        "The service plan %(plan)s ends before it starts.",
                        plan=plan.display_name,
                    )
                )

    @api.onchange("scope")
    def _onchange_scope(self):
        if self.scope == "customer":
            self.category_id = False
        else:
            self.partner_id = False

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        if self.partner_id.user_id and not self.user_id:
            self.user_id = self.partner_id.user_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("cs.relationship.plan") or "/"
        return super().create(vals_list)

    def _cs_protected_fields(self):
        return super()._cs_protected_fields() | {"salesperson_confirmed_date"}

    # ------------------------------------------------------------- actions

    def action_submit(self):
        return self.action_cs_submit()

    def _cs_check_submit(self):
        """A plan goes to approval complete: whom it is for, who carries it out,
        what is done and when."""
        for plan in self:
            if not plan.user_id or not plan.specialist_id:
                raise UserError(
                    self.env._(
                        "The service plan %(plan)s needs a responsible salesperson and a "
                        "specialist before it is submitted.",
                        plan=plan.display_name,
                    )
                )
            if plan.scope == "customer" and not plan.partner_id:
                raise UserError(
                    self.env._(
                        "The service plan %(plan)s is for one customer: choose the customer.",
                        plan=plan.display_name,
                    )
                )
            if plan.scope == "category" and not plan.category_id:
                raise UserError(
                    self.env._(
                        "The service plan %(plan)s is for a customer category: choose the "
                        "category.",
                        plan=plan.display_name,
                    )
                )
            if not plan.line_ids:
                raise UserError(
                    self.env._(
                        "The service plan %(plan)s has no action: plan at least one visit, "
                        "promotion or listening session.",
                        plan=plan.display_name,
                    )
                )
            outside = plan.line_ids.partner_id.filtered(
                lambda p, plan=plan: (
                    plan.scope == "category" and plan.category_id not in p.cs_category_ids
                )
            )
            if outside:
                raise UserError(
                    self.env._(
                        "%(customers)s: not in the customer category %(category)s of the "
                        "service plan %(plan)s.",
                        customers=", ".join(outside.mapped("display_name")),
                        category=plan.category_id.name,
                        plan=plan.display_name,
                    )
                )
            without = plan.line_ids.filtered(lambda line: not line.partner_id)
            if without:
                raise UserError(
                    self.env._(
                        "Each action of the service plan %(plan)s names the customer it is with.",
                        plan=plan.display_name,
                    )
                )

    def action_salesperson_confirm(self):
        """The salesperson confirms the plan drafted with them (计划: planned with
        the salesperson). Only the plan's own salesperson, on a draft."""
        for plan in self:
            plan.check_access("read")
            if plan.user_id != self.env.user:
                raise AccessError(
                    self.env._(
                        "Only the salesperson responsible for %(plan)s confirms it.",
                        plan=plan.display_name,
                    )
                )
        self._cs_check_state(["draft"])
        # sudo: the salesperson only reads plans; this one field is theirs to set.
        self.sudo().write({"salesperson_confirmed_date": fields.Datetime.now()})
        for plan in self:
            plan.message_post(
                body=self.env._(
                    "%(user)s confirmed the plan.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_close(self):
        """Close an approved plan and file it into the customer's archive (when
        cs_archive is installed), else attach its PDF to the plan."""
        self._cs_check_state(["approved"])
        self._cs_write_state({"state": "closed"})
        self._cs_archive_closed()
        return True

    def action_cancel(self):
        self._cs_check_state(["draft", "to_approve"])
        self._cs_write_state({"state": "cancel"})
        self._cs_reset_reviews()
        return True

    def action_draft(self):
        self._cs_check_state(["cancel"])
        self._cs_write_state({"state": "draft", "salesperson_confirmed_date": False})
        return True

    def action_evaluate(self):
        """Open a new evaluation of the plan (its salesperson, once approved)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Evaluation"),
            "res_model": "cs.relationship.plan.evaluation",
            "view_mode": "form",
            "target": "new",
            "context": {"default_plan_id": self.id},
        }

    def action_view_followups(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("cs_service_dept.cs_followup_action")
        action["domain"] = [("relationship_plan_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # -------------------------------------------------------------- hooks

    def _cs_on_rejected(self):
        for plan in self:
            plan.message_post(
                body=self.env._("The plan was rejected and is back to draft."),
                subtype_xmlid="mail.mt_note",
            )

    def _cs_on_approved(self):
        """The approved plan's actions become activities of the salesperson who
        carries them out and follow-ups of the specialist who supports them
        (runs as superuser, inside the approval path)."""
        self.line_ids._cs_schedule()
        for plan in self:
            plan.message_post(
                body=self.env._(
                    "Approved: %(count)s actions planned for %(salesperson)s, supported "
                    "by %(specialist)s.",
                    count=len(plan.line_ids),
                    salesperson=plan.user_id.name,
                    specialist=plan.specialist_id.name,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _cs_archive_partner(self):
        """Whose archive a closed plan is filed into (cs_archive): its
        customer's, or the company's own for a plan of a customer category."""
        self.ensure_one()
        return self.partner_id.commercial_partner_id or self.company_id.partner_id

    def _cs_archive_closed(self):
        """File closed plans: into the customer's archive when cs_archive is
        installed (a plan for a customer category into the company's own; the
        archive refers to the plan by res_model/res_id), else the plan's PDF is
        attached to the plan."""
        with_archive = "cs.archive" in self.env
        to_file = self if with_archive else self.browse()
        if to_file:
            self.env["cs.archive"].action_file_records(self._name, to_file.ids)
        report = self.env.ref("cs_service_dept.action_report_cs_relationship_plan")
        for plan in self - to_file:
            content, __ = self.env["ir.actions.report"].sudo()._render_qweb_pdf(report, plan.ids)
            plan.message_post(
                body=Markup("<p>%s</p>") % self.env._("Closed and filed."),
                attachments=[(f"{plan.display_name}.pdf", content)],
                subtype_xmlid="mail.mt_note",
            )
