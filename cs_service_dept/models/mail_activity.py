# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# Records a phone call is logged on: the customer, or the ticket of a customer.
CALLED_MODELS = ("res.partner", "helpdesk.ticket")


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking an activity done, from the chatter, the activity menu or the
        mobile app, also does the customer follow-up behind it: the follow-up is
        done with the feedback as outcome, and a phone call logged as done on a
        customer is recorded as a done follow-up (one of the month's contacts).
        So is the callback of a ticket (the answer to a request by phone), which
        is also the ticket's first response."""
        if not any(activity.res_model in CALLED_MODELS for activity in self):
            # follow-up activities and logged calls are on the customer or a ticket
            return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        Followup = self.env["cs.followup"].sudo()
        linked = Followup.search([("activity_id", "in", self.ids)])
        followups = linked.filtered(lambda f: f.state == "planned")
        calls = self.filtered(
            lambda a: (
                a.res_model in CALLED_MODELS
                and a.activity_type_id.category == "phonecall"
                and a not in linked.activity_id
            )
        )
        called = {call.id: self.env[call.res_model].sudo().browse(call.res_id) for call in calls}
        customers = {
            call_id: (
                record if record._name == "res.partner" else record.partner_id
            ).commercial_partner_id
            for call_id, record in called.items()
        }
        answered = [
            record
            for record in called.values()
            if record._name == "helpdesk.ticket" and not record.cs_first_response_date
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if followups:
            followups._cs_mark_done(feedback)
        user = self.env.user
        vals_list = [
            {
                "partner_id": customer.id,
                "method": "phone",
                "state": "done",
                "specialist_id": user.id if not user.share else False,
            }
            for customer in customers.values()
            if customer.exists() and (customer.customer_rank or customer.cs_specialist_id)
        ]
        if vals_list:
            Followup.create(vals_list)._cs_mark_done(feedback)
        for ticket in answered:
            if ticket.exists():
                ticket.cs_first_response_date = fields.Datetime.now()
        return result
