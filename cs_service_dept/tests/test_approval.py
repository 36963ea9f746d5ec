# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import CsCommon


class TestApprovalMixin(CsCommon):
    """Every way around the approval, tried as an RPC client would."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.general_manager_2 = cls.cs_user(
            "cs_general_manager_2", "cs_service_dept.group_cs_general_manager"
        )
        cls.customer = cls.create_customer("保密客户", cs_specialist_id=cls.specialist.id)

    def _submitted(self, level="secret", user=None):
        request = (
            self.env["cs.confidentiality.request"]
            .with_user(user or self.specialist)
            .create({"partner_id": self.customer.id, "requested_level": level, "reason": "合同"})
        )
        request.action_submit()
        return request

    def test_forged_context_key_grants_nothing(self):
        partner = self.customer.with_user(self.specialist)
        for key in ("cs_confidentiality_approved", "skip_validation_check"):
            with self.assertRaises(UserError):
                partner.with_context(**{key: True}).write({"cs_confidentiality": "secret"})
        with self.assertRaises(UserError):
            self.env["res.partner"].with_user(self.specialist).with_context(
                cs_confidentiality_approved=True
            ).create({"name": "X", "cs_confidentiality": "top_secret"})
        self.assertEqual(self.customer.cs_confidentiality, "internal")

    def test_plain_write_cannot_lower_a_secret_customer(self):
        self.customer.sudo().cs_confidentiality = "secret"
        with self.assertRaises(UserError):
            self.customer.with_user(self.specialist).write({"cs_confidentiality": "public"})
        with self.assertRaises(UserError):
            self.customer.with_user(self.general_manager).write({"cs_confidentiality": "public"})
        self.assertEqual(self.customer.cs_confidentiality, "secret")

    def test_document_cannot_be_created_or_written_approved(self):
        Request = self.env["cs.confidentiality.request"].with_user(self.specialist)
        with self.assertRaises(AccessError):
            Request.create(
                {
                    "partner_id": self.customer.id,
                    "requested_level": "secret",
                    "reason": "x",
                    "state": "approved",
                }
            )
        request = self._submitted()
        for user in (self.specialist, self.manager, self.general_manager):
            with self.assertRaises(AccessError):
                request.with_user(user).write({"state": "approved"})
        with self.assertRaises(AccessError):
            request.with_user(self.specialist).write({"cs_requester_id": self.specialist_2.id})
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.cs_requester_id, self.specialist)
        self.assertEqual(self.customer.cs_confidentiality, "internal")

    def test_reviews_cannot_be_forged_over_rpc(self):
        request = self._submitted()
        Review = self.env["tier.review"].with_user(self.specialist)
        definition = self.env.ref("cs_service_dept.tier_definition_confidentiality_manager")
        with self.assertRaises(AccessError):
            Review.create(
                {
                    "model": request._name,
                    "res_id": request.id,
                    "definition_id": definition.id,
                    "status": "approved",
                    "done_by": self.manager.id,
                }
            )
        reviews = request.review_ids.with_user(self.specialist)
        for vals in (
            {"status": "approved"},
            {"done_by": self.manager.id},
            {"requested_by": self.specialist_2.id},
        ):
            with self.assertRaises(AccessError):
                reviews.write(vals)
        with self.assertRaises(AccessError):
            reviews.unlink()
        # Through the record's one2many as well.
        with self.assertRaises(AccessError):
            request.with_user(self.specialist).write(
                {"review_ids": [(1, reviews[0].id, {"status": "approved"})]}
            )
        self.assertEqual(set(request.review_ids.mapped("status")), {"pending", "waiting"})
        self.assertEqual(request.state, "to_approve")

    def test_comment_wizard_takes_only_own_review(self):
        request = self._submitted()
        other = self._submitted(user=self.specialist_2)
        # Reviews of another document, passed by the client.
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.manager)
            .create(
                {
                    "res_model": request._name,
                    "res_id": request.id,
                    "review_ids": [(6, 0, other.review_ids.ids)],
                    "validate_reject": "validate",
                    "comment": "ok",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.add_comment()
        # The General Manager's tier, before the Manager's.
        gm_review = request.review_ids.sorted("sequence")[-1]
        wizard = (
            self.env["comment.wizard"]
            .with_user(self.general_manager)
            .create(
                {
                    "res_model": request._name,
                    "res_id": request.id,
                    "review_ids": [(6, 0, gm_review.ids)],
                    "validate_reject": "validate",
                    "comment": "ok",
                }
            )
        )
        with self.assertRaises(AccessError):
            wizard.add_comment()
        self.assertNotIn("approved", (request | other).review_ids.mapped("status"))

    def test_no_tier_definition_no_approval(self):
        self.env["tier.definition"].search([("model", "=", "cs.confidentiality.request")]).write(
            {"active": False}
        )
        request = (
            self.env["cs.confidentiality.request"]
            .with_user(self.specialist)
            .create({"partner_id": self.customer.id, "requested_level": "secret", "reason": "x"})
        )
        with self.assertRaisesRegex(UserError, "No approval tier"):
            request.action_submit()
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.review_ids)

    def test_every_tier_by_a_different_person(self):
        """A General Manager alone cannot pass the Manager tier and their own."""
        request = self._submitted()
        request.with_user(self.general_manager).validate_tier()
        self.assertEqual(
            request.review_ids.sorted("sequence").mapped("status"), ["approved", "pending"]
        )
        with self.assertRaisesRegex(UserError, "already approved"):
            request.with_user(self.general_manager).validate_tier()
        self.assertFalse(request.with_user(self.general_manager).cs_can_approve)
        # A manager is no reviewer of the General Manager's tier.
        with self.assertRaises(AccessError):
            request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "to_approve")
        request.with_user(self.general_manager_2).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.customer.cs_confidentiality, "secret")
        self.assertEqual(
            request.review_ids.sorted("sequence").done_by,
            self.general_manager | self.general_manager_2,
        )

    def test_requester_is_who_submitted(self):
        """A manager who submits cannot approve, whoever the record names."""
        request = self._submitted(user=self.manager)
        self.assertEqual(request.cs_requester_id, self.manager)
        with self.assertRaisesRegex(UserError, "requested it yourself"):
            request.with_user(self.manager).validate_tier()
        with self.assertRaisesRegex(UserError, "requested it yourself"):
            request.with_user(self.manager).reject_tier()
        self.assertFalse(request.with_user(self.manager).cs_can_approve)
        self.assertTrue(request.with_user(self.general_manager).cs_can_approve)

    def test_restart_and_request_again_refused(self):
        request = self._submitted()
        with self.assertRaises(UserError):
            request.with_user(self.specialist).restart_validation()
        with self.assertRaises(UserError):
            request.with_user(self.specialist).request_validation()
        self.assertEqual(len(request.review_ids), 2)

    def test_outsider_cannot_touch_documents(self):
        request = self._submitted()
        with self.assertRaises(AccessError):
            request.with_user(self.internal_user).validate_tier()
        with self.assertRaises(AccessError):
            self.env["cs.confidentiality.request"].with_user(self.internal_user).create(
                {"partner_id": self.customer.id, "requested_level": "secret", "reason": "x"}
            )

    def test_rejection_then_resubmission(self):
        request = self._submitted()
        request.with_user(self.manager).reject_tier()
        self.assertEqual(request.state, "rejected")
        with self.assertRaises(UserError):
            request.with_user(self.general_manager).validate_tier()
        self.assertEqual(self.customer.cs_confidentiality, "internal")

    def test_documents_stay_in_their_company(self):
        other = self.env["res.company"].create({"name": "分公司"})
        partner = self.create_customer("分公司客户", company_id=other.id)
        with self.assertRaises(UserError):
            self.env["cs.confidentiality.request"].create(
                {
                    "partner_id": partner.id,
                    "requested_level": "secret",
                    "reason": "x",
                    "company_id": self.env.company.id,
                }
            )
