# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class CsInformationRecipient(models.Model):
    """One recipient of a distributed information record and whether they
    acknowledged it. Written by the distribution and by the recipient's own
    acknowledgement only."""

    _name = "cs.information.recipient"
    _description = "Customer Information Recipient"
    _order = "acknowledged, id"

    information_id = fields.Many2one(
        "cs.information", required=True, ondelete="cascade", index=True
    )
    user_id = fields.Many2one("res.users", string="Recipient", required=True, index=True)
    acknowledged = fields.Boolean(readonly=True, copy=False)
    acknowledge_date = fields.Datetime(string="Acknowledged On", readonly=True, copy=False)
    company_id = fields.Many2one(related="information_id.company_id", store=True)

    _sql_constraints = [
        (
            "information_user_uniq",
            "unique(information_id, user_id)",
            "This user already received this information.",
        )
    ]

    def write(self, vals):
        if not self.env.su and {"acknowledged", "acknowledge_date", "user_id"} & set(vals):
            raise AccessError(
                self.env._("A recipient acknowledges with the Acknowledge button only.")
            )
        return super().write(vals)

    def action_acknowledge(self):
        """The recipient confirms having read the information."""
        self.check_access("read")
        others = self.filtered(lambda line: line.user_id != self.env.user)
        if others:
            raise AccessError(
                self.env._(
                    "Only the recipient acknowledges: %(users)s must do it themselves.",
                    users=", ".join(others.user_id.mapped("name")),
                )
            )
        self.filtered(lambda line: not line.acknowledged)._cs_acknowledge()
        return True

    def _cs_acknowledge(self):
        """Record the acknowledgement, close the recipient's activity and say
        so in the chatter. Runs after the caller's checks."""
        lines = self.sudo()
        if not lines:
            return
        lines.write({"acknowledged": True, "acknowledge_date": fields.Datetime.now()})
        activity_type = self.env.ref("cs_service_dept.mail_activity_type_cs_information_ack")
        for line in lines:
            activities = line.information_id.activity_ids.filtered(
                lambda a, line=line: (
                    a.user_id == line.user_id and a.activity_type_id == activity_type
                )
            )
            activities.action_feedback(feedback=self.env._("Acknowledged."))
            line.information_id.message_post(
                body=self.env._("%(user)s acknowledged the information.", user=line.user_id.name),
                subtype_xmlid="mail.mt_note",
                author_id=line.user_id.partner_id.id,
            )
