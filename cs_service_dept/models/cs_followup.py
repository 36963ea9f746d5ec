# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

METHOD_ACTIVITY_TYPE = {
    "phone": "mail.mail_activity_data_call",
    "email": "mail.mail_activity_data_email",
}


class CsFollowup(models.Model):
    """A contact customer service plans with a customer (客户跟进)."""

    _name = "cs.followup"
    _description = "Customer Follow-up"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain=[("parent_id", "=", False)],
    )
    rule = fields.Selection(
        [
            ("idle_week", "No Order for a Week"),
            ("idle_month", "No Order for a Month"),
            ("takeover", "Taken Over from Sales"),
            ("manual", "Manual"),
        ],
        required=True,
        default="manual",
        readonly=True,
        help="Why this follow-up was planned.",
    )
    method = fields.Selection(
        [
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("visit", "Visit"),
            ("letter", "Letter"),
            ("chat", "Chat"),
        ],
        required=True,
        default="phone",
        tracking=True,
    )
    planned_date = fields.Date(
        required=True, default=fields.Date.context_today, tracking=True, index=True
    )
    done_date = fields.Date(readonly=True, copy=False)
    specialist_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    outcome = fields.Html(string="Outcome Notes")
    activity_id = fields.Many2one(
        "mail.activity",
        string="Customer Activity",
        readonly=True,
        copy=False,
        ondelete="set null",
        help="The activity on the customer that reminds the specialist.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    planned_count = fields.Integer(string="Planned Contacts", compute="_compute_counts", store=True)
    done_count = fields.Integer(string="Done Contacts", compute="_compute_counts", store=True)

    @api.depends("state")
    def _compute_counts(self):
        for followup in self:
            followup.planned_count = int(followup.state != "cancelled")
            followup.done_count = int(followup.state == "done")

    @api.model_create_multi
    def create(self, vals_list):
        """Each planned follow-up is also an activity on the customer, created in
        one batch so the cron's cost does not grow with the follow-ups."""
        model_id = self.env["ir.model"]._get_id("res.partner")
        todo = [
            vals
            for vals in vals_list
            if vals.get("specialist_id")
            and not vals.get("activity_id")
            and vals.get("state", "planned") == "planned"
        ]
        if todo:
            types = {
                method: self.env.ref(xmlid, raise_if_not_found=False)
                for method, xmlid in METHOD_ACTIVITY_TYPE.items()
            }
            todo_type = self.env.ref("mail.mail_activity_data_todo")
            methods = dict(self._fields["method"]._description_selection(self.env))
            rules = dict(self._fields["rule"]._description_selection(self.env))
            activities = (
                self.env["mail.activity"]
                .sudo()
                .with_context(mail_activity_quick_update=True)
                .create(
                    [
                        {
                            "res_model_id": model_id,
                            "res_id": vals["partner_id"],
                            "activity_type_id": (
                                types.get(vals.get("method", "phone")) or todo_type
                            ).id,
                            "user_id": vals["specialist_id"],
                            "date_deadline": vals.get("planned_date")
                            or fields.Date.context_today(self),
                            "summary": self.env._(
                                "Follow-up (%(method)s): %(rule)s",
                                method=methods[vals.get("method", "phone")],
                                rule=rules[vals.get("rule", "manual")],
                            ),
                        }
                        for vals in todo
                    ]
                )
            )
            for vals, activity in zip(todo, activities, strict=True):
                vals["activity_id"] = activity.id
        return super().create(vals_list)

    def _check_planned(self):
        not_planned = self.filtered(lambda f: f.state != "planned")
        if not_planned:
            raise UserError(
                self.env._(
                    "Only planned follow-ups can be done or cancelled: %(names)s.",
                    names=", ".join(not_planned.mapped("display_name")),
                )
            )

    def action_done(self):
        self._check_planned()
        today = fields.Date.context_today(self)
        self.write({"state": "done", "done_date": today})
        for followup in self:
            if followup.activity_id:
                followup.activity_id.sudo().action_feedback(
                    feedback=followup.outcome or self.env._("Follow-up done.")
                )
        customers = self.partner_id.sudo().filtered(
            lambda p: not p.cs_last_contact_date or p.cs_last_contact_date < today
        )
        customers.write({"cs_last_contact_date": today})
        return True

    def action_cancel(self):
        self._check_planned()
        self.write({"state": "cancelled"})
        self.activity_id.sudo().unlink()
        return True

    def _cs_cancel_reordered(self):
        """The customer ordered again: cancel what the dormancy rules planned."""
        self.write({"state": "cancelled"})
        self.activity_id.sudo().unlink()
        body = Markup("<p>%s</p>") % self.env._("Cancelled: the customer has ordered again.")
        self._message_log_batch({followup.id: body for followup in self})
