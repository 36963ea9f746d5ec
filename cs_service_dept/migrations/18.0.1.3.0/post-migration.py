# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0: the SLA warnings (helpdesk.ticket.sla, ``_cron_cs_sla_warning``)
replace the hand-written job that escalated consultations left unanswered for
four hours. Its scheduled action was ``noupdate`` data, which an upgrade keeps:
it is deleted here (with its server action and XML ids), since the method it
called is gone."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("cs_service_dept.ir_cron_escalate_unanswered", raise_if_not_found=False)
    if cron:
        action = cron.ir_actions_server_id
        cron.unlink()
        action.exists().unlink()
