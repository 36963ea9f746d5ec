# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError


class CsApprovalMixin(models.AbstractModel):
    """The one approval path of the suite, on OCA's tier validation.

    A document is drafted, submitted (``action_cs_submit``: the state moves to
    ``_state_from`` and the tiers are requested), then each tier is validated by
    a different reviewer, none of them the requester. When every tier is
    approved the mixin moves the document to ``_state_to`` and calls
    ``_cs_on_approved()``; a rejection moves it to ``_cs_rejected_state`` (when
    the model has one) and calls ``_cs_on_rejected()``.

    Nothing a client sends grants a right: the state field, the reviews and the
    requester are written only here, with ``sudo()`` after the checks; context
    keys are ignored; ``tier.review`` rows of these models are written only
    through this path (see ``tier.review`` in this module).
    """

    _name = "cs.approval.mixin"
    _description = "Customer Service Approval"
    _inherit = ["tier.validation", "cs.document.mixin"]
    _tier_validation_manual_config = False
    _cs_approval = True

    _state_field = "state"
    _state_from = ["to_approve"]
    _state_to = ["approved"]
    _cancel_state = "cancel"
    # State of a rejected document (False: it stays where it is).
    _cs_rejected_state = "rejected"
    # States a document may be created in, and the one it is submitted from.
    _cs_create_states = ("draft",)
    _cs_submit_states = ("draft",)

    cs_requester_id = fields.Many2one(
        comodel_name="res.users",
        string="Requested By",
        readonly=True,
        copy=False,
        help="Who submitted the document for approval: they cannot approve it.",
    )
    cs_can_approve = fields.Boolean(
        string="Can Approve",
        compute="_compute_cs_can_approve",
        help="The current user may validate or reject the next tier.",
    )

    @api.depends_context("uid")
    @api.depends("review_ids.status", "cs_requester_id")
    def _compute_cs_can_approve(self):
        for rec in self:
            rec.cs_can_approve = bool(rec._cs_next_review(self.env.user))

    # ------------------------------------------------------------------ CRUD

    def _cs_protected_fields(self):
        return {self._state_field, "review_ids", "cs_requester_id"}

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            allowed = {False, *self._cs_create_states}
            for vals in vals_list:
                if (
                    vals.get(self._state_field, False) not in allowed
                    or vals.get("review_ids")
                    or vals.get("cs_requester_id")
                ):
                    raise AccessError(
                        self.env._(
                            "A %(document)s starts at its first step and moves on only "
                            "through its buttons.",
                            document=self._description,
                        )
                    )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            protected = {
                name
                for name in self._cs_protected_fields() & set(vals)
                if self._cs_changes(name, vals[name])
            }
            if protected:
                raise AccessError(
                    self.env._(
                        "Set only through the buttons of %(document)s: %(fields)s.",
                        fields=", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in sorted(protected)
                        ),
                        document=self._description,
                    )
                )
        return super().write(vals)

    def _cs_changes(self, name, value):
        """Whether writing ``value`` into field ``name`` changes any record."""
        if name == "review_ids":
            return bool(value)
        field = self._fields[name]
        return any(
            rec[name] != field.convert_to_record(field.convert_to_cache(value, rec), rec)
            for rec in self
        )

    def unlink(self):
        self.check_access("unlink")
        self.sudo().review_ids.unlink()
        return super().unlink()

    def _cs_write_state(self, vals):
        """Write the state (and the step's own fields) once the caller's guards
        passed: the user must be allowed to write the records."""
        self.check_access("write")
        return self.sudo().write(vals)

    # ------------------------------------------------------ tier.validation

    def _compute_next_review(self):
        for rec in self:
            review = rec.review_ids.sorted("sequence").filtered(lambda r: r.status == "pending")[:1]
            rec.next_review = review and self.env._("Next: %(tier)s", tier=review.name or "")

    def _tier_validation_check_write_allowed(self, vals):
        if self.env.su:
            return None
        for rec in self:
            if (
                rec.review_ids
                and rec._check_tier_state_transition(vals)
                and not rec._check_allow_write_under_validation(vals)
            ):
                __, refused = rec._get_fields_to_write_validation(
                    vals, rec._get_under_validation_exceptions
                )
                raise ValidationError(
                    self.env._(
                        "%(document)s is waiting for its approval: %(fields)s cannot be "
                        "changed now.",
                        document=rec.display_name,
                        fields=", ".join(refused),
                    )
                )
        # skip_validation_check is a context key: a client may send it.
        return super(
            CsApprovalMixin, self.with_context(skip_validation_check=False)
        )._tier_validation_check_write_allowed(vals)

    def _cs_done_reviewers(self):
        self.ensure_one()
        return self.review_ids.filtered(lambda r: r.status == "approved").done_by

    def _cs_refusal(self, user):
        """Why ``user`` may not review this document now, or ``False``."""
        self.ensure_one()
        if self[self._state_field] not in self._state_from:
            return self.env._(
                "%(document)s is not waiting for an approval.", document=self.display_name
            )
        if user == self.cs_requester_id:
            return self.env._(
                "You cannot approve %(document)s: you requested it yourself. "
                "Another reviewer has to approve it.",
                document=self.display_name,
            )
        if user in self._cs_done_reviewers():
            return self.env._(
                "You have already approved a tier of %(document)s: the next tier needs "
                "another reviewer.",
                document=self.display_name,
            )
        return False

    def _cs_next_review(self, user):
        """The one review ``user`` may do now: the first open tier, if they are
        among its reviewers and are neither the requester nor a past reviewer."""
        self.ensure_one()
        if not self.id or self._cs_refusal(user):
            return self.env["tier.review"]
        review = self.review_ids.filtered(lambda r: r.status in ("waiting", "pending")).sorted(
            "sequence"
        )[:1]
        return review if user in review.reviewer_ids else self.env["tier.review"]

    def _get_sequences_to_approve(self, user):
        # One tier at a time, one tier per person.
        return self._cs_next_review(user).mapped("sequence")

    def _cs_check_tiers_defined(self):
        """A document no tier definition applies to can never be approved."""
        definitions = self.env["tier.definition"].sudo().search([("model", "=", self._name)])
        without = self.filtered(
            lambda rec: (
                not any(
                    definition.company_id in (rec._get_company(), self.env["res.company"])
                    and rec.evaluate_tier(definition)
                    for definition in definitions
                )
            )
        )
        if without:
            raise UserError(
                self.env._(
                    "No approval tier is defined for %(documents)s: it cannot be approved. "
                    "Ask your administrator to configure the tiers.",
                    documents=", ".join(without.mapped("display_name")),
                )
            )

    def _cs_check_review(self):
        self.ensure_one()
        self.check_access("read")
        refusal = self._cs_refusal(self.env.user)
        if refusal:
            raise UserError(refusal)
        if not self._cs_next_review(self.env.user):
            raise AccessError(
                self.env._(
                    "You are not a reviewer of the pending tier of %(document)s.",
                    document=self.display_name,
                )
            )

    def request_validation(self):
        for rec in self:
            rec.check_access("write")
            if rec[self._state_field] not in self._state_from:
                raise UserError(
                    self.env._(
                        "%(document)s must be submitted before its approval is requested.",
                        document=rec.display_name,
                    )
                )
            if rec.review_ids.filtered(lambda r: r.status != "cancel"):
                raise UserError(
                    self.env._(
                        "The approval of %(document)s has already been requested.",
                        document=rec.display_name,
                    )
                )
        self._cs_check_tiers_defined()
        reviews = super(CsApprovalMixin, self.sudo()).request_validation()
        self.sudo().write({"cs_requester_id": self.env.uid})
        return reviews.sudo(False)

    def validate_tier(self):
        self._cs_check_review()
        return super(CsApprovalMixin, self.sudo()).validate_tier()

    def reject_tier(self):
        self._cs_check_review()
        return super(CsApprovalMixin, self.sudo()).reject_tier()

    def restart_validation(self):
        if not self.env.su:
            raise UserError(
                self.env._("Cancel the document and submit it again to restart its approval.")
            )
        return super().restart_validation()

    def _cs_check_own_reviews(self, tiers):
        self.ensure_one()
        if tiers and tiers.filtered(lambda r: r.model != self._name or r.res_id != self.id):
            raise AccessError(
                self.env._(
                    "These reviews do not belong to %(document)s.", document=self.display_name
                )
            )

    def _validate_tier(self, tiers=False):
        return self._cs_review(tiers, super(CsApprovalMixin, self.sudo())._validate_tier)

    def _rejected_tier(self, tiers=False):
        return self._cs_review(tiers, super(CsApprovalMixin, self.sudo())._rejected_tier)

    def _cs_review(self, tiers, decide):
        """Do the user's one review (among ``tiers`` when given) with OCA's
        ``decide`` (validate or reject), then move the document on."""
        self._cs_check_own_reviews(tiers)
        review = self._cs_next_review(self.env.user)
        if tiers:
            review &= tiers
        if not review:
            return None
        res = decide(review.sudo())
        self.sudo()._cs_finish()
        return res

    def _cs_tiers_sound(self):
        """Every tier approved, each by a different person, none the requester."""
        self.ensure_one()
        reviews = self.review_ids
        done_by = reviews.mapped("done_by")
        return bool(
            reviews
            and all(r.status == "approved" and r.done_by for r in reviews)
            and len(done_by) == len(reviews)
            and self.cs_requester_id not in done_by
        )

    def _cs_finish(self):
        """Move validated documents to their approved state, rejected ones to
        their rejected state, and call the hooks. Runs as superuser, inside the
        approval path only."""
        # The reviews may have been validated in this transaction through other
        # users' environments (several reviewers in one request, demo data):
        # read them afresh before deciding.
        self.invalidate_recordset(["review_ids", "need_validation"])
        approved = self.browse()
        rejected = self.browse()
        for rec in self:
            if rec[self._state_field] not in self._state_from:
                continue
            if rec.validation_status == "validated" and rec._cs_tiers_sound():
                approved |= rec
            elif rec.validation_status == "rejected":
                rejected |= rec
        if approved:
            approved.write({self._state_field: self._state_to[0]})
            approved._cs_on_approved()
        if rejected:
            if self._cs_rejected_state:
                rejected.write({self._state_field: self._cs_rejected_state})
            rejected._cs_on_rejected()

    def _cs_reset_reviews(self):
        """Drop the reviews (a document sent back to be submitted again)."""
        self.sudo().review_ids.unlink()
        self.sudo().write({"cs_requester_id": False})

    def action_approve(self):
        """Approve the tier waiting for the user on each document (the form's
        Approve button; the Manager's, then the General Manager's tier)."""
        self._cs_check_state(self._state_from)
        for record in self:
            record.validate_tier()
        return True

    def action_reject(self):
        self._cs_check_state(self._state_from)
        for record in self:
            record.reject_tier()
        return True

    def action_cs_submit(self):
        """Submit drafts for approval: the state moves to the first of
        ``_state_from`` and the tiers are requested."""
        for rec in self:
            if rec[self._state_field] not in self._cs_submit_states:
                raise UserError(
                    self.env._(
                        "%(document)s has already been submitted.", document=rec.display_name
                    )
                )
        self._cs_check_submit()
        self._cs_check_tiers_defined()
        to_move = self.filtered(lambda r: r[self._state_field] not in self._state_from)
        if to_move:
            to_move._cs_write_state({self._state_field: self._state_from[0]})
        self._cs_reset_reviews()
        self.request_validation()
        return True

    # ------------------------------------------------------------- hooks

    def _cs_check_submit(self):
        """Raise when a document is not ready to be submitted. Override."""

    def _cs_on_approved(self):
        """Apply the approved documents (runs as superuser). Override."""

    def _cs_on_rejected(self):
        """Rejected documents (runs as superuser). Override."""

    # ------------------------------------------------------------- texts

    def _notify_accepted_reviews_body(self):
        return self.env._("%(user)s approved a tier.", user=self.env.user.name)

    def _notify_rejected_review_body(self):
        return self.env._("%(user)s rejected the approval.", user=self.env.user.name)

    def _notify_created_review_body(self):
        return self.env._("%(user)s requested an approval.", user=self.env.user.name)

    def _notify_requested_review_body(self):
        return self.env._("%(user)s requested an approval.", user=self.env.user.name)

    def _notify_restarted_review_body(self):
        return self.env._("%(user)s restarted the approval.", user=self.env.user.name)

    def _get_to_validate_message(self):
        return '<i class="fa fa-info-circle"></i> ' + self.env._(
            "This %(document)s needs to be approved.", document=self._get_to_validate_message_name()
        )

    def _get_validated_message(self):
        if self.validation_status != "validated":
            return ""
        return '<i class="fa fa-thumbs-up"></i> ' + self.env._("Approved.")

    def _get_rejected_message(self):
        if self.validation_status != "rejected":
            return ""
        return '<i class="fa fa-thumbs-down"></i> ' + self.env._("Rejected.")

    def _add_tier_validation_buttons(self, node, params):
        # The mixin submits with action_cs_submit and restarts by resubmitting:
        # drop OCA's "Request Validation" / "Restart Validation" buttons.
        new_node = super()._add_tier_validation_buttons(node, params)
        for button in new_node.xpath("//button"):
            button.getparent().remove(button)
        return new_node
