# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: the dormancy engine lives on cs.followup; hand-overs to sales are explicit.

- The dormancy scheduled action (``noupdate`` data) calls
  ``cs.followup._cron_plan_dormancy()`` instead of the removed
  ``res.partner._cron_dormancy_followup()``.
- A customer whose "Followed Up By" was changed to sales (the change is in the
  field's tracking) was handed to sales on purpose: it gets the hand-over date of
  that change, so rule 4 keeps leaving it to sales. Customers still on the field's
  default are not handed over: rules 1 and 2 now call them when they have a
  specialist.
- The secret-customer group rules on res.partner are replaced by one global rule
  (group rules are OR-ed, so another module's rule cancelled them): the old
  ``noupdate`` records are deleted.
"""

from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

HANDOVER_REASON = "Followed up by sales before the upgrade to 18.0.1.1.0"


OLD_RULES = (
    "cs_service_dept.res_partner_rule_confidential_user",
    "cs_service_dept.res_partner_rule_confidential_supervisor",
)


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in OLD_RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.unlink()
    cron = env.ref("cs_service_dept.ir_cron_dormancy_followup", raise_if_not_found=False)
    if cron:
        cron.write(
            {
                "model_id": env["ir.model"]._get_id("cs.followup"),
                "code": "model._cron_plan_dormancy()",
            }
        )
    field = env["ir.model.fields"]._get("res.partner", "cs_owner")
    cr.execute(
        SQL(
            """UPDATE res_partner p
                  SET cs_handover_date = t.changed::date, cs_handover_reason = %(reason)s
                 FROM (SELECT m.res_id, max(m.date) AS changed
                         FROM mail_tracking_value v
                         JOIN mail_message m ON m.id = v.mail_message_id
                        WHERE v.field_id = %(field)s AND m.model = 'res.partner'
                     GROUP BY m.res_id) AS t
                WHERE p.id = t.res_id AND p.cs_owner = 'sales'
                  AND p.cs_handover_date IS NULL""",
            reason=HANDOVER_REASON,
            field=field.id,
        )
    )
    env["res.partner"].invalidate_model(["cs_handover_date", "cs_handover_reason"])
