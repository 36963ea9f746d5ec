# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, format_amount, format_date

from .survey_survey import SURVEY_TYPE

# Set by the system only: the service a revisit is about and how it ended.
SYSTEM_FIELDS = {
    "res_model",
    "res_id",
    "source",
    "ticket_id",
    "service_date",
    "required",
    "state",
    "done_date",
    "user_input_ids",
    "complaint_id",
    "plan_id",
}
# The services a revisit may name to the customer (a plan is internal).
SERVICE_MODELS = ("helpdesk.ticket", "repair.order")
# What a user creating a revisit by hand may leave in these fields: their defaults.
SYSTEM_DEFAULTS = {"source": "ticket", "state": "planned", "required": True}
# Filled by the specialist while the revisit is planned, final once it is not.
PLANNED_FIELDS = {"method", "due_date", "specialist_id", "score", "feedback"}
# What the customer's survey answer fills in.
ANSWER_FIELDS = {"score", "feedback"}
HISTORY_LIMIT = 10
METHODS = [
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("visit", "Visit"),
    ("survey", "Survey"),
]
SOURCES = [
    ("ticket", "Ticket"),
    ("repair", "Repair"),
    ("complaint", "Complaint"),
    ("plan", "Plan"),
]


class CsRevisit(models.Model):
    """A revisit (客户回访登记表): customer service asks a customer, after a
    service or in a campaign, whether they are satisfied."""

    _name = "cs.revisit"
    _description = "Customer Revisit"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "due_date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    source = fields.Selection(
        SOURCES,
        required=True,
        default="ticket",
        readonly=True,
        index=True,
    )
    res_model = fields.Char(string="Service Model", readonly=True, index=True)
    res_id = fields.Many2oneReference(string="Service", model_field="res_model", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True, index="btree_not_null")
    service_name = fields.Char(
        compute="_compute_service_name",
        help="The service revisited, as the customer knows it: the repair of a repair "
        "revisit, else the ticket.",
    )
    plan_id = fields.Many2one("cs.revisit.plan", readonly=True, index="btree_not_null")
    team_id = fields.Many2one("helpdesk.ticket.team")
    method = fields.Selection(METHODS, required=True, default="phone", tracking=True)
    service_date = fields.Date(
        string="Service Closed On",
        readonly=True,
        default=lambda self: self.env["cs.followup"]._cs_today(),
        help="When the service closed, or when the plan's cycle started.",
    )
    due_date = fields.Date(
        required=True,
        tracking=True,
        index=True,
        default=lambda self: (
            self.env["cs.followup"]._cs_today()
            + timedelta(days=self.env["res.config.settings"]._cs_survey_setting("revisit_days"))
        ),
    )
    done_date = fields.Date(readonly=True, copy=False)
    specialist_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
        index=True,
    )
    score = fields.Integer(
        string="Satisfaction Score",
        tracking=True,
        help="From 1 (very unsatisfied) to 5 (very satisfied); 4 and 5 count as satisfied.",
    )
    satisfied = fields.Boolean(compute="_compute_satisfied", store=True)
    feedback = fields.Text()
    required = fields.Boolean(
        string="Counts in Revisit Rate",
        default=True,
        readonly=True,
        help="Consultations solved at the first contact need no revisit (a setting).",
    )
    user_input_ids = fields.One2many("survey.user_input", "cs_revisit_id", string="Invitations")
    user_input_id = fields.Many2one(
        "survey.user_input",
        string="Survey Answer",
        compute="_compute_user_input_id",
        store=True,
        index="btree_not_null",
    )
    response_state = fields.Selection(related="user_input_id.state", string="Answer Status")
    complaint_id = fields.Many2one(
        "helpdesk.ticket",
        readonly=True,
        help="The complaint a low score opened or reopened.",
    )
    need_ticket_ids = fields.One2many(
        "helpdesk.ticket",
        "cs_origin_revisit_id",
        string="Service Needs",
        help="Repairs, returns or exchanges this feedback called for.",
    )
    need_count = fields.Integer(compute="_compute_need_count")
    need_repair_ids = fields.One2many(
        "repair.order",
        "cs_origin_revisit_id",
        string="Repairs Needed",
        help="Repair or maintenance orders this feedback called for.",
    )
    need_repair_count = fields.Integer(compute="_compute_need_count")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        required=True,
        default="planned",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    is_late = fields.Boolean(string="Late", compute="_compute_is_late")
    can_done = fields.Boolean(compute="_compute_can_done")
    purchase_summary = fields.Html(
        string="Recent Purchases",
        compute="_compute_customer_history",
        sanitize=False,
        help="The customer's latest confirmed orders (查询购置信息), whoever sold them.",
    )
    customer_ticket_ids = fields.Many2many(
        "helpdesk.ticket", string="Recent Tickets", compute="_compute_customer_history"
    )

    _sql_constraints = [
        (
            "score_range",
            "CHECK(score IS NULL OR score BETWEEN 0 AND 5)",
            "The satisfaction score goes from 1 to 5.",
        ),
    ]

    def init(self):
        # One revisit per service; one per customer and cycle of a plan.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS cs_revisit_service_uniq "
                "ON cs_revisit (res_model, res_id) WHERE plan_id IS NULL AND res_id IS NOT NULL"
            )
        )
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS cs_revisit_plan_cycle_uniq "
                "ON cs_revisit (plan_id, partner_id, service_date) WHERE plan_id IS NOT NULL"
            )
        )

    @api.depends("score")
    def _compute_satisfied(self):
        for revisit in self:
            revisit.satisfied = revisit.score >= 4

    @api.depends("user_input_ids")
    def _compute_user_input_id(self):
        for revisit in self:
            revisit.user_input_id = revisit.user_input_ids.sorted("id")[:1]

    def _compute_need_count(self):
        counts = dict(
            self.env["helpdesk.ticket"]._read_group(
                [("cs_origin_revisit_id", "in", self.ids)], ["cs_origin_revisit_id"], ["__count"]
            )
        )
        repair_counts = dict(
            self.env["repair.order"]._read_group(
                [("cs_origin_revisit_id", "in", self.ids)], ["cs_origin_revisit_id"], ["__count"]
            )
        )
        for revisit in self:
            revisit.need_count = counts.get(revisit, 0)
            revisit.need_repair_count = repair_counts.get(revisit, 0)

    @api.depends("state", "due_date")
    @api.depends_context("company")
    def _compute_is_late(self):
        # the department's day (its company's time zone), as the figures count it
        today = self.env["cs.followup"]._cs_today()
        for revisit in self:
            revisit.is_late = revisit.state == "planned" and revisit.due_date < today

    @api.depends("state", "method", "service_date")
    def _compute_can_done(self):
        for revisit in self:
            revisit.can_done = not revisit._cs_done_error()

    @api.depends("partner_id")
    def _compute_customer_history(self):
        # Shown on the form (one customer): the latest orders and tickets of
        # each customer, HISTORY_LIMIT each, whoever has more.
        Order = self.env["sale.order"].sudo()
        Ticket = self.env["helpdesk.ticket"]
        orders_by, tickets_by = {}, {}
        for customer in self.partner_id.commercial_partner_id:
            # The specialist needs what the customer bought, whoever sold it:
            # a read-only summary, read as superuser.
            orders_by[customer] = Order.search(
                [("partner_id", "child_of", customer.id), ("state", "=", "sale")],
                order="date_order desc",
                limit=HISTORY_LIMIT,
            )
            tickets_by[customer] = Ticket.search(
                [("partner_id", "child_of", customer.id)],
                order="create_date desc",
                limit=HISTORY_LIMIT,
            )
        for revisit in self:
            customer = revisit.partner_id.commercial_partner_id
            revisit.purchase_summary = revisit._purchase_summary(orders_by.get(customer, Order))
            revisit.customer_ticket_ids = tickets_by.get(customer, Ticket)

    def _purchase_summary(self, orders):
        if not orders:
            return Markup("<p>%s</p>") % self.env._("No confirmed order.")
        rows = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td class='text-end'>%s</td></tr>")
            % (
                order.name,
                format_date(self.env, order.date_order),
                ", ".join(order.order_line.product_id.mapped("display_name")[:5]),
                format_amount(self.env, order.amount_total, order.currency_id),
            )
            for order in orders
        )
        return Markup(
            "<table class='table table-sm'><thead><tr><th>%s</th><th>%s</th><th>%s</th>"
            "<th class='text-end'>%s</th></tr></thead><tbody>%s</tbody></table>"
        ) % (
            self.env._("Order"),
            self.env._("Date"),
            self.env._("Products"),
            self.env._("Total"),
            rows,
        )

    @api.depends("res_model", "res_id", "ticket_id")
    def _compute_service_name(self):
        services = {
            revisit: (
                self.env[revisit.res_model].browse(revisit.res_id)
                if revisit.res_model in SERVICE_MODELS and revisit.res_id
                else revisit.ticket_id
            )
            for revisit in self
        }
        # which still exist: one query a model, not one a revisit
        existing = set()
        for model in {service._name for service in services.values()}:
            ids = {s.id for s in services.values() if s._name == model and s.id}
            existing |= {(model, i) for i in self.env[model].sudo().browse(ids).exists().ids}
        for revisit, service in services.items():
            alive = (service._name, service.id) in existing
            revisit.service_name = service.sudo().display_name if alive else False

    def _compute_display_name(self):
        sources = dict(self._fields["source"]._description_selection(self.env))
        for revisit in self:
            revisit.display_name = self.env._(
                "%(customer)s – %(service)s of %(date)s",
                customer=revisit.partner_id.display_name or "",
                service=sources.get(revisit.source, ""),
                date=revisit.service_date or "",
            )

    @api.constrains("score")
    def _check_score(self):
        for revisit in self:
            if revisit.score and not 1 <= revisit.score <= 5:
                raise ValidationError(
                    self.env._(
                        "The satisfaction score of %(revisit)s goes from 1 to 5.",
                        revisit=revisit.display_name,
                    )
                )

    @api.constrains("due_date", "service_date", "done_date")
    def _check_dates(self):
        for revisit in self:
            if revisit.service_date and revisit.due_date < revisit.service_date:
                raise ValidationError(
                    self.env._(
                        "%(revisit)s cannot be due before the service closed.",
                        revisit=revisit.display_name,
                    )
                )
            if (
                revisit.done_date
                and revisit.service_date
                and (revisit.done_date < revisit.service_date)
            ):
                raise ValidationError(
                    self.env._(
                        "%(revisit)s cannot be done before the service closed.",
                        revisit=revisit.display_name,
                    )
                )

    # ---------------------------------------------------
    # CRUD
    # ---------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                # by hand, a revisit is planned and tied to no service
                self._cs_check_system_fields(
                    {
                        name
                        for name in set(vals) & SYSTEM_FIELDS
                        if vals[name] != SYSTEM_DEFAULTS.get(name, False)
                    }
                )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            # the customer and company of a revisit are its service's
            self._cs_check_system_fields(set(vals) & (SYSTEM_FIELDS | {"partner_id", "company_id"}))
            for revisit in self:
                revisit._cs_check_editable(vals)
        return super().write(vals)

    @api.model
    def _cs_check_system_fields(self, forged):
        """Refuse the fields ``forged`` a user sent that only the system sets
        (also for the quality summaries' figures)."""
        if forged:
            raise UserError(
                self.env._(
                    "These fields are set by the system: %(fields)s.",
                    fields=", ".join(sorted(forged)),
                )
            )

    def _cs_check_editable(self, vals):
        """What the form shows read-only is refused here too: the revisit's
        plan and result are final once it is done or cancelled, and a survey's
        score and feedback are the customer's answer."""
        self.ensure_one()
        if self.state != "planned":
            locked = set(vals) & PLANNED_FIELDS
        elif vals.get("method", self.method) == "survey":
            # switched to a call (the customer did not answer), the specialist
            # records the score the customer gives on the phone
            locked = set(vals) & ANSWER_FIELDS
        else:
            return
        if locked:
            raise UserError(
                self.env._(
                    "%(fields)s of %(revisit)s cannot be changed: they come from the "
                    "customer's survey answer or are final once the revisit is done.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(locked)
                    ),
                    revisit=self.display_name,
                )
            )

    # ---------------------------------------------------
    # Actions
    # ---------------------------------------------------

    def _cs_done_error(self):
        """Why this revisit cannot be marked done now (False when it can)."""
        self.ensure_one()
        if self.state != "planned":
            return self.env._("%(revisit)s is not planned.", revisit=self.display_name)
        if self.method == "survey":
            return self.env._(
                "%(revisit)s is done when the customer answers the survey.",
                revisit=self.display_name,
            )
        if self.service_date and self.env["cs.followup"]._cs_today() < self.service_date:
            return self.env._(
                "%(revisit)s cannot be done before the service closed.",
                revisit=self.display_name,
            )
        return False

    def action_done(self):
        self.check_access("write")
        for revisit in self:
            error = revisit._cs_done_error()
            if error:
                raise UserError(error)
        self.sudo().write({"state": "done", "done_date": self.env["cs.followup"]._cs_today()})
        with_activity = self.filtered("activity_ids")
        with_activity.activity_ids.action_feedback(feedback=self.env._("Revisit done."))
        for revisit in self - with_activity:
            revisit.message_post(
                body=self.env._("Revisit done."),
                subtype_xmlid="mail.mt_note",
            )
        low = self.filtered(lambda r: r.score and r.score <= 2)
        for revisit in low:
            # the summary in the language of the specialist who follows up
            owner = revisit.specialist_id or self.env.user
            revisit = revisit.with_context(lang=owner.lang or self.env.lang)
            revisit.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=revisit.env._("Low satisfaction: follow up"),
                user_id=owner.id,
            )

    def _cs_check_planned(self):
        """Before a button acts as superuser: the user may write these revisits,
        and they are all still planned."""
        self.check_access("write")
        for revisit in self:
            if revisit.state != "planned":
                raise UserError(
                    self.env._("%(revisit)s is not planned.", revisit=revisit.display_name)
                )

    def action_cancel(self):
        self._cs_check_planned()
        self.sudo().write({"state": "cancelled"})

    def action_send_survey(self):
        """Send (again) the satisfaction survey of these revisits by e-mail."""
        self._cs_check_planned()
        sent = self.sudo()._cs_send_invitations(respect_quiet_days=False)
        missing = self - sent
        if missing:
            raise UserError(
                self.env._(
                    "No survey could be sent for %(revisits)s: the customer has no e-mail, "
                    "opted out of surveys, or no satisfaction survey is configured.",
                    revisits=", ".join(missing.mapped("display_name")),
                )
            )

    def action_register_need(self):
        """Feedback → service need (确定服务需求): open a new ticket for the need the
        feedback calls for (a repair by default), linked back to this revisit. When
        it closes, the customer is asked again whether they are satisfied."""
        self.ensure_one()
        description = self.feedback or self.user_input_id.sudo().cs_comment or ""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Service Need"),
            "res_model": "helpdesk.ticket",
            "view_mode": "form",
            "target": "current",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_cs_request_type": "repair",
                "default_cs_origin_revisit_id": self.id,
                "default_team_id": self.team_id.id,
                "default_name": self.env._(
                    "Need from the revisit of %(customer)s", customer=self.partner_id.name
                ),
                "default_description": description,
            },
        }

    def action_register_repair(self):
        """Feedback → service need: open a repair order (维修) for the customer."""
        return self._cs_register_repair_need("repair")

    def action_register_maintenance(self):
        """Feedback → service need: open a maintenance order (保养) for the customer."""
        return self._cs_register_repair_need("maintenance")

    def _cs_register_repair_need(self, kind):
        """Open the repair or maintenance order the feedback calls for, linked
        back to this revisit (and to the ticket it is about, when the user may
        read it). When the customer accepts it, the repair has its own revisit:
        the customer is asked again whether they are satisfied."""
        self.ensure_one()
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(self.env._("Only customer service registers service needs."))
        self.check_access("read")
        if self.state == "cancelled":
            raise UserError(
                self.env._(
                    "%(revisit)s is cancelled: it calls for no service.",
                    revisit=self.display_name,
                )
            )
        operation = self.env["stock.picking.type"].search(
            [
                ("code", "=", "repair_operation"),
                ("cs_repair_kind", "=", kind),
                ("company_id", "=", self.company_id.id),
            ],
            limit=1,
        )
        if not operation:
            kinds = dict(
                self.env["stock.picking.type"]
                ._fields["cs_repair_kind"]
                ._description_selection(self.env)
            )
            raise UserError(
                self.env._(
                    "No %(kind)s operation type is set up for %(company)s.",
                    kind=kinds[kind],
                    company=self.company_id.name,
                )
            )
        ticket = self.ticket_id if self.ticket_id.has_access("read") else self.ticket_id.browse()
        description = self.feedback or self.user_input_id.sudo().cs_comment or ""
        repair = self.env["repair.order"].create(
            {
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "picking_type_id": operation.id,
                "ticket_id": ticket.id,
                "cs_origin_revisit_id": self.id,
                "cs_fault_description": description,
            }
        )
        self.message_post(
            body=self.env._("Service need registered: %(order)s.", order=repair.name),
            subtype_xmlid="mail.mt_note",
        )
        return repair._cs_open_form()

    def action_view_need_repairs(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("repair.action_repair_order_tree")
        action["domain"] = [("cs_origin_revisit_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    def action_view_needs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Service Needs"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": [("cs_origin_revisit_id", "=", self.id)],
            "context": {"default_cs_origin_revisit_id": self.id},
        }

    def action_open_service(self):
        self.ensure_one()
        if not self.res_model or not self.res_id:
            return False
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    @api.model
    def _cs_create_for_services(self, services):
        """Create the revisit of each closed service (once per service) and send
        the satisfaction survey. ``services`` is any recordset whose model
        provides ``_cs_revisit_values()`` (tickets here; repairs later)."""
        if not services:
            return self.browse()
        existing = set(
            self.sudo()
            .search([("res_model", "=", services._name), ("res_id", "in", services.ids)])
            .mapped("res_id")
        )
        services = services.filtered(lambda s: s.id not in existing)
        days = self.env["res.config.settings"]._cs_survey_setting("revisit_days")
        vals_list = []
        for service in services:
            vals = service._cs_revisit_values()
            vals.update(
                res_model=service._name,
                res_id=service.id,
                due_date=vals["service_date"] + timedelta(days=days),
                method="survey",
            )
            vals_list.append(vals)
        revisits = self.sudo().create(vals_list)
        revisits._cs_send_invitations()
        revisits._cs_schedule_activities()
        return revisits.with_env(self.env)

    def _cs_schedule_activities(self):
        """A to-do for the specialist of each revisit not done by a survey: one
        batch per specialist and due date, the summary in the specialist's
        language."""
        to_call = self.filtered(lambda r: r.method != "survey" and r.specialist_id)
        groups = to_call.grouped(lambda r: (r.specialist_id, r.due_date))
        for (specialist, due_date), revisits in groups.items():
            revisits = revisits.with_context(lang=specialist.lang or self.env.lang)
            revisits.activity_schedule(
                "mail.mail_activity_data_call",
                date_deadline=due_date,
                summary=revisits.env._("Revisit the customer"),
                user_id=specialist.id,
            )

    def _cs_send_invitations(self, respect_quiet_days=True):
        """Send the survey invitations of these revisits (sudo) in one batch:
        one personal token per revisit, the mail in the customer's language.
        Customers who opted out, have no e-mail or were surveyed recently are
        revisited by phone instead. Returns the revisits invited."""
        partners = self.partner_id
        recent = set()
        days = self.env["res.config.settings"]._cs_survey_setting("quiet_days")
        if respect_quiet_days and days > 0:
            since = fields.Datetime.now() - timedelta(days=days)
            recent = {
                partner.id
                for [partner] in self.env["survey.user_input"]._read_group(
                    [
                        ("partner_id", "in", partners.ids),
                        ("survey_id.survey_type", "=", SURVEY_TYPE),
                        ("create_date", ">=", since),
                    ],
                    ["partner_id"],
                )
            }
        invited = self.browse()
        vals_list = []
        UserInput = self.env["survey.user_input"]
        templates = self.env["survey.survey"]._cs_get_templates()
        for revisit in self:
            partner = revisit.partner_id
            # a plan sends its own survey; a service, the one of its kind
            survey = revisit.plan_id.survey_id if revisit.plan_id else templates.get(revisit.source)
            if (
                revisit.state != "planned"
                or not survey
                or not partner.email
                or partner.cs_survey_opt_out
                or partner.commercial_partner_id.cs_survey_opt_out
                or partner.id in recent
            ):
                continue
            recent.add(partner.id)
            invited |= revisit
            # The values survey.invite gives an answer (survey._create_answer),
            # created in one batch.
            vals_list.append(
                {
                    "survey_id": survey.id,
                    "partner_id": partner.id,
                    "email": partner.email,
                    "nickname": partner.name,
                    "invite_token": UserInput._generate_invite_token(),
                    "deadline": fields.Datetime.to_datetime(revisit.due_date),
                    "cs_revisit_id": revisit.id,
                }
            )
        (self.filtered(lambda r: r.method == "survey" and r.state == "planned") - invited).write(
            {"method": "phone"}
        )
        invited.filtered(lambda r: r.method != "survey").write({"method": "survey"})
        if vals_list:
            answers = UserInput.create(vals_list)
            template = self.env.ref("cs_survey.mail_template_cs_survey_invite")
            template.send_mail_batch(answers.ids, email_layout_xmlid="mail.mail_notification_light")
        return invited

    @api.model
    def _cs_managers(self):
        """The customer service managers to notify (internal, active, not OdooBot)."""
        return self.env.ref("cs_service_dept.group_cs_manager").users.filtered(
            lambda u: not u.share and u.active and u.id != self.env.ref("base.user_root").id
        )

    def _cs_mark_answered(self, answer, today):
        """The customer answered this revisit's survey (sudo)."""
        self.ensure_one()
        if self.state != "planned":
            return
        self.write(
            {
                "state": "done",
                "done_date": max(today, self.service_date or today),
                "score": answer.cs_score,
                "feedback": answer.cs_comment,
            }
        )
