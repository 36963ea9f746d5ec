# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Confidentiality of credit documents moves from group rules (OR-ed, so
cancelled by other modules' group rules) to global rules; the rules ship
noupdate, so the old group rules are deleted here."""

from odoo import SUPERUSER_ID, api

OLD_RULES = [
    f"cs_credit_rating.{model}_rule_{scope}"
    for model in (
        "cs_credit_file",
        "cs_credit_evaluation",
        "cs_credit_limit_request",
        "cs_credit_anomaly",
        "cs_credit_grade_change",
    )
    for scope in ("confidential", "supervisor")
]


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in OLD_RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.unlink()
    # Evaluations became approved documents: the existing ones were all
    # computed by the system or recorded by an approved grade change.
    cr.execute(
        "UPDATE cs_credit_evaluation SET state = 'approved' "
        "WHERE origin IN ('policy', 'grade_change') AND state = 'draft'"
    )
    env.invalidate_all()
    partners = env["res.partner"].search([("cs_credit_evaluation_ids", "!=", False)])
    # the latest approved evaluation first, then the grade and score it gives
    env.add_to_compute(partners._fields["cs_credit_evaluation_id"], partners)
    partners.flush_recordset(["cs_credit_evaluation_id"])
    for name in ("cs_credit_grade", "cs_credit_score"):
        env.add_to_compute(partners._fields[name], partners)
    env.flush_all()
