# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Customer Service: Credit Rating",
    "summary": "Customer credit files, grading policy, evaluations and approved credit limits",
    "version": "18.0.1.0.0",
    "category": "Services/Customer Service",
    "website": "https://github.com/cs-suite/cs_suite",
    "author": "cs_suite contributors",
    "license": "LGPL-3",
    "installable": True,
    "depends": ["cs_service_dept", "account"],
    "data": [],
}
