# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import AccessError


class CommentWizard(models.TransientModel):
    """The reviewer's comment on a suite document: the reviews come from the
    client, so they must be the one open review of that document the user may do."""

    _inherit = "comment.wizard"

    def add_comment(self):
        self.ensure_one()
        if not self.env["tier.review"]._cs_is_protected_model(self.res_model):
            return super().add_comment()
        record = self.env[self.res_model].browse(self.res_id).exists()
        if not record:
            raise AccessError(self.env._("The document to review no longer exists."))
        record._cs_check_review()
        if self.review_ids != record._cs_next_review(self.env.user):
            raise AccessError(
                self.env._(
                    "These reviews are not yours to do on %(document)s.",
                    document=record.display_name,
                )
            )
        return super(CommentWizard, self.sudo()).add_comment()
