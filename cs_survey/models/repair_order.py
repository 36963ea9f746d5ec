# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import html2plaintext

GROUP_SPECIALIST = "cs_service_dept.group_cs_specialist"


class RepairOrder(models.Model):
    """The revisit of an accepted repair is a cs.revisit (source "repair"), with
    the repair survey: it takes the place of cs_service_dept's "revisit"
    follow-up, so that a repair has one revisit and one score."""

    _inherit = "repair.order"

    cs_revisit_id = fields.Many2one(
        "cs.revisit",
        string="Satisfaction Revisit",
        compute="_compute_cs_revisit_id",
        groups=GROUP_SPECIALIST,
        help="The revisit of this repair, planned when the customer accepted it.",
    )
    cs_origin_revisit_id = fields.Many2one(
        "cs.revisit",
        string="From Revisit",
        copy=False,
        index="btree_not_null",
        groups=GROUP_SPECIALIST,
        help="The customer feedback (客户意见) this repair or maintenance comes from.",
    )

    def _compute_cs_revisit_id(self):
        # what the user may see (record rules), in one search
        revisits = self.env["cs.revisit"].search(
            [("res_model", "=", self._name), ("res_id", "in", self.ids), ("plan_id", "=", False)]
        )
        by_repair = {revisit.res_id: revisit for revisit in revisits}
        for repair in self:
            repair.cs_revisit_id = by_repair.get(repair.id, False)

    @api.constrains("cs_origin_revisit_id")
    def _check_cs_origin_revisit_id(self):
        # a need comes from a revisit its author may see (the default a client
        # sends, default_cs_origin_revisit_id, grants nothing)
        if not self.env.su:
            self.cs_origin_revisit_id.check_access("read")

    def action_cs_view_revisit(self):
        self.ensure_one()
        return self.cs_revisit_id.get_formview_action()

    def _cs_plan_revisit(self):
        """The revisit of accepted repairs is cs_survey's revisit, with the
        repair survey sent to the customer (once per repair; opt-out and quiet
        days respected), not a follow-up: one revisit, one score per service."""
        repairs = self.filtered(lambda r: r.partner_id and not r.cs_followup_id)
        return self.env["cs.revisit"]._cs_create_for_services(repairs)

    @api.model
    def _cs_convert_revisit_followups(self):
        """Turn the "revisit" follow-ups of accepted repairs (planned before this
        module was installed) into their revisits, so that the revisit rate counts
        them. A planned one becomes a planned revisit: same specialist, due on the
        follow-up's date, by phone or visit as planned (no survey mailed for past
        repairs), and the follow-up is cancelled. A done one becomes a done
        revisit, on the day it was done, with its notes as the feedback."""
        followups = (
            self.env["cs.followup"]
            .sudo()
            .search(
                [
                    ("rule", "=", "revisit"),
                    ("repair_id", "!=", False),
                    ("state", "in", ("planned", "done")),
                ],
                order="state desc, done_date desc, id",  # a done one first
            )
        )
        Revisit = self.env["cs.revisit"].sudo()
        existing = set(
            Revisit.search(
                [("res_model", "=", self._name), ("res_id", "in", followups.repair_id.ids)]
            ).mapped("res_id")
        )
        vals_list = []
        for followup in followups.filtered(lambda f: f.repair_id.id not in existing):
            repair = followup.repair_id
            vals = repair._cs_revisit_values()
            vals.update(
                res_model=self._name,
                res_id=repair.id,
                method=followup.method if followup.method in ("visit", "letter") else "phone",
                specialist_id=followup.specialist_id.id or vals["specialist_id"],
                due_date=max(followup.planned_date, vals["service_date"]),
            )
            if followup.state == "done":
                done_date = followup.done_date or followup.planned_date
                vals.update(
                    state="done",
                    done_date=done_date,
                    service_date=min(vals["service_date"], done_date),
                    feedback=html2plaintext(followup.outcome or "") or False,
                )
            vals_list.append(vals)
            existing.add(repair.id)
        revisits = Revisit.create(vals_list)
        revisits.filtered(lambda r: r.state == "planned")._cs_schedule_activities()
        planned = followups.filtered(lambda f: f.state == "planned")
        planned.write({"state": "cancelled"})
        planned.activity_id.unlink()
        return revisits

    def _cs_revisit_values(self):
        vals = super()._cs_revisit_values()
        vals.setdefault("team_id", self.ticket_id.team_id.id)
        return vals
