# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The department's after-sales repair and maintenance (售后维修保养) on Odoo's own
repair orders: proof and warranty, fees and estimate, service mode and
appointment, dispatch to an engineer, acceptance signed by the customer and the
revisit."""

from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

GROUP_ENGINEER = "cs_service_dept.group_cs_engineer"
GROUP_SPECIALIST = "cs_service_dept.group_cs_specialist"
GROUP_SUPERVISOR = "cs_service_dept.group_cs_supervisor"

# Moved only by the buttons and the scheduled action (sudo); a client writing
# them would skip the steps they record.
PROTECTED_FIELDS = {
    "state",
    "under_warranty",
    "cs_estimate_accepted_date",
    "cs_estimate_accepted_by_id",
    "cs_appointment_confirmed_date",
    "cs_dispatch_date",
    "cs_dispatcher_id",
    "cs_start_date",
    "cs_done_date",
    "cs_timeliness",
    "cs_accepted_date",
    "cs_ready_notified_date",
    "cs_followup_id",
    "cs_maintenance_due_date",
}
# What an engineer (without a customer service group) records on a dispatch.
ENGINEER_FIELDS = {
    "cs_test_result",
    "cs_fault_found",
    "cs_signature",
    "cs_signed_by",
    "cs_handover",
    "internal_notes",
    "move_ids",
}
# Final once the customer has accepted the work.
ACCEPTANCE_FIELDS = {
    "cs_test_result",
    "cs_fault_found",
    "cs_signature",
    "cs_signed_by",
    "cs_handover",
}
# Writing these applies the fee schedule again (draft repairs).
FEE_TRIGGERS = {"product_id", "cs_fault_type_id", "picking_type_id"}
APPOINTMENT_FIELDS = {
    "cs_appointment_start",
    "cs_appointment_end",
    "cs_service_mode",
    "cs_address_id",
}
OPEN_STATES = ("draft", "confirmed", "under_repair")


class RepairOrder(models.Model):
    _inherit = "repair.order"

    ticket_id = fields.Many2one(
        "helpdesk.ticket",
        index="btree_not_null",
        copy=False,
        tracking=True,
        check_company=True,
        help="The request this repair comes from.",
    )
    cs_repair_kind = fields.Selection(
        related="picking_type_id.cs_repair_kind", string="Service Kind", store=True
    )
    cs_managed = fields.Boolean(
        string="Customer Service Repair",
        compute="_compute_cs_managed",
        store=True,
        help="A repair the department follows: it comes from a ticket, or its customer has "
        "a customer service specialist. Only these wait for the accepted estimate out of "
        "warranty; other repairs keep Odoo's own flow.",
    )
    cs_fault_description = fields.Text(
        string="Reported Fault", help="The fault or the request as the customer describes it."
    )
    cs_maintenance_due_date = fields.Date(
        string="Maintenance Due",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Proposed by the maintenance plan of the product, for this due date.",
    )
    cs_fault_type_id = fields.Many2one("cs.repair.fault.type", string="Fault Type", tracking=True)
    # proof and warranty
    cs_proof_type = fields.Selection(
        [("invoice", "Invoice"), ("warranty_card", "Warranty Card"), ("none", "None")],
        string="Proof of Purchase",
        required=True,
        default="none",
        tracking=True,
    )
    cs_proof_reference = fields.Char(string="Proof Reference")
    cs_proof_attachment_ids = fields.Many2many(
        "ir.attachment",
        "repair_order_cs_proof_attachment_rel",
        "repair_id",
        "attachment_id",
        string="Proof Documents",
    )
    cs_purchase_date = fields.Date(
        string="Purchase Date",
        compute="_compute_cs_purchase_date",
        store=True,
        readonly=False,
        tracking=True,
        help="With a serial number, the date the lot was delivered to the customer.",
    )
    cs_warranty_end_date = fields.Date(
        string="Warranty Until", compute="_compute_under_warranty", store=True
    )
    under_warranty = fields.Boolean(
        compute="_compute_under_warranty",
        store=True,
        readonly=True,
        help="Proof shown and reported within the product's warranty: the repair is "
        "free, fees included.",
    )
    # fees and estimate
    cs_fee_line_ids = fields.One2many(
        "cs.repair.fee.line", "repair_id", string="Fee Lines", copy=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    cs_fee_amount = fields.Monetary(
        string="Fees", compute="_compute_cs_fee_amount", store=True, help="Fees charged."
    )
    cs_parts_amount = fields.Monetary(string="Parts Amount", compute="_compute_cs_estimate_amount")
    cs_estimate_amount = fields.Monetary(
        string="Estimate Amount", compute="_compute_cs_estimate_amount"
    )
    cs_estimate_state = fields.Selection(
        [("not_needed", "Not Needed"), ("pending", "To Accept"), ("accepted", "Accepted")],
        string="Estimate Status",
        compute="_compute_cs_estimate_state",
        store=True,
        tracking=True,
    )
    cs_estimate_accepted_date = fields.Datetime(
        string="Estimate Accepted On", readonly=True, copy=False
    )
    cs_estimate_accepted_by_id = fields.Many2one(
        "res.users", string="Estimate Recorded By", readonly=True, copy=False
    )
    # service mode and appointment
    cs_service_mode = fields.Selection(
        [("carry_in", "Carry-in"), ("on_site", "On-site")],
        string="Service Mode",
        required=True,
        default="carry_in",
        tracking=True,
        help="Carry-in: the customer brings the product to a service point. On-site: an "
        "engineer visits the customer.",
    )
    cs_address_id = fields.Many2one(
        "res.partner",
        string="Service Address",
        compute="_compute_cs_address_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    cs_appointment_start = fields.Datetime(string="Appointment", tracking=True, copy=False)
    cs_appointment_end = fields.Datetime(string="Appointment Until", tracking=True, copy=False)
    cs_appointment_confirmed_date = fields.Datetime(
        string="Appointment Confirmed On", readonly=True, copy=False
    )
    cs_deadline = fields.Datetime(
        string="Promised By",
        compute="_compute_cs_deadline",
        store=True,
        readonly=False,
        tracking=True,
        copy=False,
        help="The agreed time the work is done by: the end of the visit on site, the "
        "appointment plus the repair days (settings) for a carry-in.",
    )
    # dispatch
    cs_engineer_id = fields.Many2one(
        "res.users",
        string="Engineer",
        index="btree_not_null",
        tracking=True,
        copy=False,
        domain=lambda self: [("groups_id", "in", self.env.ref(GROUP_ENGINEER).ids)],
    )
    cs_dispatch_date = fields.Datetime(string="Dispatched On", readonly=True, copy=False)
    cs_dispatcher_id = fields.Many2one(
        "res.users", string="Dispatched By", readonly=True, copy=False
    )
    cs_start_date = fields.Datetime(string="Started On", readonly=True, copy=False)
    cs_done_date = fields.Datetime(string="Repaired On", readonly=True, copy=False)
    cs_duration_hours = fields.Float(
        string="Repair Duration (h)",
        compute="_compute_cs_duration_hours",
        store=True,
        aggregator="avg",
    )
    cs_timeliness = fields.Selection(
        [("on_time", "On Time"), ("late", "Late")],
        string="Timeliness",
        readonly=True,
        copy=False,
        index="btree_not_null",
        tracking=True,
    )
    # acceptance
    cs_test_result = fields.Text(string="Test Result")
    cs_fault_found = fields.Text(
        string="Fault Found", help="The engineer's finding (产品故障检测汇报)."
    )
    cs_signature = fields.Binary(string="Customer Signature", copy=False, attachment=True)
    cs_signed_by = fields.Char(string="Signed By", copy=False)
    cs_handover = fields.Selection(
        [
            ("pickup", "Picked Up by the Customer"),
            ("delivery", "Delivered to the Customer"),
            ("on_site", "Left on Site"),
        ],
        string="Handover",
        copy=False,
    )
    cs_accepted_date = fields.Datetime(string="Accepted On", readonly=True, copy=False)
    cs_ready_notified_date = fields.Datetime(
        string="Customer Told Ready On", readonly=True, copy=False
    )
    cs_followup_id = fields.Many2one(
        "cs.followup", string="Revisit", readonly=True, copy=False, ondelete="set null"
    )
    # buttons
    cs_can_accept_estimate = fields.Boolean(
        string="Can Record Estimate Acceptance", compute="_compute_cs_can"
    )
    cs_can_confirm_appointment = fields.Boolean(
        string="Can Confirm Appointment", compute="_compute_cs_can"
    )
    cs_can_dispatch = fields.Boolean(string="Can Dispatch", compute="_compute_cs_can")
    cs_can_accept = fields.Boolean(string="Can Record Acceptance", compute="_compute_cs_can")

    @api.depends("lot_id")
    def _compute_cs_purchase_date(self):
        delivered = {}
        if self.lot_id:
            delivered = dict(
                self.env["stock.move.line"]
                .sudo()
                ._read_group(
                    [
                        ("lot_id", "in", self.lot_id.ids),
                        ("state", "=", "done"),
                        ("location_dest_id.usage", "=", "customer"),
                    ],
                    ["lot_id"],
                    ["date:max"],
                )
            )
        local_date = self.env["cs.followup"]._cs_local_date
        for repair in self:
            date = delivered.get(repair.lot_id)
            repair.cs_purchase_date = local_date(date) if date else repair.cs_purchase_date

    @api.depends(
        "cs_purchase_date", "cs_proof_type", "product_id.cs_warranty_months", "create_date"
    )
    def _compute_under_warranty(self):
        followups = self.env["cs.followup"]
        today = followups._cs_today()
        for repair in self:
            months = repair.product_id.cs_warranty_months
            end = (
                repair.cs_purchase_date + relativedelta(months=months)
                if repair.cs_purchase_date and months
                else False
            )
            reported = followups._cs_local_date(repair.create_date) if repair.create_date else today
            repair.cs_warranty_end_date = end
            repair.under_warranty = bool(end and repair.cs_proof_type != "none" and reported <= end)

    @api.depends("cs_fee_line_ids.price_subtotal", "under_warranty")
    def _compute_cs_fee_amount(self):
        for repair in self:
            repair.cs_fee_amount = (
                0.0
                if repair.under_warranty
                else sum(repair.cs_fee_line_ids.mapped("price_subtotal"))
            )

    @api.depends(
        "cs_fee_amount", "move_ids.product_uom_qty", "move_ids.product_id", "under_warranty"
    )
    def _compute_cs_estimate_amount(self):
        for repair in self:
            parts = 0.0
            if not repair.under_warranty:
                parts = sum(
                    move.product_uom_qty * move.product_id.lst_price
                    for move in repair.move_ids
                    if move.repair_line_type == "add"
                )
            repair.cs_parts_amount = parts
            repair.cs_estimate_amount = parts + repair.cs_fee_amount

    @api.depends("ticket_id", "partner_id.commercial_partner_id.cs_specialist_id")
    def _compute_cs_managed(self):
        for repair in self:
            repair.cs_managed = bool(
                repair.ticket_id or repair.partner_id.commercial_partner_id.cs_specialist_id
            )

    @api.depends("under_warranty", "cs_estimate_accepted_date", "cs_managed")
    def _compute_cs_estimate_state(self):
        for repair in self:
            if repair.under_warranty or not repair.cs_managed:
                repair.cs_estimate_state = "not_needed"
            elif repair.cs_estimate_accepted_date:
                repair.cs_estimate_state = "accepted"
            else:
                repair.cs_estimate_state = "pending"

    @api.depends("partner_id")
    def _compute_cs_address_id(self):
        for repair in self:
            if repair.partner_id:
                repair.cs_address_id = repair.partner_id.address_get(["delivery"])["delivery"]
            else:
                repair.cs_address_id = False

    @api.depends("cs_appointment_start", "cs_appointment_end", "cs_service_mode")
    def _compute_cs_deadline(self):
        days = self.env["res.partner"]._cs_get_param("repair_days", 3)
        for repair in self:
            if repair.cs_service_mode == "on_site" and repair.cs_appointment_start:
                repair.cs_deadline = repair.cs_appointment_end or repair.cs_appointment_start
            elif repair.cs_appointment_start:
                repair.cs_deadline = repair.cs_appointment_start + timedelta(days=days)
            else:
                repair.cs_deadline = repair.cs_deadline or False

    @api.depends("cs_start_date", "cs_done_date")
    def _compute_cs_duration_hours(self):
        for repair in self:
            if repair.cs_start_date and repair.cs_done_date:
                delta = repair.cs_done_date - repair.cs_start_date
                repair.cs_duration_hours = delta.total_seconds() / 3600
            else:
                repair.cs_duration_hours = 0.0

    @api.depends_context("uid")
    @api.depends(
        "state",
        "cs_estimate_state",
        "cs_engineer_id",
        "cs_dispatch_date",
        "cs_accepted_date",
        "cs_appointment_start",
        "cs_appointment_confirmed_date",
    )
    def _compute_cs_can(self):
        for repair in self:
            repair.cs_can_accept_estimate = not repair._cs_estimate_step_error()
            repair.cs_can_confirm_appointment = not repair._cs_appointment_step_error()
            repair.cs_can_dispatch = not repair._cs_dispatch_step_error()
            repair.cs_can_accept = not repair._cs_accept_step_error()

    # ------------------------------------------------------------ constraints

    @api.constrains("cs_appointment_start", "cs_appointment_end")
    def _check_cs_appointment(self):
        # a little slack for the time the form takes to be saved
        now = fields.Datetime.now() - timedelta(minutes=5)
        for repair in self:
            if repair.state not in OPEN_STATES or not repair.cs_appointment_start:
                continue
            if repair.cs_appointment_start < now:
                raise ValidationError(
                    self.env._(
                        "The appointment of %(repair)s cannot be in the past.",
                        repair=repair.display_name,
                    )
                )
            if (
                repair.cs_appointment_end
                and repair.cs_appointment_end <= repair.cs_appointment_start
            ):
                raise ValidationError(
                    self.env._(
                        "The appointment of %(repair)s must end after it starts.",
                        repair=repair.display_name,
                    )
                )

    @api.constrains(
        "cs_service_mode", "cs_address_id", "cs_appointment_start", "cs_appointment_end"
    )
    def _check_cs_on_site(self):
        for repair in self:
            if repair.cs_service_mode != "on_site" or repair.state not in OPEN_STATES:
                continue
            if not repair.cs_address_id or not repair.cs_address_id.street:
                raise ValidationError(
                    self.env._(
                        "An on-site service needs the customer's address: %(repair)s.",
                        repair=repair.display_name,
                    )
                )
            if not (repair.cs_appointment_start and repair.cs_appointment_end):
                raise ValidationError(
                    self.env._(
                        "An on-site service needs the time window of the visit: %(repair)s.",
                        repair=repair.display_name,
                    )
                )

    @api.constrains("cs_purchase_date")
    def _check_cs_purchase_date(self):
        today = self.env["cs.followup"]._cs_today()
        for repair in self:
            if repair.cs_purchase_date and repair.cs_purchase_date > today:
                raise ValidationError(
                    self.env._(
                        "The purchase date of %(repair)s cannot be in the future.",
                        repair=repair.display_name,
                    )
                )

    @api.constrains("cs_engineer_id")
    def _check_cs_engineer_id(self):
        for repair in self:
            if repair.cs_engineer_id and not repair.cs_engineer_id.has_group(GROUP_ENGINEER):
                raise ValidationError(
                    self.env._(
                        "%(user)s is not an engineer: %(repair)s cannot be dispatched to them.",
                        user=repair.cs_engineer_id.name,
                        repair=repair.display_name,
                    )
                )

    @api.constrains("ticket_id")
    def _check_cs_ticket_id(self):
        # a repair is linked to a request its author may see (a default a client
        # sends, default_ticket_id, grants nothing)
        if not self.env.su:
            self.ticket_id.check_access("read")

    # ------------------------------------------------------------------ CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            defaults = {
                key[len("default_") :]: value
                for key, value in self.env.context.items()
                if key.startswith("default_")
            }
            for vals in vals_list:
                self._cs_check_write({**defaults, **vals}, creating=True)
        for vals in vals_list:
            if vals.get("cs_appointment_start"):
                vals.setdefault("schedule_date", vals["cs_appointment_start"])
        repairs = super().create(vals_list)
        repairs.sudo()._cs_apply_fee_schedule()
        return repairs

    def write(self, vals):
        if not self.env.su:
            self._cs_check_write(vals)
        vals = dict(vals)
        if vals.get("cs_appointment_start"):
            vals.setdefault("schedule_date", vals["cs_appointment_start"])
        if APPOINTMENT_FIELDS & set(vals):
            # a new appointment is confirmed to the customer again
            vals.setdefault("cs_appointment_confirmed_date", False)
        warranty_before = {repair.id: repair.under_warranty for repair in self}
        result = super().write(vals)
        if FEE_TRIGGERS & set(vals):
            self.sudo()._cs_apply_fee_schedule()
        changed = self.filtered(
            lambda r: r.sale_order_id and r.under_warranty != warranty_before[r.id]
        )
        if changed:
            changed._update_sale_order_line_price()
        return result

    def _cs_check_write(self, vals, creating=False):
        """What a client may write: the steps' fields only through the buttons,
        the engineer only by a supervisor, and an engineer only their results."""
        user = self.env.user
        protected = PROTECTED_FIELDS & set(vals)
        if creating:
            protected = {
                name
                for name in protected
                if vals[name] and not (name == "state" and vals[name] == "draft")
            }
        if protected:
            raise AccessError(
                self.env._(
                    "Set only through the buttons of a repair: %(fields)s.",
                    fields=self._cs_field_labels(protected),
                )
            )
        dispatching = "cs_engineer_id" in vals and (vals["cs_engineer_id"] or not creating)
        if dispatching and not user.has_group(GROUP_SUPERVISOR):
            raise AccessError(self.env._("Only a supervisor dispatches repairs to engineers."))
        if user.has_group(GROUP_ENGINEER) and not user.has_group(GROUP_SPECIALIST):
            others = set(vals) - ENGINEER_FIELDS
            if others:
                raise AccessError(
                    self.env._(
                        "An engineer records the results, the signature and the handover "
                        "only, not %(fields)s.",
                        fields=self._cs_field_labels(others),
                    )
                )
        if not creating and ACCEPTANCE_FIELDS & set(vals):
            accepted = self.filtered("cs_accepted_date")
            if accepted:
                raise UserError(
                    self.env._(
                        "%(repair)s was accepted by the customer: its results and "
                        "signature are final.",
                        repair=accepted[0].display_name,
                    )
                )

    @api.model
    def _cs_field_labels(self, names):
        """The labels of these fields, in the user's language, for a message."""
        return ", ".join(
            self._fields[name].get_description(self.env)["string"]
            for name in sorted(names)
            if name in self._fields
        )

    # ---------------------------------------------------------- core's steps
    # Odoo's buttons write the state themselves; non-superuser writes of it are
    # refused above, so they run as superuser once the user's rights are checked.

    def _action_repair_confirm(self):
        self.check_access("write")
        return super(RepairOrder, self.sudo())._action_repair_confirm()

    def action_repair_start(self):
        self.check_access("write")
        self._cs_check_estimate_accepted()
        result = super(RepairOrder, self.sudo()).action_repair_start()
        self.filtered(lambda r: not r.cs_start_date).sudo().write(
            {"cs_start_date": fields.Datetime.now()}
        )
        return result

    def action_repair_done(self):
        self.check_access("write")
        self._cs_check_estimate_accepted()
        result = super(RepairOrder, self.sudo()).action_repair_done()
        now = fields.Datetime.now()
        late = self.filtered(lambda r: r.cs_deadline and r.cs_deadline < now)
        self.sudo().write({"cs_done_date": now, "cs_timeliness": "on_time"})
        late.sudo().write({"cs_timeliness": "late"})
        self.filtered(lambda r: not r.cs_start_date).sudo().write({"cs_start_date": now})
        self._cs_notify_ready()
        return result

    def action_repair_cancel(self):
        self.check_access("write")
        return super(RepairOrder, self.sudo()).action_repair_cancel()

    def action_repair_cancel_draft(self):
        self.check_access("write")
        return super(RepairOrder, self.sudo()).action_repair_cancel_draft()

    def action_create_sale_order(self):
        """The quotation of the estimate: Odoo's parts, then the fees (free under
        warranty). The department's repairs are quoted by customer service;
        other repairs keep Odoo's rights."""
        managed = self.filtered("cs_managed")
        if managed:
            managed._cs_check_group(GROUP_SPECIALIST)
        result = super().action_create_sale_order()
        lines = []
        for repair in self:
            for fee in repair.cs_fee_line_ids:
                lines.append(
                    {
                        "order_id": repair.sale_order_id.id,
                        "product_id": fee.product_id.id,
                        "name": fee.name or fee.product_id.display_name,
                        "product_uom_qty": fee.quantity,
                        "price_unit": 0.0 if repair.under_warranty else fee.price_unit,
                    }
                )
        if lines:
            self.env["sale.order.line"].create(lines)
        return result

    # ------------------------------------------------------------ our steps

    def _cs_estimate_step_error(self):
        self.ensure_one()
        if not self.env.user.has_group(GROUP_SPECIALIST):
            return self.env._("Only customer service records the customer's acceptance.")
        if self.cs_estimate_state != "pending" or self.state not in OPEN_STATES:
            return self.env._("%(repair)s has no estimate to accept.", repair=self.display_name)
        return False

    def _cs_appointment_step_error(self):
        self.ensure_one()
        if not self.env.user.has_group(GROUP_SPECIALIST):
            return self.env._("Only customer service confirms appointments.")
        if self.state not in OPEN_STATES or not self.cs_appointment_start:
            return self.env._("%(repair)s has no appointment to confirm.", repair=self.display_name)
        if self.cs_appointment_confirmed_date:
            return self.env._(
                "The appointment of %(repair)s is already confirmed.", repair=self.display_name
            )
        return False

    def _cs_dispatch_step_error(self):
        self.ensure_one()
        if not self.env.user.has_group(GROUP_SUPERVISOR):
            return self.env._("Only a supervisor dispatches repairs to engineers.")
        if self.state not in OPEN_STATES or self.cs_accepted_date:
            return self.env._("%(repair)s is finished.", repair=self.display_name)
        if self.cs_dispatch_date and self.cs_engineer_id:
            return self.env._("%(repair)s is already dispatched.", repair=self.display_name)
        return False

    def _cs_accept_step_error(self):
        self.ensure_one()
        user = self.env.user
        if not (user.has_group(GROUP_SPECIALIST) or user.has_group(GROUP_ENGINEER)):
            return self.env._("Only customer service and engineers record acceptances.")
        if self.state != "done" or self.cs_accepted_date:
            return self.env._(
                "%(repair)s must be repaired, and not yet accepted, to be accepted.",
                repair=self.display_name,
            )
        return False

    def _cs_raise_step(self, guard):
        """Raise the first error the guard (also behind a ``cs_can_*`` field) finds."""
        for repair in self:
            error = getattr(repair, guard)()
            if error:
                raise UserError(error)

    def _cs_check_group(self, *groups):
        user = self.env.user
        if not self.env.su and not any(user.has_group(group) for group in groups):
            raise AccessError(
                self.env._(
                    "You are not allowed to do this on %(repairs)s.",
                    repairs=", ".join(self.mapped("display_name")),
                )
            )

    def _cs_check_estimate_accepted(self):
        for repair in self:
            if repair.cs_estimate_state == "pending":
                raise UserError(
                    self.env._(
                        "%(repair)s is out of warranty: the customer must accept the "
                        "estimate before the work starts.",
                        repair=repair.display_name,
                    )
                )

    def _cs_check_fees_editable(self):
        for repair in self:
            if repair.state not in OPEN_STATES or repair.cs_estimate_state == "accepted":
                raise UserError(
                    self.env._(
                        "The estimate of %(repair)s was accepted: its fees cannot change.",
                        repair=repair.display_name,
                    )
                )

    def action_cs_accept_estimate(self):
        """The customer accepted the estimate (by phone, in the shop): recorded by
        customer service. A quotation confirmed on the portal does the same."""
        self._cs_check_group(GROUP_SPECIALIST)
        self.check_access("write")
        self._cs_raise_step("_cs_estimate_step_error")
        self._cs_record_estimate_acceptance()
        return True

    def _cs_record_estimate_acceptance(self):
        repairs = self.filtered(lambda r: r.cs_estimate_state == "pending")
        if not repairs:
            return
        repairs.sudo().write(
            {
                "cs_estimate_accepted_date": fields.Datetime.now(),
                "cs_estimate_accepted_by_id": self.env.user.id,
            }
        )
        for repair in repairs:
            repair.message_post(
                body=self.env._(
                    "The customer accepted the estimate (%(amount)s).",
                    amount=repair.currency_id.format(repair.cs_estimate_amount),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def action_cs_confirm_appointment(self):
        """Send the customer the confirmation of the appointment."""
        self._cs_check_group(GROUP_SPECIALIST)
        self.check_access("write")
        self._cs_raise_step("_cs_appointment_step_error")
        self._check_cs_appointment()
        self._check_cs_on_site()
        self.sudo().write({"cs_appointment_confirmed_date": fields.Datetime.now()})
        for repair in self.filtered("partner_id"):
            repair.message_post_with_source(
                "cs_service_dept.mail_template_repair_appointment",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_cs_dispatch(self):
        """Dispatch the repair to the engineer chosen (派工): the engineer gets an
        activity on the day of the appointment, in their language."""
        self._cs_check_group(GROUP_SUPERVISOR)
        self.check_access("write")
        self._cs_raise_step("_cs_dispatch_step_error")
        for repair in self:
            if not repair.cs_engineer_id:
                raise UserError(
                    self.env._(
                        "Choose the engineer %(repair)s is dispatched to.",
                        repair=repair.display_name,
                    )
                )
            if not repair.cs_appointment_start:
                raise UserError(
                    self.env._(
                        "Agree on an appointment with the customer before dispatching %(repair)s.",
                        repair=repair.display_name,
                    )
                )
        self._check_cs_on_site()
        self.sudo().write(
            {"cs_dispatch_date": fields.Datetime.now(), "cs_dispatcher_id": self.env.user.id}
        )
        for repair in self:
            engineer = repair.cs_engineer_id
            repair.message_subscribe(partner_ids=engineer.partner_id.ids)
            lang_repair = repair.with_context(lang=engineer.lang or self.env.lang)
            lang_repair.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=self.env["cs.followup"]._cs_local_date(repair.cs_appointment_start),
                summary=lang_repair.env._("Dispatch order %(repair)s", repair=repair.name),
                user_id=engineer.id,
            )
            repair.message_post(
                body=self.env._("Dispatched to %(engineer)s.", engineer=engineer.name),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cs_accept(self):
        """The customer inspected the work and signed (验收): the results, the
        signature and the handover are final; a revisit is planned."""
        self._cs_check_group(GROUP_SPECIALIST, GROUP_ENGINEER)
        self.check_access("write")
        self._cs_raise_step("_cs_accept_step_error")
        for repair in self:
            missing = [
                name
                for name in ("cs_test_result", "cs_fault_found", "cs_signature", "cs_handover")
                if not repair[name]
                and not (name == "cs_fault_found" and repair.cs_repair_kind == "maintenance")
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Record %(fields)s before the acceptance of %(repair)s.",
                        fields=self._cs_field_labels(missing),
                        repair=repair.display_name,
                    )
                )
        self.sudo().write({"cs_accepted_date": fields.Datetime.now()})
        # the engineer may not read the ticket nor the customer's specialist
        self.sudo()._cs_plan_revisit()
        for repair in self:
            repair.message_post(
                body=self.env._(
                    "Accepted and signed by %(name)s.",
                    name=repair.cs_signed_by or repair.partner_id.name or "",
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cs_apply_fee_schedule(self):
        self._cs_check_group(GROUP_SPECIALIST)
        self.check_access("write")
        self._cs_check_fees_editable()
        self.sudo()._cs_apply_fee_schedule()
        return True

    def action_cs_print_dispatch_order(self):
        return self.env.ref("cs_service_dept.action_report_repair_dispatch_order").report_action(
            self
        )

    def action_cs_return_exchange(self):
        """Return or exchange the product instead of repairing it (退换): the
        ticket's wizard, which cancels this repair."""
        self.ensure_one()
        if not self.ticket_id:
            raise UserError(
                self.env._(
                    "Link %(repair)s to its ticket before a return or an exchange.",
                    repair=self.display_name,
                )
            )
        action = self.ticket_id.action_cs_return_exchange()
        action["context"]["default_repair_id"] = self.id
        return action

    def action_cs_view_ticket(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": self.ticket_id.id,
            "view_mode": "form",
        }

    # -------------------------------------------------------- business methods

    def _cs_apply_fee_schedule(self):
        """Replace the fees that came from the schedule by those the schedule
        gives now (draft repairs whose estimate is not accepted): one search for
        all the repairs; the most specific line per service wins (a fault type
        over none, a deeper category over its parent)."""
        repairs = self.filtered(
            lambda r: r.state == "draft" and r.cs_estimate_state != "accepted" and r.product_id
        )
        if not repairs:
            return
        fees = self.env["cs.repair.fee"].search([("company_id", "in", repairs.company_id.ids)])
        repairs.cs_fee_line_ids.filtered("fee_id").unlink()
        vals_list = []
        for repair in repairs:
            category = repair.product_id.categ_id
            best = {}
            for fee in fees:
                if (
                    fee.company_id != repair.company_id
                    or fee.repair_kind != (repair.cs_repair_kind or "repair")
                    or (fee.fault_type_id and fee.fault_type_id != repair.cs_fault_type_id)
                    or (
                        fee.categ_id
                        and not category.parent_path.startswith(fee.categ_id.parent_path)
                    )
                ):
                    continue
                rank = (bool(fee.fault_type_id), len(fee.categ_id.parent_path or ""))
                current = best.get(fee.product_id)
                if current is None or rank > current[0]:
                    best[fee.product_id] = (rank, fee)
            for _rank, fee in best.values():
                vals_list.append(
                    {
                        "repair_id": repair.id,
                        "fee_id": fee.id,
                        "sequence": fee.sequence,
                        "product_id": fee.product_id.id,
                        "name": fee.product_id.display_name,
                        "quantity": 1.0,
                        "price_unit": fee.price,
                    }
                )
        self.env["cs.repair.fee.line"].create(vals_list)

    def _cs_notify_ready(self):
        """Tell the customers of carry-in repairs that they can pick the product up."""
        ready = self.filtered(
            lambda r: (
                r.cs_service_mode == "carry_in" and r.partner_id and not r.cs_ready_notified_date
            )
        )
        for repair in ready:
            repair.message_post_with_source(
                "cs_service_dept.mail_template_repair_ready",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        ready.sudo().write({"cs_ready_notified_date": fields.Datetime.now()})

    def _cs_revisit_specialist(self):
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        return (
            self.partner_id.cs_specialist_id
            or customer.cs_specialist_id
            or self.ticket_id.user_id
            or self.user_id
        )

    def _cs_plan_revisit(self):
        """Plan the revisit (回访) of accepted repairs: a follow-up of the
        customer's specialist, the settings' number of days after acceptance
        (rule "revisit"). Modules that revisit otherwise extend this."""
        days = self.env["res.partner"]._cs_get_param("repair_revisit_days", 7)
        today = self.env["cs.followup"]._cs_today()
        repairs = self.filtered(lambda r: r.partner_id and not r.cs_followup_id)
        vals_list = [
            {
                "partner_id": repair.partner_id.commercial_partner_id.id,
                "rule": "revisit",
                "method": "phone",
                "planned_date": today + timedelta(days=days),
                "specialist_id": repair._cs_revisit_specialist().id,
                "repair_id": repair.id,
                "company_id": repair.company_id.id,
            }
            for repair in repairs
        ]
        followups = self.env["cs.followup"].sudo().create(vals_list)
        for repair, followup in zip(repairs, followups, strict=True):
            repair.sudo().cs_followup_id = followup
        return followups

    def _cs_revisit_values(self):
        """What a revisit of this accepted repair needs (cs_survey's hook, as for
        tickets)."""
        self.ensure_one()
        return {
            "partner_id": self.partner_id.commercial_partner_id.id,
            "company_id": self.company_id.id,
            "source": "repair",
            "ticket_id": self.ticket_id.id,
            "specialist_id": self._cs_revisit_specialist().id,
            "service_date": self.env["cs.followup"]._cs_local_date(
                self.cs_accepted_date or fields.Datetime.now()
            ),
            "required": True,
        }

    def _cs_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "repair.order",
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    # ------------------------------------------------------------------ crons

    @api.model
    def _cron_cs_flag_late(self, batch_size=500):
        """Flag the open repairs past their promised time and give their
        supervisor (the dispatcher, else the responsible) an activity, in their
        language; one batch per call, each repair once."""
        domain = [
            ("state", "in", OPEN_STATES),
            ("cs_deadline", "<", fields.Datetime.now()),
            ("cs_timeliness", "=", False),
        ]
        repairs = self.sudo().search(domain, order="id", limit=batch_size)
        if repairs:
            repairs.write({"cs_timeliness": "late"})
            repairs._cs_schedule_late_activities()
        remaining = self.sudo().search_count(domain) if len(repairs) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=len(repairs), remaining=remaining)
        return remaining

    def _cs_schedule_late_activities(self):
        model_id = self.env["ir.model"]._get_id("repair.order")
        todo = self.env.ref("mail.mail_activity_data_todo")
        today = self.env["cs.followup"]._cs_today()
        by_user = self.grouped(lambda r: r.cs_dispatcher_id or r.user_id)
        vals_list = []
        for user, repairs in by_user.items():
            if not user:
                continue
            env = repairs.with_context(lang=user.lang or self.env.lang).env
            for repair in repairs:
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_model": "repair.order",
                        "res_id": repair.id,
                        "activity_type_id": todo.id,
                        "user_id": user.id,
                        "date_deadline": today,
                        "summary": env._("Late repair: %(repair)s", repair=repair.name),
                        "automated": True,
                    }
                )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            vals_list
        )
