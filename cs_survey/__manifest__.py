# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Satisfaction Surveys",
    "summary": "Satisfaction and revisit surveys on Odoo's survey app",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "website": "https://github.com/cs-suite/cs_suite",
    "author": "cs_suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "post_init_hook": "post_init_hook",
    "depends": ["cs_service_dept", "survey"],
    "data": [
        "security/cs_survey_security.xml",
        "security/ir.model.access.csv",
        "data/survey_survey_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "views/survey_survey_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/repair_order_views.xml",
        "views/cs_revisit_views.xml",
        "views/cs_revisit_plan_views.xml",
        "views/cs_satisfaction_report_views.xml",
        "views/cs_quality_summary_views.xml",
        "views/cs_quality_action_views.xml",
        "report/cs_quality_summary_report.xml",
        "views/res_config_settings_views.xml",
        "views/res_partner_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/cs_survey_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_survey/static/tests/tours/*.js",
        ],
    },
}
