# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0: the SLA warnings (helpdesk.ticket.sla, ``_cron_cs_sla_warning``)
replace the hand-written job that escalated consultations left unanswered for
four hours. Its scheduled action was ``noupdate`` data, which an upgrade keeps:
it is deleted here (with its server action and XML ids), since the method it
called is gone.

So that the consultations are still escalated after the upgrade, a database
without any first-response SLA gets the old job's rule as one: consultations
answered within 4 working hours, on every team (now using SLAs), and the open
consultations not answered yet get their SLA lines."""

from odoo import SUPERUSER_ID, api

# the old job's rule as an SLA, named in the languages the suite ships
FIRST_RESPONSE_SLA = {
    "en_US": "Consultations answered within 4 working hours",
    "zh_CN": "咨询在 4 个工作小时内答复",
    "zh_TW": "諮詢在 4 個工作小時內答覆",
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("cs_service_dept.ir_cron_escalate_unanswered", raise_if_not_found=False)
    if cron:
        action = cron.ir_actions_server_id
        cron.unlink()
        action.exists().unlink()
    _create_first_response_sla(env)


def _create_first_response_sla(env):
    Sla = env["helpdesk.sla"]
    if Sla.search_count([("cs_target", "=", "first_response")]):
        return
    sla = Sla.with_context(lang="en_US").create(
        {
            "name": FIRST_RESPONSE_SLA["en_US"],
            "cs_target": "first_response",
            "cs_request_type": "consultation",
            "hours": 4,
        }
    )
    for lang in env["res.lang"].search([("code", "in", list(FIRST_RESPONSE_SLA))]).mapped("code"):
        sla.with_context(lang=lang).name = FIRST_RESPONSE_SLA[lang]
    teams = env["helpdesk.ticket.team"].search([("use_sla", "=", False)])
    teams.use_sla = True
    open_consultations = env["helpdesk.ticket"].search(
        [
            ("team_id", "in", teams.ids),
            ("closed", "=", False),
            ("cs_request_type", "=", "consultation"),
            ("cs_first_response_date", "=", False),
        ]
    )
    # their teams had no SLA: no line to keep
    open_consultations.set_sla()
