# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CsRelationshipPlanEvaluation(models.Model):
    """The salesperson's periodic evaluation of a service plan (评估): what was
    done, how the relationship developed, what to improve."""

    _name = "cs.relationship.plan.evaluation"
    _description = "Service Plan Evaluation"
    _order = "date desc, id desc"
    _rec_name = "plan_id"

    plan_id = fields.Many2one(
        "cs.relationship.plan", string="Service Plan", required=True, ondelete="cascade", index=True
    )
    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True)
    user_id = fields.Many2one(
        "res.users", string="Evaluated By", default=lambda self: self.env.user, readonly=True
    )
    work_done = fields.Text(string="What Was Done", required=True)
    development = fields.Selection(
        [("better", "Improved"), ("stable", "Stable"), ("worse", "Worsened")],
        string="Relationship Development",
        required=True,
        default="stable",
    )
    development_note = fields.Text(string="Development Notes")
    suggestions = fields.Text(string="Improvement Suggestions")

    @api.model_create_multi
    def create(self, vals_list):
        """Only the plan's salesperson evaluates it, once it is approved; the
        date and author are theirs, whatever a client sends."""
        plans = self.env["cs.relationship.plan"].browse(
            {vals["plan_id"] for vals in vals_list if vals.get("plan_id")}
        )
        if not self.env.su:
            plans.check_access("read")
            for plan in plans:
                if plan.user_id != self.env.user:
                    raise AccessError(
                        self.env._(
                            "Only the salesperson responsible for %(plan)s evaluates it.",
                            plan=plan.display_name,
                        )
                    )
        for plan in plans:
            if plan.state != "approved":
                raise UserError(
                    self.env._(
                        "The service plan %(plan)s is evaluated once approved and until it "
                        "is closed.",
                        plan=plan.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        for vals in vals_list:
            vals.update({"user_id": self.env.uid, "date": today})
        evaluations = super().create(vals_list)
        for evaluation in evaluations:
            label = dict(self._fields["development"]._description_selection(self.env))[
                evaluation.development
            ]
            evaluation.plan_id.message_post(
                body=self.env._(
                    "%(user)s evaluated the plan: relationship %(development)s.",
                    user=self.env.user.name,
                    development=label,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return evaluations
