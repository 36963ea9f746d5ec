# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CsTrainingAttendee(models.Model):
    """A specialist attending a training session, with their attendance and
    the result of the session's certification (the latest finished answer,
    passed when it reaches the survey's pass mark)."""

    _name = "cs.training.attendee"
    _description = "Training Attendee"
    _order = "training_date desc, id"
    _rec_name = "user_id"

    training_id = fields.Many2one("cs.training", required=True, ondelete="cascade", index=True)
    training_date = fields.Datetime(related="training_id.date", store=True, string="Date")
    training_state = fields.Selection(related="training_id.state", string="Session Status")
    user_id = fields.Many2one(
        "res.users",
        string="Specialist",
        required=True,
        index=True,
        ondelete="cascade",
        domain=[("share", "=", False)],
    )
    attendance = fields.Selection(
        [("invited", "Invited"), ("present", "Present"), ("absent", "Absent")],
        default="invited",
        required=True,
    )
    user_input_id = fields.Many2one(
        "survey.user_input", string="Answer", compute="_compute_result", compute_sudo=True
    )
    assessment_state = fields.Selection(
        [("none", "Not Sent"), ("open", "To Take"), ("done", "Taken")],
        compute="_compute_result",
        compute_sudo=True,
    )
    score = fields.Float(string="Score (%)", compute="_compute_result", compute_sudo=True)
    passed = fields.Boolean(compute="_compute_result", compute_sudo=True)
    skill_level = fields.Integer(
        string="Current Skill Level", compute="_compute_skill", compute_sudo=True
    )
    proposed_skill_level = fields.Integer(compute="_compute_skill", compute_sudo=True)
    skill_applied = fields.Boolean(string="Skill Level Applied", readonly=True, copy=False)
    company_id = fields.Many2one(related="training_id.company_id", store=True)

    _sql_constraints = [
        ("user_uniq", "unique(training_id, user_id)", "This specialist already attends."),
    ]

    @api.depends("training_id.survey_id", "user_id")
    def _compute_result(self):
        """The attendees' answers in one search: a finished answer counts over
        an open one, a passed over a failed, the latest last."""
        answers = self.env["survey.user_input"].search(
            [
                ("survey_id", "in", self.training_id.survey_id.ids),
                ("partner_id", "in", self.user_id.partner_id.ids),
                ("test_entry", "=", False),
            ],
            order="id",
        )
        best = {}
        for answer in answers:
            key = (answer.survey_id.id, answer.partner_id.id)
            current = best.get(key)
            rank = (answer.state == "done", answer.scoring_success, answer.id)
            if not current or rank > (
                current.state == "done",
                current.scoring_success,
                current.id,
            ):
                best[key] = answer
        for attendee in self:
            answer = best.get(
                (attendee.training_id.survey_id.id, attendee.user_id.partner_id.id),
                answers.browse(),
            )
            attendee.user_input_id = answer
            attendee.assessment_state = (
                "none" if not answer else "done" if answer.state == "done" else "open"
            )
            attendee.score = answer.scoring_percentage if answer.state == "done" else 0.0
            attendee.passed = bool(answer.state == "done" and answer.scoring_success)

    @api.depends("passed", "skill_applied", "training_id.certified_level", "user_id")
    def _compute_skill(self):
        specialists = self.env["cs.specialist"].search([("user_id", "in", self.user_id.ids)])
        levels = {specialist.user_id.id: specialist.skill_level for specialist in specialists}
        for attendee in self:
            level = levels.get(attendee.user_id.id, 0)
            certified = attendee.training_id.certified_level
            attendee.skill_level = level
            attendee.proposed_skill_level = (
                certified
                if attendee.passed and not attendee.skill_applied and level and certified > level
                else 0
            )

    def action_apply_skill_level(self):
        """The supervisor applies the skill level proposed by a passed
        certification to the specialist (used by the assignment)."""
        if not self.env.user.has_group("cs_service_dept.group_cs_supervisor"):
            raise AccessError(self.env._("Only a supervisor changes a specialist's skill level."))
        self.check_access("write")
        specialists = self.env["cs.specialist"].search([("user_id", "in", self.user_id.ids)])
        by_user = {specialist.user_id: specialist for specialist in specialists}
        for attendee in self:
            if not attendee.proposed_skill_level:
                msg = self.env._(
                    "No skill level is proposed for %(specialist)s by %(training)s.",
                    specialist=attendee.user_id.name,
                    training=attendee.training_id.display_name,
                )
                raise UserError(msg)
        for attendee in self:
            specialist = by_user[attendee.user_id]
            level = attendee.proposed_skill_level
            specialist.sudo().skill_level = level
            specialist.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "Skill level %(level)s after passing %(training)s.",
                    level=level,
                    training=attendee.training_id.display_name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        self.write({"skill_applied": True})
        return True

    def action_take_assessment(self):
        """The attendee opens their own answer of the certification."""
        self.ensure_one()
        if self.user_id != self.env.user:
            raise AccessError(self.env._("Only the attendee takes their assessment."))
        answer = self.sudo().user_input_id
        if not answer or answer.state == "done":
            raise UserError(self.env._("There is no assessment to take for this session."))
        return {"type": "ir.actions.act_url", "url": answer.get_start_url(), "target": "self"}
