# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    cs_survey_answer_id = fields.Many2one(
        "survey.user_input",
        string="From Survey Answer",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The low satisfaction answer that opened this complaint.",
    )
    cs_revisit_ids = fields.One2many("cs.revisit", "ticket_id", string="Revisits")
    cs_origin_revisit_id = fields.Many2one(
        "cs.revisit",
        string="From Revisit",
        copy=False,
        index="btree_not_null",
        help="The customer feedback (客户意见) this service need comes from.",
    )

    @api.constrains("cs_origin_revisit_id")
    def _check_cs_origin_revisit_id(self):
        # a need comes from a revisit its author may see (the default a client
        # sends, default_cs_origin_revisit_id, grants nothing)
        if not self.env.su:
            self.cs_origin_revisit_id.check_access("read")

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(vals.get("cs_survey_answer_id") for vals in vals_list):
            self.env["cs.revisit"]._cs_check_system_fields({"cs_survey_answer_id"})
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "cs_survey_answer_id" in vals:
            self.env["cs.revisit"]._cs_check_system_fields({"cs_survey_answer_id"})
        # Only a move into a closing stage plans revisits: other writes pay nothing.
        stage = self.env["helpdesk.ticket.stage"].browse(vals.get("stage_id"))
        if not stage.closed:
            return super().write(vals)
        closing = self.filtered(lambda t: not t.closed)
        result = super().write(vals)
        # a repair request is revisited once, when its repair is accepted (the
        # repair's revisit), not also when the ticket closes
        closing = closing.filtered(
            lambda t: (
                t.partner_id
                and not (
                    t.cs_request_type == "repair"
                    and t.cs_repair_ids.filtered(lambda r: r.state != "cancel")
                )
            )
        )
        if closing:
            self.env["cs.revisit"]._cs_create_for_services(closing)
        return result

    def _cs_revisit_values(self):
        """What the revisit of this closed ticket needs (cs.revisit hook)."""
        self.ensure_one()
        partner = self.partner_id
        first_contact = (
            self.cs_request_type == "consultation"
            and self.cs_first_contact_resolution
            and not self.env["ir.config_parameter"]
            .sudo()
            .get_param("cs_survey.revisit_first_contact")
        )
        return {
            "partner_id": partner.id,
            "company_id": self.company_id.id or self.env.company.id,
            "source": "complaint" if self.cs_request_type == "complaint" else "ticket",
            "ticket_id": self.id,
            "team_id": self.team_id.id,
            "specialist_id": (
                partner.cs_specialist_id
                or partner.commercial_partner_id.cs_specialist_id
                or self.user_id
            ).id,
            # the department's day, not the server's (cs.followup's local time)
            "service_date": self.env["cs.followup"]._cs_local_date(
                self.closed_date or fields.Datetime.now()
            ),
            "required": not first_contact,
        }

    def _cs_reopen_after_survey(self):
        """Reopen a closed complaint the customer is not satisfied with: a new
        solution must be proposed (sudo: called from the customer's answer)."""
        tickets = self.sudo()
        fallback = None  # an open stage of no team, looked up once if needed
        for ticket in tickets:
            stage = ticket.team_id._get_applicable_stages().filtered(lambda s: not s.closed)[:1]
            if not stage:
                if fallback is None:
                    fallback = self.env["helpdesk.ticket.stage"].search(
                        [("closed", "=", False), ("team_ids", "=", False)], limit=1
                    )
                stage = fallback
            vals = {"stage_id": stage.id} if stage and ticket.closed else {}
            ticket._cs_back_to_new_solution(**vals)
