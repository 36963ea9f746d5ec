# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CsInformationProposalAction(models.Model):
    """An action of an improvement proposal, with its owner and due date. The
    owner (who may be outside the department) marks it done."""

    _name = "cs.information.proposal.action"
    _description = "Improvement Proposal Action"
    _order = "date_deadline, id"

    proposal_id = fields.Many2one(
        "cs.information.proposal", required=True, ondelete="cascade", index=True
    )
    name = fields.Char(string="Action", required=True)
    user_id = fields.Many2one(
        "res.users", string="Owner", required=True, index=True, domain=[("share", "=", False)]
    )
    date_deadline = fields.Date(string="Due Date", required=True)
    state = fields.Selection(
        [("todo", "To Do"), ("done", "Done")], default="todo", required=True, readonly=True
    )
    done_date = fields.Date(string="Done On", readonly=True, copy=False)
    note = fields.Text(string="Outcome")
    company_id = fields.Many2one(related="proposal_id.company_id", store=True)

    @api.model_create_multi
    def create(self, vals_list):
        actions = super().create(vals_list)
        actions._cs_check_editable()
        return actions

    def write(self, vals):
        if not self.env.su:
            if {"state", "done_date"} & set(vals):
                raise AccessError(self.env._("An action is marked done with its button only."))
            if set(vals) - {"note"}:
                self._cs_check_editable()
        return super().write(vals)

    def unlink(self):
        self._cs_check_editable()
        return super().unlink()

    def _cs_check_editable(self):
        if self.env.su:
            return
        locked = self.filtered(lambda a: a.proposal_id.state != "draft")
        if locked:
            raise UserError(
                self.env._(
                    "%(proposal)s is submitted: its actions change only while it is a draft.",
                    proposal=", ".join(locked.proposal_id.mapped("display_name")),
                )
            )

    def action_done(self):
        """The owner marks the action done (a Manager may do it for them)."""
        self.check_access("read")
        is_manager = self.env.user.has_group("cs_service_dept.group_cs_manager")
        for action in self:
            if action.user_id != self.env.user and not is_manager:
                raise AccessError(
                    self.env._(
                        "Only %(owner)s, the owner of the action, marks it done.",
                        owner=action.user_id.name,
                    )
                )
            if action.proposal_id.state != "approved":
                raise UserError(
                    self.env._(
                        "%(proposal)s is not approved: its actions cannot be done yet.",
                        proposal=action.proposal_id.display_name,
                    )
                )
        todo = self.filtered(lambda a: a.state == "todo")
        todo.sudo().write({"state": "done", "done_date": fields.Date.context_today(self)})
        activity_type = self.env.ref("cs_service_dept.mail_activity_type_cs_information_action")
        for action in todo.sudo():
            action.proposal_id.activity_ids.filtered(
                lambda a, action=action: (
                    a.user_id == action.user_id
                    and a.activity_type_id == activity_type
                    and a.summary == action.name
                )
            )[:1].action_feedback(feedback=action.note or self.env._("Done."))
        todo.proposal_id._cs_check_all_done()
        return True
