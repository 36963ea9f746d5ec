# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportCsCustomerCard(models.AbstractModel):
    _name = "report.cs_service_dept.report_cs_customer_card"
    _description = "Customer Card Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["res.partner"].browse(docids).commercial_partner_id
        docs.check_access("read")
        return {
            "doc_ids": docs.ids,
            "doc_model": "res.partner",
            "docs": docs,
            "card": docs._cs_card_values(),
        }
