# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError


class CsFollowup(models.Model):
    """Follow-ups of the relationship management flow: those that support a
    service plan's actions, and the opportunities found in a contact."""

    _name = "cs.followup"
    _inherit = ["cs.followup", "cs.opportunity.mixin"]

    rule = fields.Selection(
        selection_add=[("plan", "Service Plan")], ondelete={"plan": "set default"}
    )
    relationship_plan_id = fields.Many2one(
        "cs.relationship.plan",
        string="Service Plan",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The approved service plan whose action this follow-up supports.",
    )

    @api.model
    def _cs_check_protected(self, vals, creating=False):
        if vals.get("relationship_plan_id"):
            raise AccessError(
                self.env._("A follow-up is linked to a service plan only by its approval.")
            )
        return super()._cs_check_protected(vals, creating=creating)
