# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        """Marking an activity done, from the chatter, the activity menu or the
        mobile app, also does the customer follow-up behind it: the follow-up is
        done with the feedback as outcome, and a phone call logged as done on a
        customer is recorded as a done follow-up (one of the month's contacts)."""
        if not any(activity.res_model == "res.partner" for activity in self):
            # follow-up activities and logged calls are on the customer
            return super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        Followup = self.env["cs.followup"].sudo()
        linked = Followup.search([("activity_id", "in", self.ids)])
        followups = linked.filtered(lambda f: f.state == "planned")
        calls = self.filtered(
            lambda a: (
                a.res_model == "res.partner"
                and a.activity_type_id.category == "phonecall"
                and a not in linked.activity_id
            )
        )
        customers = {
            call.id: self.env["res.partner"].sudo().browse(call.res_id).commercial_partner_id
            for call in calls
        }
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
        return result
