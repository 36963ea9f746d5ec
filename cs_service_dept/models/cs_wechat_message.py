# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

PLATFORMS = [("mp", "WeChat Official Account"), ("wecom", "WeCom Customer Service")]


class CsWechatMessage(models.Model):
    """A WeChat message already turned into a ticket or a ticket message: the
    platforms send a callback again when we answer late, and a replayed
    callback must not open a second ticket (unique message id)."""

    _name = "cs.wechat.message"
    _description = "Received WeChat Message"
    _order = "id desc"

    name = fields.Char(string="Message ID", required=True, readonly=True, index=True)
    platform = fields.Selection(PLATFORMS, required=True, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, readonly=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    ticket_id = fields.Many2one("helpdesk.ticket", readonly=True, index="btree_not_null")

    _sql_constraints = [
        (
            "cs_wechat_message_unique",
            "unique(company_id, platform, name)",
            "A WeChat message is recorded once.",
        )
    ]
