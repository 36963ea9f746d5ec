# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Credit Rating",
    "summary": "Customer credit files, grading policy, evaluations and approved credit limits",
    "version": "18.0.1.3.0",
    "category": "Services/Customer Service",
    "website": "https://github.com/cs-suite/cs_suite",
    "author": "cs_suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": [
        "cs_service_dept",
        "account",
        "sale_management",
        "base_tier_validation",
    ],
    "data": [
        "security/cs_credit_rating_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/cs_credit_policy_data.xml",
        "data/tier_definition_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_activity_type_data.xml",
        "report/cs_credit_limit_notice_report.xml",
        "data/mail_template_data.xml",
        "views/cs_credit_file_views.xml",
        "views/cs_credit_figure_views.xml",
        "views/cs_credit_policy_views.xml",
        "views/cs_credit_evaluation_views.xml",
        "views/cs_credit_limit_request_views.xml",
        "views/cs_credit_anomaly_views.xml",
        "views/cs_credit_grade_change_views.xml",
        "views/res_partner_views.xml",
        "views/sale_order_views.xml",
        "wizards/cs_credit_override_wizard_views.xml",
        "views/menus.xml",
    ],
    "uninstall_hook": "uninstall_hook",
    "demo": [
        "demo/cs_credit_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "cs_credit_rating/static/tests/tours/*.js",
        ],
    },
}
