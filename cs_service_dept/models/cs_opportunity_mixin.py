# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class CsOpportunityMixin(models.AbstractModel):
    """Sales opportunities found in a service contact (销售机会挖掘).

    A model where customer service meets customers (a ticket, a follow-up, a
    revisit of cs_survey…) inherits this mixin to get the "Create Opportunity"
    button: one CRM opportunity for the customer's salesperson, linked back to
    its origin (``cs_origin_model``/``cs_origin_id`` on the opportunity, smart
    buttons both ways), and the hand-over to sales recorded on the customer
    through the same path as the hand-over wizard (``_cs_hand_to_sales``).
    Override ``_cs_opportunity_partner`` and ``_cs_opportunity_values`` to adapt.
    """

    _name = "cs.opportunity.mixin"
    _description = "Sales Opportunities from Service Contacts"

    cs_lead_count = fields.Integer(string="Opportunities", compute="_compute_cs_lead_count")

    def _compute_cs_lead_count(self):
        counts = {}
        if self.ids:
            groups = (
                self.env["crm.lead"]
                .sudo()
                .with_context(active_test=False)
                ._read_group(
                    [("cs_origin_model", "=", self._name), ("cs_origin_id", "in", self.ids)],
                    ["cs_origin_id"],
                    ["__count"],
                )
            )
            counts = dict(groups)
        for record in self:
            record.cs_lead_count = counts.get(record.id, 0)

    def _cs_opportunity_partner(self):
        """The customer the opportunity is for (commercial entity)."""
        self.ensure_one()
        return self.partner_id.commercial_partner_id

    def _cs_opportunity_values(self, partner):
        """Values of the opportunity created from this record."""
        self.ensure_one()
        return {
            "name": self.env._(
                "%(customer)s: opportunity from %(origin)s",
                customer=partner.name,
                origin=self.display_name,
            ),
            "type": "opportunity",
            "partner_id": partner.id,
            "user_id": partner.user_id.id,
            "company_id": (
                self.company_id.id if "company_id" in self._fields else self.env.company.id
            ),
            "cs_origin_model": self._name,
            "cs_origin_id": self.id,
        }

    def action_cs_create_opportunity(self):
        """Create the opportunity for the customer's salesperson and hand the
        customer over to sales. Customer service staff only."""
        self.ensure_one()
        if not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(
                self.env._("Only customer service creates opportunities from its contacts.")
            )
        self.check_access("read")
        partner = self._cs_opportunity_partner()
        if not partner:
            raise UserError(
                self.env._(
                    "%(origin)s has no customer: there is no one to sell to.",
                    origin=self.display_name,
                )
            )
        if not partner.user_id:
            raise UserError(
                self.env._(
                    "The customer %(customer)s has no salesperson: set one on the customer "
                    "before creating an opportunity.",
                    customer=partner.display_name,
                )
            )
        # sudo: the opportunity belongs to the salesperson, whom the specialist
        # may not write for (sales' personal-leads rule).
        lead = self.env["crm.lead"].sudo().create(self._cs_opportunity_values(partner))
        lead.message_post_with_source(
            "mail.message_origin_link",
            render_values={"self": lead, "origin": self},
            subtype_xmlid="mail.mt_note",
        )
        self.message_post(
            body=Markup("<p>%s</p>")
            % self.env._(
                "Opportunity %(lead)s created for %(salesperson)s.",
                lead=lead.name,
                salesperson=partner.user_id.name,
            ),
            subtype_xmlid="mail.mt_note",
        )
        partner._cs_hand_to_sales(
            self.env._(
                "sales opportunity %(lead)s from %(origin)s",
                lead=lead.name,
                origin=self.display_name,
            )
        )
        return self.action_cs_view_opportunities()

    def action_cs_view_opportunities(self):
        self.ensure_one()
        leads = (
            self.env["crm.lead"]
            .sudo()
            .search([("cs_origin_model", "=", self._name), ("cs_origin_id", "=", self.id)])
        )
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Opportunities"),
            "res_model": "crm.lead",
            "domain": [("id", "in", leads.ids)],
            "context": {"create": False},
        }
        if len(leads) == 1:
            action.update(view_mode="form", res_id=leads.id)
        else:
            action.update(view_mode="list,form")
        return action
