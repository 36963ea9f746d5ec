# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .common import CsArchiveCommon


class TestLoan(CsArchiveCommon):
    def test_lend_and_return(self):
        archive = self.create_archive()
        loan = self.create_loan(archive)
        self.assertTrue(loan.name.startswith("LOAN/"))
        self.assertFalse(loan.needs_approval)
        loan.action_submit()
        self.assertEqual(loan.state, "approved")
        self.assertTrue(loan.with_user(self.specialist).can_issue)
        self.assertFalse(loan.with_user(self.borrower).can_issue)
        loan.with_user(self.specialist).action_issue()
        self.assertEqual(loan.state, "issued")
        self.assertEqual(loan.line_ids.state, "on_loan")
        self.assertEqual(archive.state, "on_loan")
        self.assertEqual(archive.borrower_id, self.borrower)
        self.assertIn(self.borrower.name, archive.message_ids[0].body)
        line = loan.line_ids.with_user(self.specialist)
        line.return_condition = "intact"
        line.action_return()
        self.assertEqual(line.state, "returned")
        self.assertEqual(line.returned_to_id, self.specialist)
        self.assertEqual(archive.state, "available")
        self.assertEqual(loan.state, "returned")
        self.assertFalse(archive.activity_ids)

    def test_my_loans_as_outsider(self):
        """A user of another department requests, sees and reads only their own."""
        archive = self.create_archive()
        with Form(
            self.env["cs.archive.loan"].with_user(self.borrower),
            view="cs_archive.cs_archive_loan_view_form",
        ) as form:
            form.purpose = "合同复核"
            form.due_date = self.today + timedelta(days=3)
            with form.line_ids.new() as line:
                line.archive_id = archive
        loan = form.record
        self.assertEqual(loan.borrower_id, self.borrower)
        loan.with_user(self.borrower).action_submit()
        other = self.create_loan(self.create_archive(title="另一份"), user=self.specialist_2)
        Loan = self.env["cs.archive.loan"].with_user(self.borrower)
        self.assertEqual(Loan.search([]), loan)
        with self.assertRaises(AccessError):
            other.with_user(self.borrower).read(["purpose"])
        # Not for someone else.
        with self.assertRaises(AccessError):
            Loan.create(
                {
                    "borrower_id": self.specialist.id,
                    "purpose": "x",
                    "due_date": self.today,
                }
            )
        # Issuing and returning are customer service's.
        with self.assertRaises(AccessError):
            loan.with_user(self.borrower).action_issue()
        loan.with_user(self.specialist).action_issue()
        with self.assertRaises(AccessError):
            loan.line_ids.with_user(self.borrower).action_return()
        with self.assertRaises(AccessError):
            loan.line_ids.with_user(self.borrower).write({"return_condition": "intact"})

    def test_due_before_loan_date(self):
        archive = self.create_archive()
        with self.assertRaises(ValidationError):
            self.create_loan(archive, days=-1)
        self.assertFalse(
            self.env["cs.archive.loan"].search([("line_ids.archive_id", "=", archive.id)])
        )

    def test_return_what_is_not_on_loan(self):
        archive = self.create_archive()
        loan = self.create_loan(archive)
        with self.assertRaises(UserError):
            loan.line_ids.with_user(self.specialist).action_return()
        loan = self.lend(archive) if False else loan
        loan.action_submit()
        loan.with_user(self.specialist).action_issue()
        loan.line_ids.with_user(self.specialist).action_return()
        with self.assertRaises(UserError):
            loan.line_ids.with_user(self.specialist).action_return()
        with self.assertRaises(UserError):
            loan.with_user(self.specialist).action_return_all()

    def test_lend_expired_or_destroyed(self):
        for state in ("expired", "destroyed"):
            archive = self.create_archive(title=state)
            loan = self.create_loan(archive)
            self.set_state(archive, state)
            with self.assertRaises(UserError):
                loan.action_submit()
            self.assertEqual(loan.state, "draft")
        # Expired between the request and the issue.
        archive = self.create_archive(title="later")
        loan = self.create_loan(archive)
        loan.action_submit()
        self.set_state(archive, "expired")
        with self.assertRaises(UserError):
            loan.with_user(self.specialist).action_issue()
        self.assertEqual(loan.line_ids.state, "draft")

    def test_lend_what_is_on_loan(self):
        archive = self.create_archive()
        self.lend(archive)
        loan = self.create_loan(archive, user=self.specialist_2)
        loan.action_submit()
        with self.assertRaises(UserError):
            loan.with_user(self.specialist).action_issue()

    def test_secret_loan_needs_manager(self):
        archive = self.create_archive(self.secret_customer)
        loan = self.create_loan(archive)
        self.assertTrue(loan.needs_approval)
        loan.with_user(self.borrower).action_submit()
        self.assertEqual(loan.state, "to_approve")
        with self.assertRaises(UserError):
            loan.with_user(self.specialist).action_issue()
        # A specialist is no reviewer.
        with self.assertRaises(AccessError):
            loan.with_user(self.specialist).validate_tier()
        loan.with_user(self.manager).validate_tier()
        self.assertEqual(loan.state, "approved")
        loan.with_user(self.specialist).action_issue()
        self.assertEqual(archive.state, "on_loan")

    def test_borrower_never_approves_own_loan(self):
        archive = self.create_archive(self.top_customer)
        # A manager borrows; customer service submits it for them.
        loan = self.create_loan(archive, user=self.specialist)
        loan.write({"borrower_id": self.manager.id})
        loan.with_user(self.specialist).action_submit()
        self.assertFalse(loan.with_user(self.manager).cs_can_approve)
        with self.assertRaises(UserError):
            loan.with_user(self.manager).validate_tier()
        self.assertEqual(loan.state, "to_approve")
        # The requester cannot either.
        loan2 = self.create_loan(self.create_archive(self.secret_customer), user=self.manager)
        loan2.with_user(self.manager).action_submit()
        with self.assertRaises(UserError):
            loan2.with_user(self.manager).validate_tier()
        loan2.with_user(self.general_manager).validate_tier()
        self.assertEqual(loan2.state, "approved")

    def test_state_not_writable(self):
        loan = self.create_loan(self.create_archive())
        with self.assertRaises(AccessError):
            loan.with_user(self.borrower).write({"state": "approved"})
        with self.assertRaises(AccessError):
            loan.line_ids.with_user(self.specialist).write({"state": "on_loan"})
        with self.assertRaises(AccessError):
            self.env["cs.archive.loan.line"].with_user(self.specialist).create(
                {"loan_id": loan.id, "archive_id": self.create_archive().id, "state": "on_loan"}
            )
        # A forged context key changes nothing.
        with self.assertRaises(AccessError):
            loan.with_user(self.borrower).with_context(skip_validation_check=True).write(
                {"state": "approved"}
            )
        loan.action_submit()
        with self.assertRaises(UserError):
            loan.with_user(self.borrower).write({"due_date": self.today + timedelta(days=90)})
        with self.assertRaises(UserError):
            loan.line_ids.with_user(self.borrower).unlink()

    def test_damaged_return_tells_manager(self):
        archive = self.create_archive()
        loan = self.lend(archive)
        line = loan.line_ids.with_user(self.specialist)
        line.write({"return_condition": "damaged", "return_note": "封面破损"})
        line.action_return()
        activity = archive.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertTrue(activity.user_id.has_group("cs_service_dept.group_cs_manager"))
        self.assertIn("封面破损", activity.note)

    def test_return_after_expiry(self):
        archive = self.create_archive(
            archive_date=self.today - timedelta(days=3 * 366), retention_years=3
        )
        loan = self.lend(archive)
        loan.line_ids.with_user(self.specialist).action_return()
        self.assertEqual(archive.state, "expired")

    def test_cancel(self):
        loan = self.create_loan(self.create_archive())
        loan.action_submit()
        loan.with_user(self.borrower).action_cancel()
        self.assertEqual(loan.state, "cancel")
        loan.with_user(self.borrower).action_draft()
        self.assertEqual(loan.state, "draft")
        issued = self.lend(self.create_archive(title="issued"))
        with self.assertRaises(UserError):
            issued.action_cancel()
