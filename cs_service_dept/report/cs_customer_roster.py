# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ReportCsCustomerRoster(models.AbstractModel):
    _name = "report.cs_service_dept.report_cs_customer_roster"
    _description = "Customer Roster Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["res.partner"].browse(docids).commercial_partner_id
        docs.check_access("read")
        groups = {}
        for partner in docs.sorted(lambda p: (-p.cs_sales_12m, p.name or "")):
            names = partner.cs_category_ids.mapped("name") or [self.env._("Unclassified")]
            for name in names:
                groups.setdefault(name, []).append(partner)
        return {
            "doc_ids": docs.ids,
            "doc_model": "res.partner",
            "docs": docs,
            "groups": sorted(groups.items()),
        }
