# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common import CsCreditCommon


class TestCreditLimitRequest(CsCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.create_customer("Limit Customer", email="limit@example.com")
        cls.grade(cls.customer, "AA", policy_id=cls.policy.id, total_score=85)
        cls.company.account_use_credit_limit = False

    def _request(self, user=None, **vals):
        form = Form(self.env["cs.credit.limit.request"].with_user(user or self.specialist))
        form.partner_id = self.customer
        form.reason = "Annual review"
        for key, value in vals.items():
            setattr(form, key, value)
        return form.save()

    def test_amount_defaults_from_grade_band(self):
        request = self._request()
        self.assertEqual(request.grade, "AA")
        self.assertEqual(request.amount, 200000)
        self.assertEqual(
            request.payment_term_id, self.env.ref("account.account_payment_term_30days")
        )
        self.assertTrue(request.name.startswith("CLR/"))

    def test_amounts_of_several_requests_from_one_policy_read(self):
        customers = self.customer
        for grade in ("A", "B"):
            customer = self.create_customer(f"Grade {grade} Limit Customer")
            self.grade(customer, grade)
            customers |= customer
        Request = self.env["cs.credit.limit.request"]
        vals_list = [{"partner_id": customer.id, "reason": "x"} for customer in customers]
        Request.create(vals_list[:1])  # warm-up
        with self.assertQueryCount(__system__=9):
            requests = Request.create(vals_list)
            self.env.flush_all()
        self.assertEqual(requests.mapped("amount"), [200000, 100000, 50000])

    def test_approval_sets_credit_limit_and_sends_notice(self):
        request = self._request(amount=150000)
        request.with_user(self.specialist).action_cs_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.cs_requester_id, self.specialist)
        self.assertTrue(request.with_user(self.manager).cs_can_approve)
        request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "approved")
        partner = self.customer.sudo().with_company(self.company)
        self.assertEqual(partner.credit_limit, 150000)
        self.assertTrue(partner.use_partner_credit_limit)
        # one customer's limit, not Odoo's company-wide setting
        self.assertFalse(self.company.account_use_credit_limit)
        notice = request.message_ids.filtered(
            lambda m: m.message_type == "comment" and "notice" in (m.subject or "")
        )
        self.assertEqual(len(notice), 1)
        self.assertIn(self.customer, notice.partner_ids)
        self.assertEqual(len(notice.attachment_ids), 1)
        self.assertIn("150,000.00", notice.body)

    def test_notice_pdf_renders(self):
        request = self._request(amount=123456)
        content, _type = self.env["ir.actions.report"]._render_qweb_pdf(
            "cs_credit_rating.action_report_credit_limit_notice", request.ids
        )
        self.assertIn(b"123,456.00", content)
        self.assertIn(b"Limit Customer", content)

    def test_own_request_cannot_be_approved(self):
        request = self._request(user=self.manager)
        request.with_user(self.manager).action_cs_submit()
        self.assertFalse(request.with_user(self.manager).cs_can_approve)
        with self.assertRaisesText(UserError, "requested it yourself"):
            request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "to_approve")
        self.assertNotEqual(self.customer.sudo().with_company(self.company).credit_limit, 200000)
        request.with_user(self.general_manager).validate_tier()
        self.assertEqual(request.state, "approved")

    def test_negative_limit_refused(self):
        with self.assertRaisesText(ValidationError, "cannot be negative"):
            self._request(amount=-1)
        self.assertFalse(
            self.env["cs.credit.limit.request"].search([("partner_id", "=", self.customer.id)])
        )

    def test_requester_is_who_submitted_not_an_editable_field(self):
        """The ban reads the recorded requester: naming someone else in the
        draft, or writing the requester, does not let the Manager approve."""
        request = self._request(user=self.manager)
        with self.assertRaises(AccessError):
            request.with_user(self.manager).write({"cs_requester_id": self.specialist.id})
        request.with_user(self.manager).action_cs_submit()
        with self.assertRaises(AccessError):
            request.with_user(self.manager).write({"cs_requester_id": self.specialist.id})
        with self.assertRaises(AccessError):
            request.with_user(self.manager).write({"state": "approved"})
        with self.assertRaisesText(UserError, "requested it yourself"):
            request.with_user(self.manager).validate_tier()
        self.assertEqual(request.state, "to_approve")

    def test_rejected_then_resubmitted(self):
        request = self._request()
        request.with_user(self.specialist).action_cs_submit()
        request.with_user(self.manager).reject_tier()
        self.assertEqual(request.state, "rejected")
        self.assertNotEqual(self.customer.sudo().with_company(self.company).credit_limit, 200000)
        request.with_user(self.specialist).action_draft()
        self.approve(request, self.specialist, self.manager)
        self.assertEqual(request.state, "approved")
        self.assertEqual(self.customer.sudo().with_company(self.company).credit_limit, 200000)
