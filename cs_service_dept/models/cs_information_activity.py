# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    """Customer information (分发): a recipient who marks their "acknowledge"
    activity done (activity menu, mobile app) acknowledges the information."""

    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        ack_type = self.env.ref(
            "cs_service_dept.mail_activity_type_cs_information_ack", raise_if_not_found=False
        )
        # Only the recipient's own activity: marking another's done acknowledges nothing.
        information_ids = [
            activity.res_id
            for activity in self
            if ack_type
            and activity.res_model == "cs.information"
            and activity.activity_type_id == ack_type
            and activity.user_id == self.env.user
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if information_ids:
            self.env["cs.information.recipient"].sudo().search(
                [
                    ("information_id", "in", information_ids),
                    ("user_id", "=", self.env.uid),
                    ("acknowledged", "=", False),
                ]
            )._cs_acknowledge()
        return result
