# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Confidentiality of credit documents moves from group rules (OR-ed, so
cancelled by other modules' group rules) to global rules; the rules ship
noupdate, so the old group rules are deleted here.

The credit documents move to cs.approval.mixin: a document whose approval was
requested in 18.0.1.0.0 (a draft with open reviews) waits for its approval in
the new ``to_approve`` state, its requester (the old ``user_id``, a column the
ORM leaves) recorded as the mixin's, so that they still cannot approve it."""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL
from odoo.tools.sql import column_exists

APPROVED_TABLES = {
    "cs.credit.policy": "cs_credit_policy",
    "cs.credit.limit.request": "cs_credit_limit_request",
    "cs.credit.grade.change": "cs_credit_grade_change",
}
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
    for model, table in APPROVED_TABLES.items():
        if not column_exists(cr, table, "user_id"):
            continue
        cr.execute(
            SQL(
                """
                UPDATE %(table)s doc
                   SET state = 'to_approve', cs_requester_id = doc.user_id
                 WHERE doc.state = 'draft'
                   AND EXISTS (
                        SELECT 1 FROM tier_review review
                         WHERE review.model = %(model)s AND review.res_id = doc.id
                           AND review.status IN ('waiting', 'pending'))
                """,
                table=SQL.identifier(table),
                model=model,
            )
        )
    env.invalidate_all()
    partners = (
        env["res.partner"]
        .with_context(active_test=False)
        .search([("cs_credit_evaluation_ids", "!=", False)])
    )
    # the grade and score of the latest approved evaluation (stored until
    # 18.0.1.3.0, which derives them: nothing to recompute then)
    for name in ("cs_credit_grade", "cs_credit_score"):
        if partners._fields[name].store:
            env.add_to_compute(partners._fields[name], partners)
    env.flush_all()
