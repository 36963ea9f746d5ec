# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .cs_confidentiality_request import LEVELS
from .res_partner import CONFIDENTIALITY_RANK

CHANNELS = [
    ("phone", "Phone"),
    ("email", "E-mail"),
    ("chat", "Chat"),
    ("visit", "Visit"),
    ("sales", "Sales"),
    ("other", "Other"),
]
SOURCES = [
    ("customer", "Customer"),
    ("sales", "Sales Department"),
    ("engineering", "Engineering"),
    ("market", "Market and Press"),
    ("internal", "Other Department"),
]


class CsInformation(models.Model):
    """Customer information record (客户信息): what the department learns about
    a customer, numbered by type and date, classified, kept at least at the
    customer's confidentiality level and distributed (分发) to the people who
    need it, each of whom acknowledges it."""

    _name = "cs.information"
    _description = "Customer Information"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", default="/", readonly=True, copy=False, index="trigram")
    title = fields.Char(string="Subject", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain=[("parent_id", "=", False)],
        check_company=True,
    )
    category_id = fields.Many2one(
        "cs.information.category",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    info_type = fields.Selection(
        string="Information Type", related="category_id.info_type", store=True
    )
    region = fields.Char(
        compute="_compute_region",
        store=True,
        readonly=False,
        precompute=True,
        help="The customer's region (province or country) when the record was made.",
    )
    channel = fields.Selection(
        CHANNELS, string="Source Channel", required=True, default="phone", tracking=True
    )
    source = fields.Selection(SOURCES, required=True, default="customer", tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Specialist",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        domain=[("share", "=", False)],
        help="The specialist who manages this category of information.",
    )
    confidentiality = fields.Selection(
        LEVELS,
        compute="_compute_confidentiality",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="At least the customer's level: secret records are visible only to "
        "their specialist, supervisors and above.",
    )
    description = fields.Html(string="Content")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "cs_information_ir_attachment_rel",
        "information_id",
        "attachment_id",
        string="Attachments",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("distributed", "Distributed"), ("cancel", "Cancelled")],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    recipient_ids = fields.One2many(
        "cs.information.recipient", "information_id", string="Recipients", copy=False
    )
    distribute_user_ids = fields.Many2many(
        "res.users",
        "cs_information_distribute_user_rel",
        "information_id",
        "user_id",
        string="Send to Users",
        domain=[("share", "=", False)],
        copy=False,
    )
    distribute_crm_team_ids = fields.Many2many(
        "crm.team",
        "cs_information_distribute_crm_team_rel",
        "information_id",
        "team_id",
        string="Send to Sales Teams",
        copy=False,
    )
    distribute_helpdesk_team_ids = fields.Many2many(
        "helpdesk.ticket.team",
        "cs_information_distribute_helpdesk_team_rel",
        "information_id",
        "team_id",
        string="Send to Helpdesk Teams",
        copy=False,
    )
    recipient_count = fields.Integer(compute="_compute_acknowledgement")
    acknowledged_count = fields.Integer(compute="_compute_acknowledgement")
    can_acknowledge = fields.Boolean(
        compute="_compute_acknowledgement",
        help="The current user received this information and has not acknowledged it yet.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    @api.depends("partner_id")
    def _compute_region(self):
        for rec in self:
            rec.region = rec.partner_id.commercial_partner_id.cs_region or False

    @api.depends("category_id")
    def _compute_user_id(self):
        for rec in self:
            if rec.category_id.user_id:
                rec.user_id = rec.category_id.user_id
            elif not rec.user_id:
                rec.user_id = rec.partner_id.commercial_partner_id.cs_specialist_id

    @api.depends("partner_id.commercial_partner_id.cs_confidentiality")
    def _compute_confidentiality(self):
        for rec in self:
            floor = rec.partner_id.commercial_partner_id.cs_confidentiality or "internal"
            current = rec.confidentiality or floor
            rec.confidentiality = max(current, floor, key=CONFIDENTIALITY_RANK.get)

    @api.depends_context("uid")
    @api.depends("recipient_ids.acknowledged", "recipient_ids.user_id")
    def _compute_acknowledgement(self):
        for rec in self:
            lines = rec.recipient_ids
            rec.recipient_count = len(lines)
            rec.acknowledged_count = len(lines.filtered("acknowledged"))
            rec.can_acknowledge = rec.state == "distributed" and bool(
                lines.filtered(lambda line: line.user_id == self.env.user and not line.acknowledged)
            )

    @api.constrains("confidentiality", "partner_id")
    def _check_confidentiality(self):
        for rec in self:
            floor = rec.partner_id.commercial_partner_id.cs_confidentiality or "internal"
            if CONFIDENTIALITY_RANK[rec.confidentiality] < CONFIDENTIALITY_RANK[floor]:
                levels = dict(self._fields["confidentiality"]._description_selection(self.env))
                raise ValidationError(
                    self.env._(
                        "%(record)s: customer information cannot be more open than its "
                        "customer. %(customer)s is %(customer_level)s, the record is "
                        "%(level)s.",
                        record=rec.display_name,
                        customer=rec.partner_id.display_name,
                        customer_level=levels[floor],
                        level=levels[rec.confidentiality],
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for rec in records.filtered(lambda r: r.name == "/"):
            # The number carries the type and the record's date (编号).
            rec.name = (
                self.env["ir.sequence"]
                .sudo()
                .with_context(ir_sequence_date=rec.date)
                .next_by_code(f"cs.information.{rec.info_type}", sequence_date=rec.date)
                or "/"
            )
        records._cs_attach_attachments()
        return records

    def write(self, vals):
        res = super().write(vals)
        if "attachment_ids" in vals:
            self._cs_attach_attachments()
        return res

    def _cs_attach_attachments(self):
        """Uploaded files belong to the record, so that whoever reads the record
        reads them (ir.attachment follows its res_model/res_id)."""
        for rec in self:
            # Only the user's own uploads: linking another's file grants nothing.
            loose = rec.attachment_ids.filtered(
                lambda a: not a.res_id and (self.env.su or a.create_uid == self.env.user)
            )
            if loose:
                loose.sudo().write({"res_model": self._name, "res_id": rec.id})

    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.name} {rec.title}" if rec.title else rec.name

    # ------------------------------------------------------------ distribution

    def _cs_distribution_users(self):
        """Users chosen directly or through their teams, active employees only."""
        self.ensure_one()
        users = (
            self.distribute_user_ids
            | self.distribute_crm_team_ids.member_ids
            | self.distribute_helpdesk_team_ids.user_ids
        )
        return users.filtered(lambda u: u.active and not u.share)

    def _cs_uncleared(self, users):
        """Those of ``users`` who may not read a secret record of this customer
        (as the customer rules have it: its specialist, supervisors and up)."""
        self.ensure_one()
        if CONFIDENTIALITY_RANK[self.confidentiality] < CONFIDENTIALITY_RANK["secret"]:
            return users.browse()
        specialist = self.partner_id.commercial_partner_id.cs_specialist_id
        return users.filtered(
            lambda u: u != specialist and not u.has_group("cs_service_dept.group_cs_supervisor")
        )

    def action_distribute(self):
        """Send the records to the chosen users and teams' members: one line and
        one activity per new recipient."""
        self.check_access("write")
        for rec in self:
            if rec.state == "cancel":
                raise UserError(
                    self.env._(
                        "%(record)s is cancelled: it cannot be distributed.",
                        record=rec.display_name,
                    )
                )
            users = rec._cs_distribution_users()
            if not users:
                raise UserError(
                    self.env._(
                        "%(record)s: choose the users or teams to send it to.",
                        record=rec.display_name,
                    )
                )
            uncleared = rec._cs_uncleared(users)
            if uncleared:
                levels = dict(self._fields["confidentiality"]._description_selection(self.env))
                raise UserError(
                    self.env._(
                        "%(record)s is %(level)s: it goes only to the customer's specialist "
                        "and the department's supervisors and managers, not to %(users)s.",
                        record=rec.display_name,
                        level=levels[rec.confidentiality],
                        users=", ".join(uncleared.mapped("name")),
                    )
                )
        activity_type = self.env.ref("cs_service_dept.mail_activity_type_cs_information_ack")
        for rec in self:
            new_users = rec._cs_distribution_users() - rec.recipient_ids.user_id
            self.env["cs.information.recipient"].create(
                [{"information_id": rec.id, "user_id": user.id} for user in new_users]
            )
            for user in new_users:
                rec.with_context(lang=user.lang or self.env.lang).activity_schedule(
                    activity_type_id=activity_type.id,
                    user_id=user.id,
                    summary=rec.with_context(lang=user.lang or self.env.lang).env._(
                        "Read and acknowledge %(record)s", record=rec.display_name
                    ),
                )
            if new_users:
                rec.message_post(
                    body=Markup("%s")
                    % self.env._(
                        "Distributed to %(users)s.", users=", ".join(new_users.mapped("name"))
                    ),
                    subtype_xmlid="mail.mt_note",
                )
        self.write(
            {
                "state": "distributed",
                "distribute_user_ids": [fields.Command.clear()],
                "distribute_crm_team_ids": [fields.Command.clear()],
                "distribute_helpdesk_team_ids": [fields.Command.clear()],
            }
        )
        return True

    def action_acknowledge(self):
        """The current user acknowledges the records sent to them."""
        self.check_access("read")
        lines = self.env["cs.information.recipient"]
        for rec in self:
            line = rec.recipient_ids.filtered(lambda r: r.user_id == self.env.user)
            if not line:
                raise UserError(
                    self.env._(
                        "%(record)s was not sent to you: there is nothing to acknowledge.",
                        record=rec.display_name,
                    )
                )
            lines |= line
        return lines.action_acknowledge()

    def action_cancel(self):
        self.check_access("write")
        self.write({"state": "cancel"})
        self.activity_unlink(["cs_service_dept.mail_activity_type_cs_information_ack"])
        return True

    def action_draft(self):
        self.check_access("write")
        self.filtered(lambda r: r.state == "cancel").write({"state": "draft"})
        return True
