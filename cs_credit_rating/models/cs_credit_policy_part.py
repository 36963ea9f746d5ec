# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CsCreditPolicyPart(models.AbstractModel):
    """A part of a grading policy (criterion, threshold, band): written only
    while its policy is a draft. An approved or active policy is read-only to
    everyone; a new version is drafted and approved."""

    _name = "cs.credit.policy.part"
    _description = "Credit Grading Policy Part"

    def _cs_policies(self):
        """The policies the records belong to. Override."""
        return self.env["cs.credit.policy"]

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self.env.su:
            records._cs_policies()._check_editable()
        return records

    def write(self, vals):
        if not self.env.su:
            self.check_access("write")
            self._cs_policies()._check_editable()
        res = super().write(vals)
        if not self.env.su:
            self._cs_policies()._check_editable()
        return res

    def unlink(self):
        if not self.env.su:
            self.check_access("unlink")
            self._cs_policies()._check_editable()
        return super().unlink()
