# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service Department",
    "summary": "Run a customer service department (客服部): customers, tickets, "
    "after-sales and follow-up in one app",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "website": "https://github.com/cs-suite/cs_suite",
    "author": "cs_suite contributors",
    "license": "LGPL-3",
    "application": True,
    "installable": True,
    "depends": [
        "contacts",
        "sale_management",
        "helpdesk_mgmt",
        "repair",
        "base_tier_validation",
    ],
    "data": [
        "security/cs_service_dept_security.xml",
        "security/cs_service_dept_ticket_security.xml",
        "security/ir.model.access.csv",
        "data/cs_service_data.xml",
        "data/mail_template_data.xml",
        "report/helpdesk_ticket_reports.xml",
        "views/res_partner_views.xml",
        "views/cs_reward_penalty_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/helpdesk_ticket_templates.xml",
        "views/cs_knowledge_article_views.xml",
        "views/cs_ticket_report_views.xml",
        "views/menus.xml",
        "views/helpdesk_ticket_menu.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
        "demo/helpdesk_ticket_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_service_dept/static/tests/tours/*.js",
        ],
    },
}
