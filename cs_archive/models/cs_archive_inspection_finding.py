# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from .cs_archive import GROUP_SPECIALIST


class CsArchiveInspectionFinding(models.Model):
    """What an inspection found on one archive, the fix proposed (reviewed by
    the Manager with the inspection) and its progress to done."""

    _name = "cs.archive.inspection.finding"
    _description = "Archive Inspection Finding"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id"
    _rec_name = "archive_id"

    inspection_id = fields.Many2one("cs.archive.inspection", required=True, ondelete="cascade")
    archive_id = fields.Many2one("cs.archive", required=True, index=True)
    kind = fields.Selection(
        [
            ("missing", "Missing"),
            ("damaged", "Damaged"),
            ("misfiled", "Misfiled"),
            ("out_of_date", "Out of Date"),
        ],
        required=True,
        default="misfiled",
    )
    description = fields.Text()
    proposed_fix = fields.Text()
    department_support = fields.Char(
        string="Support from Other Departments",
        help="What another department does to fix it (who, what).",
    )
    responsible_id = fields.Many2one("res.users", domain=[("share", "=", False)])
    state = fields.Selection(
        [("todo", "To Fix"), ("done", "Fixed")],
        default="todo",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    done_date = fields.Date(string="Fixed On", readonly=True, copy=False)
    inspection_state = fields.Selection(related="inspection_id.state", string="Inspection Status")
    company_id = fields.Many2one(related="inspection_id.company_id", store=True)

    def write(self, vals):
        if not self.env.su:
            if {"state", "done_date"} & set(vals):
                raise AccessError(self.env._("A fix is marked done only by its button."))
            frozen = {"archive_id", "kind", "proposed_fix"} & set(vals)
            reviewed = self.filtered(lambda f: f.inspection_id.state not in ("draft",))
            if frozen and reviewed:
                raise UserError(self.env._("A finding sent to the Manager cannot be changed."))
        return super().write(vals)

    def action_done(self):
        if not self.env.su and not self.env.user.has_group(GROUP_SPECIALIST):
            raise AccessError(self.env._("Only customer service marks a fix done."))
        self.check_access("write")
        not_approved = self.filtered(lambda f: f.inspection_id.state != "approved")
        if not_approved:
            raise UserError(
                self.env._(
                    "%(archives)s: the Manager has not approved the fix yet.",
                    archives=", ".join(not_approved.mapped("display_name")),
                )
            )
        self.sudo().write({"state": "done", "done_date": fields.Date.context_today(self)})
        for finding in self:
            finding.message_post(
                body=self.env._("Fixed by %(user)s.", user=self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )
        return True
