# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression

from .cs_archive import GROUP_SPECIALIST


class IrAttachment(models.Model):
    """The files of an archive follow the archive's record rules (Odoo's
    attachments follow ``res_model``/``res_id``), and outside customer service
    they are readable only by the borrower while the archive is lent to them."""

    _inherit = "ir.attachment"

    @api.model
    def check(self, mode, values=None):
        res = super().check(mode, values=values)
        if self.env.is_superuser():
            return res
        archive_ids = set()
        if self:
            self.flush_model(["res_model", "res_id"])
            self.env.cr.execute(
                """SELECT res_id FROM ir_attachment
                    WHERE id IN %s AND res_model = 'cs.archive' AND res_id IS NOT NULL""",
                [tuple(self.ids)],
            )
            archive_ids.update(row[0] for row in self.env.cr.fetchall())
        if values and values.get("res_model") == "cs.archive" and values.get("res_id"):
            archive_ids.add(values["res_id"])
        if archive_ids:
            self.env["cs.archive"].browse(archive_ids)._cs_check_file_access(mode)
        return res

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.is_superuser() and not self.env.user.has_group(GROUP_SPECIALIST):
            lent = (
                self.env["cs.archive.loan.line"]
                .sudo()
                .search([("borrower_id", "=", self.env.uid), ("state", "=", "on_loan")])
                .archive_id
            )
            domain = expression.AND(
                [
                    ["|", ("res_model", "!=", "cs.archive"), ("res_id", "in", lent.ids)],
                    domain,
                ]
            )
        return super()._search(domain, offset=offset, limit=limit, order=order)
