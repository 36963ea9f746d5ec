# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

MANAGER_GROUP = "cs_service_dept.group_cs_manager"


class CsQualityAction(models.Model):
    """An improvement action of a quality summary, with its owner."""

    _name = "cs.quality.action"
    _description = "Service Improvement Action"
    _order = "deadline, id"

    summary_id = fields.Many2one(
        "cs.quality.summary", required=True, ondelete="cascade", index=True
    )
    summary_name = fields.Char(
        string="Quality Summary",
        compute="_compute_summary_name",
        help="The summary's name, for owners who cannot open the summary itself.",
    )
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, domain=[("share", "=", False)]
    )
    deadline = fields.Date()
    done = fields.Boolean()

    def _compute_summary_name(self):
        # the owner of an action reads its summary's name, not the summary
        for action in self:
            action.summary_name = action.sudo().summary_id.display_name

    def write(self, vals):
        # Owners mark their actions done; what is done and by whom is the managers'.
        if not self.env.su and set(vals) - {"done"} and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only a customer service manager changes an improvement action; "
                    "its owner marks it done."
                )
            )
        return super().write(vals)
