# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cs_credit_policy import GRADES


class CsCreditGradeChange(models.Model):
    _name = "cs.credit.grade.change"
    _description = "Credit Grade Change"
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
    old_grade = fields.Selection(GRADES, compute="_compute_old_grade", store=True, readonly=False)
    new_grade = fields.Selection(GRADES, required=True, tracking=True)
    reason = fields.Text(required=True)
    restore_advice = fields.Text(
        string="How to Keep or Restore the Grade",
        help="Told to the customer in the notice sent once the change is approved.",
    )
    anomaly_id = fields.Many2one("cs.credit.anomaly", index=True, check_company=True)
    evaluation_id = fields.Many2one(
        "cs.credit.evaluation",
        string="Resulting Evaluation",
        readonly=True,
        copy=False,
        check_company=True,
    )
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

    @api.depends("partner_id", "company_id")
    def _compute_old_grade(self):
        for rec, evaluation in self.env["res.partner"]._cs_credit_evaluation_of(self):
            rec.old_grade = evaluation.grade

    @api.constrains("old_grade", "new_grade")
    def _check_grades(self):
        for rec in self:
            if rec.old_grade == rec.new_grade:
                raise ValidationError(
                    self.env._(
                        "The new grade of %(customer)s must differ from the old one.",
                        customer=rec.partner_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                vals["name"] = self.env["ir.sequence"].next_by_code(
                    "cs.credit.grade.change"
                ) or self.env._("New")
        return super().create(vals_list)

    def action_cancel(self):
        # A rejected change stays rejected: the next one is a new document.
        to_cancel = self.filtered(lambda r: r.state in ("draft", "to_approve"))
        to_cancel._cs_write_state({"state": "cancel"})
        to_cancel._cs_reset_reviews()
        return True

    def _cs_on_approved(self):
        """Record the new grade as an evaluation and notify the customer."""
        template = self.env.ref("cs_credit_rating.mail_template_grade_change_notice")
        Evaluation = self.env["cs.credit.evaluation"].sudo()
        for rec in self:
            previous = rec.partner_id._cs_credit_evaluations(rec.company_id).get(
                rec.partner_id.id, Evaluation
            )
            rec.evaluation_id = Evaluation.create(
                {
                    "partner_id": rec.partner_id.id,
                    "company_id": rec.company_id.id,
                    "origin": "grade_change",
                    "state": "approved",
                    "grade_change_id": rec.id,
                    "policy_id": previous.policy_id.id,
                    "total_score": previous.total_score,
                    "figures": previous.figures,
                    "details": previous.details,
                    "grade": rec.new_grade,
                }
            )
            if rec.anomaly_id.state in ("open", "confirmed"):
                rec.anomaly_id.sudo().write({"state": "resolved"})
            rec.message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
