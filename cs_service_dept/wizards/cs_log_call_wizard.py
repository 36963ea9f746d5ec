# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import plaintext2html

from ..models.cs_phone import cs_normalize_phone


class CsLogCallWizard(models.TransientModel):
    """A request by phone (来电): the caller is found by number, a ticket with
    the channel phone is opened, the call is logged on the customer, and the
    answer is a callback activity for the specialist (there is no telephony)."""

    _name = "cs.log.call.wizard"
    _description = "Log a Call"

    caller_number = fields.Char(string="Caller's Number", required=True)
    match_ids = fields.Many2many(
        "res.partner",
        string="Contacts with this Number",
        compute="_compute_match_ids",
    )
    match_count = fields.Integer(compute="_compute_match_ids")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        help="Found by the number when one contact has it; chosen by the operator "
        "when several have it.",
    )
    new_contact_name = fields.Char(
        string="New Contact",
        help="No contact has this number: a contact with this name and the number is created.",
    )
    name = fields.Char(string="Subject", required=True)
    description = fields.Html(string="Request")
    cs_request_type = fields.Selection(
        # the ticket's types, labels in the user's language
        selection=lambda self: (
            self.env["helpdesk.ticket"]._fields["cs_request_type"]._description_selection(self.env)
        ),
        string="Request Type",
        default="consultation",
        required=True,
    )
    team_id = fields.Many2one("helpdesk.ticket.team")
    identity_confirmed = fields.Boolean(
        help="The caller's identity was checked against the customer file.",
    )
    callback_user_id = fields.Many2one(
        "res.users",
        string="Call Back By",
        domain=[("share", "=", False)],
        help="Empty: the ticket's specialist.",
    )
    callback_date = fields.Date(
        string="Call Back On", required=True, default=fields.Date.context_today
    )

    @api.depends("caller_number")
    def _compute_match_ids(self):
        Partner = self.env["res.partner"]
        for wizard in self:
            wizard.match_ids = Partner._cs_find_by_phone(wizard.caller_number)
            wizard.match_count = len(wizard.match_ids)

    @api.depends("caller_number")
    def _compute_partner_id(self):
        for wizard in self:
            matches = wizard.match_ids
            if len(matches) == 1:
                wizard.partner_id = matches
            elif matches and wizard.partner_id not in matches:
                # several callers possible: the operator chooses, no guess
                wizard.partner_id = False

    @api.model
    def _cs_open(self, partner=None, number=None):
        context = {"default_caller_number": number}
        if partner:
            context["default_partner_id"] = partner.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Log a Call"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    def action_log_call(self):
        self.ensure_one()
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(self.env._("Only customer service logs calls."))
        number = cs_normalize_phone(self.caller_number)
        if not number:
            msg = self.env._(
                "%(number)s is no telephone number: enter the caller's number.",
                number=self.caller_number,
            )
            raise UserError(msg)
        matches = self.env["res.partner"]._cs_find_by_phone(self.caller_number)
        partner = self.partner_id
        if len(matches) > 1 and not partner:
            msg = self.env._(
                "%(count)s contacts have the number %(number)s (%(names)s): choose the "
                "caller in Customer.",
                count=len(matches),
                number=self.caller_number,
                names=", ".join(matches.mapped("display_name")),
            )
            raise UserError(msg)
        if not partner and self.new_contact_name:
            field = "mobile" if number.startswith("1") else "phone"
            partner = self.env["res.partner"].create(
                {"name": self.new_contact_name, field: self.caller_number}
            )
        ticket = self.env["helpdesk.ticket"].create(self._cs_ticket_values(partner))
        if self.identity_confirmed:
            ticket.action_cs_confirm_identity()
        self._cs_log_on_customer(partner, ticket)
        ticket.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=self.callback_date,
            summary=self.env._("Call back %(number)s", number=self.caller_number),
            user_id=(self.callback_user_id or ticket.user_id or self.env.user).id,
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "helpdesk.ticket",
            "res_id": ticket.id,
            "view_mode": "form",
            "target": "current",
        }

    def _cs_ticket_values(self, partner):
        values = {
            "name": self.name,
            "description": self.description or plaintext2html(self.name),
            "partner_id": partner.id,
            "channel_id": self.env["helpdesk.ticket"]._cs_phone_channel().id,
            "cs_request_type": self.cs_request_type,
        }
        if partner:
            values.update(partner_name=partner.name, partner_email=partner.email)
        if self.team_id:
            values["team_id"] = self.team_id.id
        return values

    def _cs_log_on_customer(self, partner, ticket):
        """The call, done, on the customer (a phone-call activity marked done: it
        counts as one of the customer's contacts, see mail.activity), or on the
        ticket when the caller has no customer file."""
        feedback = self.env._(
            "Call from %(number)s: %(ticket)s",
            number=self.caller_number,
            ticket=ticket.display_name,
        )
        if not partner:
            ticket.message_post(body=feedback, subtype_xmlid="mail.mt_note")
            return
        activity = (
            self.env["mail.activity"]
            .sudo()
            .create(
                {
                    "res_model_id": self.env["ir.model"]._get_id("res.partner"),
                    "res_id": partner.id,
                    "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                    "summary": self.env._("Incoming call"),
                    "user_id": self.env.user.id,
                }
            )
        )
        activity.action_feedback(feedback=feedback)
