# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import CsCommon


class TestConfidentiality(CsCommon):
    def _request(self, partner, level="secret", user=None):
        return (
            self.env["cs.confidentiality.request"]
            .with_user(user or self.specialist)
            .create({"partner_id": partner.id, "requested_level": level, "reason": "合同保密"})
        )

    def test_direct_raise_refused(self):
        partner = self.create_customer(cs_specialist_id=self.specialist.id)
        with self.assertRaises(UserError):
            partner.with_user(self.manager).cs_confidentiality = "secret"
        with self.assertRaises(UserError):
            self.env["res.partner"].with_user(self.specialist).create(
                {"name": "X", "cs_confidentiality": "top_secret"}
            )
        self.assertEqual(partner.cs_confidentiality, "internal")
        # Lowering is a decision too: it goes through a request.
        with self.assertRaises(UserError):
            partner.with_user(self.specialist).cs_confidentiality = "public"
        self.assertEqual(partner.cs_confidentiality, "internal")

    def test_two_tier_approval(self):
        """The level changes only once the manager and then the GM approved."""
        partner = self.create_customer(cs_specialist_id=self.specialist.id)
        request = self._request(partner)
        self.assertEqual(request.current_level, "internal")
        request.action_submit()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(len(request.review_ids), 2)
        # The requester cannot approve, another specialist is no reviewer.
        with self.assertRaises(UserError):
            request.with_user(self.specialist).validate_tier()
        with self.assertRaises(AccessError):
            request.with_user(self.specialist_2).validate_tier()
        self.assertNotIn("approved", request.review_ids.mapped("status"))
        # The manager approves the first tier only: the level does not change yet.
        request.with_user(self.manager).validate_tier()
        reviews = request.review_ids.sorted("sequence")
        self.assertEqual(reviews.mapped("status"), ["approved", "pending"])
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(partner.cs_confidentiality, "internal")
        request.with_user(self.general_manager).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertEqual(partner.cs_confidentiality, "secret")
        self.assertTrue(
            any("Confidentiality changed" in b for b in partner.message_ids.mapped("body"))
        )

    def test_rejection_leaves_level(self):
        partner = self.create_customer()
        request = self._request(partner, "top_secret")
        request.action_submit()
        request.with_user(self.manager).reject_tier()
        self.assertEqual(request.state, "rejected")
        self.assertEqual(partner.cs_confidentiality, "internal")

    def test_request_must_change_level(self):
        partner = self.create_customer()
        request = self._request(partner, "internal")
        with self.assertRaises(UserError):
            request.action_submit()
        self.assertEqual(request.state, "draft")

    def test_lowering_goes_through_approval(self):
        partner = self.create_customer(cs_specialist_id=self.specialist.id)
        self._make_secret(partner)
        request = self._request(partner, "public")
        request.action_submit()
        request.with_user(self.manager).validate_tier()
        self.assertEqual(partner.cs_confidentiality, "secret")
        request.with_user(self.general_manager).validate_tier()
        self.assertEqual(partner.cs_confidentiality, "public")

    def _make_secret(self, partner):
        # sudo: as the approved path does
        partner.sudo().cs_confidentiality = "secret"

    def test_secret_customer_visibility(self):
        mine = self.create_customer("秘密客户 A", cs_specialist_id=self.specialist.id)
        theirs = self.create_customer("秘密客户 B", cs_specialist_id=self.specialist_2.id)
        self._make_secret(mine)
        self._make_secret(theirs)
        mine.with_user(self.specialist).check_access("read")
        self.assertEqual(mine.with_user(self.specialist).name, "秘密客户 A")
        with self.assertRaises(AccessError):
            theirs.with_user(self.specialist).check_access("read")
        with self.assertRaises(AccessError):
            theirs.with_user(self.specialist).write({"comment": "x"})
        # Users outside the department are not hindered.
        theirs.with_user(self.internal_user).check_access("read")
        found = (
            self.env["res.partner"]
            .with_user(self.specialist)
            .search([("id", "in", (mine | theirs).ids)])
        )
        self.assertEqual(found, mine)
        for user in (self.supervisor, self.manager, self.general_manager):
            theirs.with_user(user).check_access("read")

    def test_own_partner_stays_visible(self):
        """The rule does not hide users' own partners or ordinary contacts."""
        self.specialist.partner_id.with_user(self.specialist).check_access("read")
        self.env.company.partner_id.with_user(self.internal_user).check_access("read")
        self.create_customer().with_user(self.internal_user).check_access("read")

    def test_secret_customer_records_hidden_from_other_specialists(self):
        """Contacts, tickets and follow-ups of a secret customer follow the customer,
        whatever group rules helpdesk_mgmt adds (group rules are OR-ed)."""
        theirs = self.create_customer("秘密客户 C", cs_specialist_id=self.specialist_2.id)
        contact = self.env["res.partner"].create({"name": "联系人", "parent_id": theirs.id})
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "机密工单", "description": "<p>x</p>", "partner_id": contact.id}
        )
        followup = self.env["cs.followup"].create(
            {"partner_id": theirs.id, "specialist_id": self.specialist_2.id}
        )
        self._make_secret(theirs)
        for record in (contact, ticket, followup):
            with self.assertRaises(AccessError):
                record.with_user(self.specialist).check_access("read")
            record.with_user(self.specialist_2).check_access("read")
            record.with_user(self.supervisor).check_access("read")
        self.assertFalse(
            self.env["helpdesk.ticket"].with_user(self.specialist).search([("id", "=", ticket.id)])
        )

    def test_invoicing_user_posts_invoice_for_secret_customer(self):
        customer = self.create_customer("秘密客户 D", cs_specialist_id=self.specialist_2.id)
        self._make_secret(customer)
        accountant = new_test_user(
            self.env, login="cs_accountant", groups="account.group_account_invoice"
        )
        invoice = (
            self.env["account.move"]
            .with_user(accountant)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_line_ids": [
                        Command.create({"name": "服务费", "quantity": 1, "price_unit": 100.0})
                    ],
                }
            )
        )
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id.with_user(accountant).name, "秘密客户 D")
