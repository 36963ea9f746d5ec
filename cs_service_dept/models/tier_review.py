# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError


class TierReview(models.Model):
    """Reviews of the suite's documents are written by cs.approval.mixin only.

    OCA gives every internal user create, write and unlink on ``tier.review``:
    over RPC anyone could create an approved review or rewrite its status,
    requester or reviewer. For documents of models using ``cs.approval.mixin``
    those operations need the approval path (``sudo()`` after its checks);
    other models keep OCA's behaviour.
    """

    _inherit = "tier.review"

    @api.model
    def _cs_is_protected_model(self, model_name):
        return bool(
            model_name
            and model_name in self.env
            and getattr(self.env[model_name], "_cs_approval", False)
        )

    def _cs_check_protected(self, model_names):
        if self.env.su:
            return
        if any(self._cs_is_protected_model(name) for name in model_names):
            raise AccessError(
                self.env._(
                    "Approvals of customer service documents are recorded only by "
                    "their Approve and Reject buttons."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._cs_check_protected({vals.get("model") for vals in vals_list})
        return super().create(vals_list)

    def write(self, vals):
        if vals == {"status": "pending"}:
            # OCA's _compute_can_review opens the next tier while computing:
            # harmless (the mixin still takes the tiers in sequence), let it be.
            return super().write(vals)
        names = set(self.mapped("model"))
        if "model" in vals:
            names.add(vals["model"])
        self._cs_check_protected(names)
        return super().write(vals)

    def unlink(self):
        self._cs_check_protected(set(self.mapped("model")))
        return super().unlink()

    @api.depends("reviewer_ids")
    def _compute_todo_by(self):
        res = super()._compute_todo_by()
        # OCA's "Group %s" is a code string Odoo reads from OCA's own
        # translations only: say it with ours on the suite's documents.
        for review in self.filtered(
            lambda r: r.reviewer_group_id and self._cs_is_protected_model(r.model)
        ):
            review.todo_by = self.env._("Group %(group)s", group=review.reviewer_group_id.name)
        return res
