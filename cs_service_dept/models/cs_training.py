# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError


class CsTraining(models.Model):
    """A training session of the specialists (客服人员培训): topic, trainer,
    material (knowledge base articles, attachments), attendees and their
    attendance, and its assessment: an Odoo survey in certification mode whose
    pass mark decides each attendee's result. Passing may propose a higher
    skill level, which a supervisor applies."""

    _name = "cs.training"
    _description = "Training Session"
    _inherit = ["mail.thread", "mail.activity.mixin", "cs.document.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Topic", required=True, tracking=True)
    trainer_id = fields.Many2one(
        "res.users",
        default=lambda self: self.env.user,
        domain=[("share", "=", False)],
        tracking=True,
    )
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    duration = fields.Float(string="Duration (h)", default=2.0)
    location = fields.Char()
    description = fields.Html(string="Programme")
    article_ids = fields.Many2many(
        "cs.knowledge.article", string="Knowledge Base Articles", help="Material of the session."
    )
    attachment_ids = fields.Many2many(
        "ir.attachment", string="Material Files", help="Slides, handouts, recordings."
    )
    attendee_ids = fields.One2many("cs.training.attendee", "training_id", string="Attendees")
    attendee_count = fields.Integer(compute="_compute_counts")
    passed_count = fields.Integer(string="Passed", compute="_compute_counts")
    survey_id = fields.Many2one(
        "survey.survey",
        string="Assessment",
        domain=[("certification", "=", True)],
        tracking=True,
        help="A survey in certification mode: its pass mark decides each attendee's result.",
    )
    pass_mark = fields.Float(related="survey_id.scoring_success_min", string="Pass Mark (%)")
    certified_level = fields.Integer(
        string="Certified Skill Level",
        help="Passing the assessment proposes this skill level (1 to 5) for the attendee, "
        "when higher than theirs. 0: no skill level is proposed.",
    )
    assessment_sent = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("planned", "Planned"),
            ("done", "Done"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "certified_level_range",
            "CHECK(certified_level BETWEEN 0 AND 5)",
            "The certified skill level goes from 1 to 5 (0: none).",
        ),
    ]

    @api.depends("attendee_ids.passed")
    def _compute_counts(self):
        for training in self:
            training.attendee_count = len(training.attendee_ids)
            training.passed_count = len(training.attendee_ids.filtered("passed"))

    # ------------------------------------------------------------- actions

    def _check_supervisor(self):
        if not self.env.user.has_group("cs_service_dept.group_cs_supervisor"):
            raise AccessError(self.env._("Only a supervisor runs training sessions."))

    def action_plan(self):
        self._check_supervisor()
        self._cs_check_state(["draft"])
        for training in self:
            if not training.attendee_ids:
                msg = self.env._(
                    "Add the attendees of %(training)s before planning it.",
                    training=training.display_name,
                )
                raise UserError(msg)
        self.write({"state": "planned"})
        for training in self:
            training.message_subscribe(partner_ids=training.attendee_ids.user_id.partner_id.ids)
        return True

    def action_done(self):
        self._check_supervisor()
        self._cs_check_state(["planned"])
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self._check_supervisor()
        self._cs_check_state(["draft", "planned"])
        self.write({"state": "cancel"})
        return True

    def action_draft(self):
        self._check_supervisor()
        self._cs_check_state(["cancel"])
        self.write({"state": "draft"})
        return True

    def action_send_assessment(self):
        """Invite the attendees present to the certification (Odoo's survey
        invitation: each gets their own answer and a mail with its link)."""
        self._check_supervisor()
        self._cs_check_state(["planned", "done"])
        template = self.env.ref("survey.mail_template_user_input_invite")
        for training in self:
            survey = training.survey_id
            if not survey or not survey.certification:
                msg = self.env._(
                    "%(training)s has no assessment: choose a survey in certification mode.",
                    training=training.display_name,
                )
                raise UserError(msg)
            attendees = training.attendee_ids.filtered(lambda a: a.attendance != "absent")
            if not attendees:
                msg = self.env._(
                    "Nobody attended %(training)s: there is nobody to assess.",
                    training=training.display_name,
                )
                raise UserError(msg)
            invite = (
                self.env["survey.invite"]
                .sudo()
                .with_context(default_survey_id=survey.id)
                .create(
                    {
                        "survey_id": survey.id,
                        "partner_ids": [Command.set(attendees.user_id.partner_id.ids)],
                        "template_id": template.id,
                        "author_id": self.env.user.partner_id.id,
                    }
                )
            )
            invite.action_invite()
            training.attendee_ids.invalidate_recordset()
            training.assessment_sent = True
            training.message_post(
                body=self.env._(
                    "Assessment %(survey)s sent to %(count)s attendees.",
                    survey=survey.title,
                    count=len(attendees),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_apply_skill_levels(self):
        """Apply the proposed skill levels of the attendees who passed."""
        self._check_supervisor()
        self.attendee_ids.filtered("proposed_skill_level").action_apply_skill_level()
        return True
