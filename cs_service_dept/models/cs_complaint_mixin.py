# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

# Fields the Manager's approval covers: locked while the approval is pending.
SOLUTION_FIELDS = ("cs_solution", "cs_solution_deadline")

# The complaint flow (客户投诉管理流程): step → the states it starts from.
STEP_FROM = {
    "assess": ("registered",),
    "forward": ("assessed",),
    "findings": ("forwarded",),
    "responsibility": ("forwarded",),
    "propose": ("responsibility", "solution_proposed"),
    "implement": ("approved",),
    "confirm": ("implemented",),
    "close": ("confirmed",),
}


class CsComplaintMixin(models.AbstractModel):
    """The complaint flow of helpdesk tickets (客户投诉管理流程), in ten steps.

    registered → assessed (or explained: not reasonable, closed) → forwarded to
    the responsible department (whose contact gets an activity due at the
    investigation deadline and records the findings) → responsibility set →
    solution proposed → approved by the Manager (cs.approval.mixin) →
    implemented → confirmed by the customer → closed.

    One guard per step (``_cs_step_error``) feeds both the buttons (the
    ``cs_can_<step>`` computes the form uses) and the actions. The model using
    it is a ``helpdesk.ticket`` (``cs_request_type``, ``_cs_check_identity``,
    ``_cs_close_stage``).
    """

    _name = "cs.complaint.mixin"
    _description = "Complaint Flow"
    _inherit = ["cs.approval.mixin"]

    # cs.approval.mixin: the Manager approves the proposed solution.
    _state_field = "cs_complaint_state"
    _state_from = ["solution_proposed"]
    _state_to = ["approved"]
    _cs_rejected_state = False
    _cs_create_states = ("registered",)

    cs_complaint_state = fields.Selection(
        selection=[
            ("registered", "Registered"),
            ("assessed", "Assessed"),
            ("explained", "Explained"),
            ("forwarded", "Forwarded"),
            ("responsibility", "Responsibility Set"),
            ("solution_proposed", "Solution Proposed"),
            ("approved", "Approved"),
            ("implemented", "Implemented"),
            ("confirmed", "Confirmed"),
            ("closed", "Closed"),
        ],
        string="Complaint Step",
        copy=False,
        tracking=True,
        index=True,
    )
    cs_explanation = fields.Html(
        string="Explanation",
        help="Sent to the customer when the complaint is not reasonable.",
    )
    cs_department_id = fields.Many2one(
        comodel_name="cs.complaint.department",
        string="Responsible Department",
        tracking=True,
    )
    cs_forward_date = fields.Datetime(string="Forwarded On", copy=False, readonly=True)
    cs_investigation_deadline = fields.Datetime(
        string="Investigation Deadline",
        copy=False,
        readonly=True,
        help="One working day after forwarding, on the company's working calendar.",
    )
    cs_investigation_findings = fields.Html(
        string="Findings",
        copy=False,
        readonly=True,
        help="What the responsible department found, recorded by its contact person.",
    )
    cs_investigation_done_date = fields.Datetime(
        string="Investigation Done On", copy=False, readonly=True
    )
    cs_investigation_overdue = fields.Boolean(
        string="Investigation Overdue", copy=False, readonly=True, tracking=True
    )
    cs_responsible_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible Person",
        tracking=True,
        domain="[('share', '=', False)]",
    )
    cs_cause_id = fields.Many2one(comodel_name="cs.complaint.cause", string="Cause", tracking=True)
    cs_solution = fields.Html(string="Solution")
    cs_solution_deadline = fields.Datetime(string="Promised Deadline", copy=False, tracking=True)
    cs_implemented_date = fields.Datetime(string="Implemented On", copy=False, readonly=True)
    cs_implementation_result = fields.Html(string="Result")
    cs_customer_satisfied = fields.Boolean(string="Customer Satisfied", copy=False, readonly=True)
    cs_complaint_summary = fields.Text(
        string="Summary and Lesson Learned",
        help="Required to close the complaint.",
    )
    cs_can_assess = fields.Boolean(string="Can Assess", compute="_compute_cs_can_step")
    cs_can_forward = fields.Boolean(string="Can Forward", compute="_compute_cs_can_step")
    cs_can_findings = fields.Boolean(string="Can Record Findings", compute="_compute_cs_can_step")
    cs_can_responsibility = fields.Boolean(
        string="Can Set Responsibility", compute="_compute_cs_can_step"
    )
    cs_can_propose = fields.Boolean(string="Can Propose", compute="_compute_cs_can_step")
    cs_can_implement = fields.Boolean(string="Can Implement", compute="_compute_cs_can_step")
    cs_can_confirm = fields.Boolean(string="Can Confirm", compute="_compute_cs_can_step")
    cs_can_close = fields.Boolean(string="Can Close", compute="_compute_cs_can_step")

    @api.depends_context("uid")
    @api.depends("cs_request_type", "cs_complaint_state", "cs_department_id.user_id")
    def _compute_cs_can_step(self):
        for ticket in self:
            for step in STEP_FROM:
                ticket[f"cs_can_{step}"] = not ticket._cs_step_error(step)

    @api.constrains("cs_solution_deadline")
    def _check_cs_solution_deadline(self):
        now = fields.Datetime.now()
        for ticket in self:
            if ticket.cs_solution_deadline and ticket.cs_solution_deadline < now:
                raise ValidationError(
                    self.env._(
                        "The promised deadline of %(ticket)s is in the past.",
                        ticket=ticket.display_name,
                    )
                )

    # ------------------------------------------------------------------ CRUD

    def write(self, vals):
        res = super().write(vals)
        if vals.get("cs_request_type") == "complaint":
            # A request re-typed as a complaint enters the flow at its start.
            self.filtered(lambda t: not t.cs_complaint_state)._cs_write_state(
                {"cs_complaint_state": "registered"}
            )
        return res

    # ------------------------------------------------------- approval config

    def _tier_validation_check_write_allowed(self, vals):
        # Only complaints go through an approval: spare every other ticket the
        # checks (and their queries).
        complaints = self.filtered(lambda t: t.cs_request_type == "complaint")
        return super(CsComplaintMixin, complaints)._tier_validation_check_write_allowed(vals)

    def _check_allow_write_under_validation(self, vals):
        # The approval covers the solution and its deadline; the ticket itself
        # (stage, chatter bookkeeping, notes) stays workable meanwhile.
        if not set(vals) & set(SOLUTION_FIELDS):
            return True
        return super()._check_allow_write_under_validation(vals)

    @api.model
    def _get_all_validation_exceptions(self):
        # Only the solution fields turn read-only on the form during approval.
        return [name for name in self._fields if name not in SOLUTION_FIELDS]

    def _get_to_validate_message_name(self):
        return self.env._("Complaint Solution")

    # ----------------------------------------------------------------- guards

    def _cs_step_error(self, step):
        """Why this complaint cannot take ``step`` now, or ``False``."""
        self.ensure_one()
        if step == "implement" and self.cs_complaint_state == "solution_proposed":
            return self.env._(
                "The solution of %(ticket)s must be approved before it is implemented.",
                ticket=self.display_name,
            )
        if self.cs_request_type != "complaint" or self.cs_complaint_state not in STEP_FROM[step]:
            return self.env._(
                "%(ticket)s cannot take this step at the step %(state)s.",
                ticket=self.display_name,
                state=dict(self._fields["cs_complaint_state"]._description_selection(self.env)).get(
                    self.cs_complaint_state, "-"
                ),
            )
        if step == "findings" and self.env.user != self.cs_department_id.user_id:
            return self.env._(
                "Only the contact person of the responsible department records the "
                "findings of %(ticket)s.",
                ticket=self.display_name,
            )
        return False

    def _cs_check_step(self, step):
        for ticket in self:
            error = ticket._cs_step_error(step)
            if error:
                raise UserError(error)
        self._cs_check_identity()

    def _cs_check_required(self, field_names):
        for ticket in self:
            missing = [
                ticket._fields[name].get_description(self.env)["string"]
                for name in field_names
                if not ticket[name]
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Fill in %(fields)s on %(ticket)s first.",
                        fields=", ".join(missing),
                        ticket=ticket.display_name,
                    )
                )

    def _cs_post_step(self, body, template_xmlid=None):
        for ticket in self:
            if template_xmlid and (ticket.partner_id or ticket.partner_email):
                ticket.message_post_with_source(
                    template_xmlid,
                    message_type="comment",
                    subtype_xmlid="mail.mt_comment",
                )
            ticket.message_post(body=body, subtype_xmlid="mail.mt_note")

    # ------------------------------------------------------------------ steps

    def action_cs_assess_reasonable(self):
        self._cs_check_step("assess")
        self._cs_write_state({"cs_complaint_state": "assessed"})
        self._cs_post_step(self.env._("Complaint assessed: reasonable."))

    def action_cs_assess_unreasonable(self):
        self._cs_check_step("assess")
        self._cs_check_required(["cs_explanation"])
        self._cs_write_state({"cs_complaint_state": "explained"})
        self._cs_close_stage()
        self._cs_post_step(
            self.env._("Complaint not reasonable: the customer received an explanation."),
            "cs_service_dept.mail_template_complaint_explanation",
        )

    def action_cs_forward(self):
        """Forward to the responsible department: its contact person gets an
        activity due at the investigation deadline, in their language."""
        self._cs_check_step("forward")
        self._cs_check_required(["cs_department_id"])
        now = fields.Datetime.now()
        for ticket in self:
            deadline = ticket._cs_investigation_deadline(now)
            ticket._cs_write_state(
                {
                    "cs_complaint_state": "forwarded",
                    "cs_forward_date": now,
                    "cs_investigation_deadline": deadline,
                    "cs_investigation_overdue": False,
                }
            )
            ticket.message_post(
                body=self.env._(
                    "Forwarded to %(department)s; investigation due by %(deadline)s.",
                    department=ticket.cs_department_id.name,
                    deadline=fields.Datetime.to_string(deadline),
                ),
                subtype_xmlid="mail.mt_note",
            )
            contact = ticket.cs_department_id.user_id
            if contact:
                ticket.with_context(lang=contact.lang).activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.context_today(ticket.with_user(contact), deadline),
                    summary=ticket.with_context(lang=contact.lang).env._(
                        "Investigate the complaint and record the findings"
                    ),
                    user_id=contact.id,
                )

    def action_cs_record_findings(self, findings):
        """The responsible department's contact records what they found.

        The contact needs no customer service or helpdesk group: the record
        rules let them read the complaints forwarded to their department, and
        this method writes the findings (and only them) after its guard."""
        self.ensure_one()
        self.check_access("read")
        self._cs_check_step("findings")
        if not findings or not str(findings).strip():
            raise UserError(self.env._("Write what the department found."))
        ticket = self.sudo()
        ticket.write(
            {
                "cs_investigation_findings": findings,
                "cs_investigation_done_date": fields.Datetime.now(),
            }
        )
        ticket.activity_ids.filtered(
            lambda a: (
                a.user_id == self.env.user
                and a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
            )
        ).action_feedback(feedback=self.env._("Findings recorded."))
        ticket.message_post(
            body=self.env._(
                "%(user)s recorded the findings of %(department)s.",
                user=self.env.user.name,
                department=self.cs_department_id.name,
            ),
            subtype_xmlid="mail.mt_note",
            author_id=self.env.user.partner_id.id,
        )
        return True

    def action_cs_open_findings_wizard(self):
        self.ensure_one()
        self._cs_check_step("findings")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Findings"),
            "res_model": "cs.complaint.findings.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_ticket_id": self.id},
        }

    def action_cs_set_responsibility(self):
        self._cs_check_step("responsibility")
        self._cs_check_required(["cs_department_id", "cs_responsible_user_id", "cs_cause_id"])
        vals = {"cs_complaint_state": "responsibility"}
        self.filtered(lambda t: not t.cs_investigation_done_date)._cs_write_state(
            {**vals, "cs_investigation_done_date": fields.Datetime.now()}
        )
        self.filtered(lambda t: t.cs_complaint_state != "responsibility")._cs_write_state(vals)
        self._cs_post_step(self.env._("Investigation done: responsibility set."))

    def action_cs_propose_solution(self):
        self._cs_check_step("propose")
        self._cs_check_required(["cs_solution", "cs_solution_deadline"])
        self._check_cs_solution_deadline()
        self._cs_write_state({"cs_complaint_state": "solution_proposed"})
        # A new proposal needs a new approval.
        self._cs_reset_reviews()
        self.request_validation()
        self._cs_post_step(
            self.env._("Solution proposed and sent to the customer."),
            "cs_service_dept.mail_template_complaint_solution",
        )

    def action_cs_approve_solution(self):
        """The Manager approves the proposed solution (cs.approval.mixin)."""
        for ticket in self:
            ticket.validate_tier()
        return True

    def _cs_on_approved(self):
        self._cs_post_step(self.env._("Solution approved."))

    def _cs_on_rejected(self):
        self._cs_post_step(self.env._("Solution rejected: a new solution must be proposed."))

    def action_cs_implement(self):
        self._cs_check_step("implement")
        self._cs_check_required(["cs_implementation_result"])
        self._cs_write_state(
            {"cs_complaint_state": "implemented", "cs_implemented_date": fields.Datetime.now()}
        )
        self._cs_post_step(
            self.env._("Solution implemented; the customer was told the result."),
            "cs_service_dept.mail_template_complaint_result",
        )

    def action_cs_confirm_satisfied(self):
        self._cs_check_step("confirm")
        self._cs_write_state({"cs_complaint_state": "confirmed", "cs_customer_satisfied": True})
        self._cs_post_step(self.env._("The customer is satisfied with the solution."))

    def action_cs_confirm_unsatisfied(self):
        """Not satisfied: back to a new proposal, which needs a new approval."""
        self._cs_check_step("confirm")
        for ticket in self:
            ticket._cs_back_to_new_solution(cs_reopened_count=ticket.cs_reopened_count + 1)
        self._cs_post_step(
            self.env._("The customer is not satisfied: a new solution must be proposed.")
        )

    def _cs_back_to_new_solution(self, **vals):
        """The customer is not satisfied: the complaint goes back to a new
        proposal (and a new approval). ``vals``: more fields of the step."""
        self._cs_write_state(
            {
                "cs_complaint_state": "solution_proposed",
                "cs_customer_satisfied": False,
                "cs_solution_deadline": False,
                "cs_implemented_date": False,
                **vals,
            }
        )
        self._cs_reset_reviews()

    def action_cs_close_complaint(self):
        for ticket in self:
            if ticket.cs_request_type == "complaint" and ticket.cs_complaint_state in (
                "implemented",
                "solution_proposed",
                "approved",
            ):
                raise UserError(
                    self.env._(
                        "The customer has not confirmed the solution of %(ticket)s: "
                        "it cannot be closed yet.",
                        ticket=ticket.display_name,
                    )
                )
        self._cs_check_step("close")
        self._cs_check_required(["cs_complaint_summary"])
        self._cs_write_state({"cs_complaint_state": "closed"})
        self._cs_close_stage()
        self._cs_post_step(self.env._("Complaint closed and archived."))

    # --------------------------------------------------------------- helpers

    def _cs_investigation_deadline(self, start):
        """One working day after ``start`` on the company's working calendar."""
        self.ensure_one()
        calendar = self.company_id.resource_calendar_id
        if not calendar:
            return start + timedelta(days=1)
        deadline = calendar.plan_hours(calendar.hours_per_day or 8.0, start, compute_leaves=True)
        return (deadline or start + timedelta(days=1)).replace(tzinfo=None)

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_cs_investigation_overdue(self):
        """Flag forwarded complaints past their investigation deadline and give
        a supervisor an activity, in their language. Idempotent: flagged
        tickets are skipped."""
        tickets = self.search(
            [
                ("cs_complaint_state", "=", "forwarded"),
                ("cs_investigation_deadline", "<", fields.Datetime.now()),
                ("cs_investigation_overdue", "=", False),
            ]
        )
        if not tickets:
            self.env["ir.cron"]._notify_progress(done=0, remaining=0)
            return
        tickets.write({"cs_investigation_overdue": True})
        fallback = (
            self.env.ref("cs_service_dept.group_cs_supervisor")
            .users.filtered(lambda u: not u.share)
            .sorted("id")[:1]
        )
        by_user = tickets.grouped(lambda t: t.team_id.user_id or fallback or self.env.user)
        for user, user_tickets in by_user.items():
            localized = user_tickets.with_context(lang=user.lang, mail_activity_quick_update=True)
            localized.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=localized.env._("Complaint investigation overdue"),
                user_id=user.id,
            )
        self.env["ir.cron"]._notify_progress(done=len(tickets), remaining=0)


class CsComplaintFindingsWizard(models.TransientModel):
    _name = "cs.complaint.findings.wizard"
    _description = "Record Complaint Findings"

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, readonly=True)
    findings = fields.Html(required=True)

    def action_record(self):
        self.ensure_one()
        if not self.ticket_id:
            raise AccessError(self.env._("The complaint is not available."))
        self.ticket_id.action_cs_record_findings(self.findings)
        return {"type": "ir.actions.act_window_close"}
