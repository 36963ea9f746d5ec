# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CsArchiveDestructionLine(models.Model):
    """The destruction register (客户档案销毁处理登记表): who destroyed which
    archive, when and how. Written only by the destruction step."""

    _name = "cs.archive.destruction.line"
    _description = "Archive Destruction Register"
    _order = "destroyed_date desc, id desc"
    _rec_name = "archive_id"

    destruction_id = fields.Many2one(
        "cs.archive.destruction", string="Proposal", required=True, ondelete="restrict"
    )
    archive_id = fields.Many2one("cs.archive", required=True, ondelete="restrict", index=True)
    partner_id = fields.Many2one(related="archive_id.partner_id", string="Customer")
    archive_type = fields.Selection(related="archive_id.archive_type")
    method = fields.Selection([("shred", "Shredded"), ("delete", "Files Deleted")], required=True)
    destroyed_by_id = fields.Many2one("res.users", required=True)
    destroyed_date = fields.Datetime(string="Destroyed On", required=True)
    file_count = fields.Integer(string="Files Deleted")
    company_id = fields.Many2one(related="destruction_id.company_id", store=True)
