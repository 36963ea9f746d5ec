# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cs_credit_policy import GRADES


class CsCreditLimitRequest(models.Model):
    _name = "cs.credit.limit.request"
    _description = "Credit Limit Request"
    _inherit = ["cs.approval.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        required=True, copy=False, readonly=True, default=lambda self: self.env._("New")
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("parent_id", "=", False)],
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    grade = fields.Selection(
        GRADES, compute="_compute_grade", store=True, readonly=False, tracking=True
    )
    current_limit = fields.Float(compute="_compute_current_limit")
    amount = fields.Monetary(
        string="Credit Limit",
        compute="_compute_amount",
        store=True,
        readonly=False,
        tracking=True,
    )
    payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Payment Terms",
        check_company=True,
        compute="_compute_amount",
        store=True,
        readonly=False,
    )
    reason = fields.Text(required=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "To Approve"),
            ("approved", "Approved"),
            ("rejected", "Rejected"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    approved_date = fields.Date(readonly=True, copy=False)

    @api.depends("partner_id", "company_id")
    def _compute_grade(self):
        for rec, evaluation in self.env["res.partner"]._cs_credit_evaluation_of(self):
            rec.grade = evaluation.grade

    def _compute_current_limit(self):
        for rec in self:
            rec.current_limit = rec.partner_id.sudo().with_company(rec.company_id).credit_limit

    @api.depends("grade", "company_id")
    def _compute_amount(self):
        # the band of the grade in the active policy of each company
        Band = self.env["cs.credit.policy.band"]
        for company, requests in self.grouped("company_id").items():
            policy = self.env["cs.credit.policy"]._get_active(company)
            bands = {band.grade: band for band in policy.band_ids}
            for rec in requests:
                band = bands.get(rec.grade, Band)
                rec.amount = band.credit_limit
                rec.payment_term_id = band.payment_term_id

    @api.constrains("amount")
    def _check_amount(self):
        for rec in self:
            if rec.amount < 0:
                raise ValidationError(
                    self.env._(
                        "The credit limit of %(customer)s cannot be negative (%(amount)s).",
                        customer=rec.partner_id.display_name,
                        amount=rec.amount,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "cs.credit.limit.request"
                ) or self.env._("New")
        return super().create(vals_list)

    def action_cancel(self):
        to_cancel = self.filtered(lambda r: r.state in ("draft", "to_approve", "rejected"))
        to_cancel._cs_write_state({"state": "cancel"})
        to_cancel._cs_reset_reviews()
        return True

    def action_draft(self):
        self.filtered(lambda r: r.state in ("cancel", "rejected"))._cs_write_state(
            {"state": "draft"}
        )
        return True

    def _cs_on_approved(self):
        """Set Odoo's own credit limit and send the written notice."""
        template = self.env.ref("cs_credit_rating.mail_template_credit_limit_notice")
        for rec in self:
            # The customer's own limit only: Odoo's company-wide credit limit
            # setting is the accountant's, and stays as it is.
            company = rec.company_id
            vals = {"credit_limit": rec.amount}
            if rec.payment_term_id:
                vals["property_payment_term_id"] = rec.payment_term_id.id
            rec.partner_id.sudo().with_company(company).write(vals)
            rec.write({"approved_date": fields.Date.context_today(rec)})
            rec.partner_id.sudo().message_post(
                body=self.env._(
                    "Credit limit set to %(amount)s %(currency)s by request %(name)s.",
                    amount=rec.amount,
                    currency=rec.currency_id.name,
                    name=rec.name,
                )
            )
            rec.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
