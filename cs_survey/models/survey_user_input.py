# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .survey_survey import SURVEY_TYPE

LOW_SCORE = 2
# Fields of an answer that are its content: frozen once the customer finished.
LOCKED_FIELDS = {"survey_id", "partner_id", "state", "user_input_line_ids", "cs_revisit_id"}


class SurveyUserInput(models.Model):
    _inherit = "survey.user_input"

    cs_revisit_id = fields.Many2one(
        "cs.revisit",
        string="Revisit",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
        copy=False,
    )
    cs_score = fields.Integer(
        string="Satisfaction Score",
        compute="_compute_cs_answers",
        store=True,
        compute_sudo=True,
        help="The customer's answer to the satisfaction question, from 1 to 5.",
    )
    cs_solved = fields.Selection(
        [("yes", "Solved"), ("no", "Not Solved")],
        string="Solved?",
        compute="_compute_cs_answers",
        store=True,
        compute_sudo=True,
    )
    cs_comment = fields.Text(string="Customer Comment", compute="_compute_cs_comment")
    cs_complaint_id = fields.Many2one(
        "helpdesk.ticket",
        string="Complaint",
        readonly=True,
        copy=False,
        help="The complaint this answer opened or reopened.",
    )

    @api.depends(
        "user_input_line_ids.value_scale",
        "user_input_line_ids.suggested_answer_id",
        "user_input_line_ids.question_id.cs_role",
    )
    def _compute_cs_answers(self):
        for answer in self:
            score, solved = 0, False
            for line in answer.user_input_line_ids:
                if line.skipped:
                    continue
                role = line.question_id.cs_role
                if role == "satisfaction" and line.answer_type == "scale":
                    score = line.value_scale
                elif role == "satisfaction" and line.answer_type == "numerical_box":
                    score = int(line.value_numerical_box)
                elif role == "solved" and line.suggested_answer_id:
                    solved = "yes" if line.suggested_answer_id.cs_solved else "no"
            answer.cs_score = score if 1 <= score <= 5 else 0
            answer.cs_solved = solved

    @api.depends("user_input_line_ids.value_text_box", "user_input_line_ids.value_char_box")
    def _compute_cs_comment(self):
        for answer in self:
            lines = answer.sudo().user_input_line_ids.filtered(
                lambda line: line.question_id.cs_role == "comment" and not line.skipped
            )
            answer.cs_comment = lines[:1].value_text_box or lines[:1].value_char_box or False

    def write(self, vals):
        if not self.env.su and set(vals) & LOCKED_FIELDS:
            self._cs_check_not_done()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._cs_check_not_done()
        return super().unlink()

    def _cs_check_not_done(self):
        for answer in self.sudo():
            if answer.state == "done" and answer.survey_id.survey_type == SURVEY_TYPE:
                raise UserError(
                    self.env._(
                        "The answer of %(customer)s to %(survey)s is final: it cannot be "
                        "changed or deleted.",
                        customer=answer.partner_id.display_name or answer.email or "-",
                        survey=answer.survey_id.title,
                    )
                )

    # ---------------------------------------------------
    # Business methods
    # ---------------------------------------------------

    def _mark_done(self):
        result = super()._mark_done()
        answers = self.filtered(
            lambda a: a.survey_id.survey_type == SURVEY_TYPE and not a.test_entry
        )
        if answers:
            answers.sudo()._cs_process_answers()
        return result

    def _cs_is_low(self):
        self.ensure_one()
        return (self.cs_score and self.cs_score <= LOW_SCORE) or self.cs_solved == "no"

    def _cs_process_answers(self):
        """A finished answer closes its revisit; a low score or "not solved" opens
        a complaint for the customer's specialist, or reopens the complaint the
        survey was about (one invitation per service: no loop)."""
        today = self.env["cs.followup"]._cs_today()
        for answer in self.filtered("cs_revisit_id"):
            answer.cs_revisit_id._cs_mark_answered(answer, today)
        low = self.filtered(lambda a: a._cs_is_low() and not a.cs_complaint_id)
        if not low:
            return
        # a complaint's own survey, not a repair or ticket that came from one
        to_reopen = low.filtered(lambda a: a.cs_revisit_id.source == "complaint")
        to_reopen._cs_reopen_complaints()
        (low - to_reopen)._cs_open_complaints()

    def _cs_complaint_description(self):
        self.ensure_one()
        lines = [
            self.env._("Satisfaction score: %(score)s / 5", score=self.cs_score or "-"),
            self.env._(
                "Solved: %(solved)s",
                solved=dict(self._fields["cs_solved"]._description_selection(self.env)).get(
                    self.cs_solved, "-"
                ),
            ),
            self.env._("Comment: %(comment)s", comment=self.cs_comment or "-"),
        ]
        return Markup("<p>%s</p>") % Markup("<br/>").join(lines)

    def _cs_department_lang(self):
        """The language the department reads: the company's (the customer
        answered in theirs)."""
        company = self.cs_revisit_id.company_id or self.env.company
        return company.partner_id.lang or self.env.lang

    def _cs_open_complaints(self):
        Ticket = self.env["helpdesk.ticket"]
        vals_list = []
        for answer in self:
            partner = answer.partner_id
            source = answer.cs_revisit_id.ticket_id
            specialist = (
                partner.cs_specialist_id
                or partner.commercial_partner_id.cs_specialist_id
                or answer.cs_revisit_id.specialist_id
                or source.user_id
            )
            # written for the specialist who handles it, in their language
            reader = answer.with_context(lang=specialist.lang or answer._cs_department_lang())
            vals_list.append(
                {
                    "name": reader.env._(
                        "Low satisfaction: %(survey)s", survey=reader.survey_id.title
                    ),
                    "description": reader._cs_complaint_description(),
                    "partner_id": partner.id,
                    "cs_request_type": "complaint",
                    "user_id": specialist.id,
                    "team_id": (answer.cs_revisit_id.team_id or source.team_id).id,
                    "company_id": (source.company_id or answer.cs_revisit_id.company_id).id
                    or self.env.company.id,
                    "cs_survey_answer_id": answer.id,
                }
            )
        complaints = Ticket.create(vals_list)
        for answer, complaint in zip(self, complaints, strict=True):
            answer.cs_complaint_id = complaint
            answer.cs_revisit_id.complaint_id = complaint

    def _cs_reopen_complaints(self):
        managers = self.env["cs.revisit"]._cs_managers()
        for answer in self:
            complaint = answer.cs_revisit_id.ticket_id
            complaint._cs_reopen_after_survey()
            answer.cs_complaint_id = complaint
            reader = answer.with_context(lang=answer._cs_department_lang())
            complaint.message_post(
                body=Markup("%s%s")
                % (
                    reader.env._(
                        "The customer's satisfaction survey on this complaint came back "
                        "low: the complaint is reopened."
                    ),
                    reader._cs_complaint_description(),
                ),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
                partner_ids=managers.partner_id.ids,
            )
