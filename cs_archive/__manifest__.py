# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Customer Archives",
    "summary": "Customer archives with a lending ledger, inspections and approved destruction",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "website": "https://github.com/cs-suite/cs_suite",
    "author": "cs_suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["cs_service_dept"],
    "data": [
        "security/cs_archive_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "report/cs_archive_reports.xml",
        "views/cs_archive_views.xml",
        "views/cs_archive_loan_views.xml",
        "views/cs_archive_destruction_views.xml",
        "views/cs_archive_inspection_views.xml",
        "views/res_partner_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_archive_demo.xml",
    ],
    "post_init_hook": "post_init_hook",
    "assets": {
        "web.assets_tests": [
            "cs_archive/static/tests/tours/*.js",
        ],
    },
}
