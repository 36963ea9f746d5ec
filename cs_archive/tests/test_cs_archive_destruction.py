# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.exceptions import AccessError, UserError

from .common import CsArchiveCommon


class TestDestruction(CsArchiveCommon):
    def expired(self, **vals):
        archive = self.create_electronic(
            archive_date=self.today - timedelta(days=3 * 366),
            retention_years=3,
            content=b"old contract %d" % len(vals),
            **vals,
        )
        self.set_state(archive, "expired")
        return archive

    def proposal(self, archives):
        proposal = (
            self.env["cs.archive.destruction"]
            .with_user(self.specialist)
            .create({"archive_ids": [(6, 0, archives.ids)]})
        )
        return proposal

    def approve(self, proposal):
        proposal.with_user(self.specialist).action_submit()
        proposal.with_user(self.manager).validate_tier()
        proposal.with_user(self.general_manager).validate_tier()

    def test_destroy(self):
        electronic = self.expired(title="电子")
        paper = self.create_archive(
            title="纸质", archive_date=self.today - timedelta(days=800), retention_years=1
        )
        self.set_state(paper, "expired")
        files = electronic.attachment_ids
        checksum = files.checksum
        # The same file attached elsewhere (a copy in the customer's chatter).
        copy = self.env["ir.attachment"].create(
            {
                "name": "copy.pdf",
                "raw": files.raw,
                "res_model": "res.partner",
                "res_id": self.customer.id,
            }
        )
        self.assertEqual(copy.checksum, checksum)
        proposal = self.proposal(electronic | paper)
        self.assertTrue(proposal.name.startswith("DES/"))
        self.approve(proposal)
        self.assertEqual(proposal.state, "approved")
        self.assertTrue(proposal.with_user(self.specialist).can_destroy)
        proposal.with_user(self.specialist).action_destroy()
        self.assertEqual(proposal.state, "done")
        self.assertEqual((electronic | paper).mapped("state"), ["destroyed", "destroyed"])
        # The metadata is kept, the files are gone with every copy.
        self.assertEqual(electronic.title, "电子")
        self.assertFalse(self.env["ir.attachment"].search([("checksum", "=", checksum)]))
        self.assertFalse(copy.exists())
        register = proposal.line_ids
        self.assertEqual(len(register), 2)
        by_archive = {line.archive_id: line for line in register}
        self.assertEqual(by_archive[electronic].method, "delete")
        self.assertEqual(by_archive[electronic].file_count, 2)
        self.assertEqual(by_archive[paper].method, "shred")
        self.assertEqual(register.destroyed_by_id, self.specialist)
        self.assertEqual(electronic.destruction_line_id, by_archive[electronic])
        # The feedback note goes to both approvers.
        note = proposal.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertEqual(note.partner_ids, (self.manager | self.general_manager).partner_id)
        # A destroyed archive is not changed any more, nor lent.
        with self.assertRaises(UserError):
            electronic.with_user(self.manager).write({"title": "x"})

    def test_destroy_without_both_approvals(self):
        archive = self.expired()
        proposal = self.proposal(archive)
        with self.assertRaises(UserError):
            proposal.with_user(self.specialist).action_destroy()
        proposal.with_user(self.specialist).action_submit()
        proposal.with_user(self.manager).validate_tier()
        self.assertEqual(proposal.state, "to_approve")
        with self.assertRaises(UserError):
            proposal.with_user(self.specialist).action_destroy()
        # The Manager cannot pass the General Manager's tier too.
        with self.assertRaises(UserError):
            proposal.with_user(self.manager).validate_tier()
        # A General Manager alone cannot pass both tiers.
        other = self.proposal(self.expired(title="另一份"))
        other.with_user(self.specialist).action_submit()
        other.with_user(self.general_manager).validate_tier()
        with self.assertRaises(UserError):
            other.with_user(self.general_manager).validate_tier()
        self.assertEqual(other.state, "to_approve")
        # Forged state.
        with self.assertRaises(AccessError):
            proposal.with_user(self.manager).write({"state": "approved"})
        self.assertEqual(archive.state, "expired")
        self.assertTrue(archive.attachment_ids)

    def test_requester_does_not_approve(self):
        proposal = (
            self.env["cs.archive.destruction"]
            .with_user(self.manager)
            .create({"archive_ids": [(6, 0, self.expired().ids)]})
        )
        proposal.with_user(self.manager).action_submit()
        with self.assertRaises(UserError):
            proposal.with_user(self.manager).validate_tier()

    def test_destroy_while_on_loan(self):
        archive = self.create_archive()
        proposal = self.proposal(archive)
        with self.assertRaises(UserError):  # not expired
            proposal.with_user(self.specialist).action_submit()
        archive = self.expired(title="借出")
        proposal = self.proposal(archive)
        self.approve(proposal)
        # Lent after the approval (by a superuser path, as the data may be old).
        loan = self.create_loan(archive)
        loan.line_ids.sudo().write({"state": "on_loan"})
        with self.assertRaises(UserError):
            proposal.with_user(self.specialist).action_destroy()
        self.assertEqual(archive.state, "expired")
        self.assertEqual(proposal.state, "approved")

    def test_only_department_destroys(self):
        proposal = self.proposal(self.expired())
        self.approve(proposal)
        with self.assertRaises(AccessError):
            proposal.with_user(self.borrower).action_destroy()

    def test_cron_expires_and_proposes(self):
        Archive = self.env["cs.archive"]
        Archive._cron_expire()  # the demo archives
        old = self.create_archive(
            title="过期", archive_date=self.today - timedelta(days=2 * 366), retention_years=1
        )
        fresh = self.create_archive(title="新")
        Archive._cron_expire()
        self.assertEqual(old.state, "expired")
        self.assertEqual(fresh.state, "available")
        proposal = self.env["cs.archive.destruction"].search([("archive_ids", "in", old.ids)])
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.state, "to_approve")
        # Idempotent.
        Archive._cron_expire()
        self.assertEqual(
            self.env["cs.archive.destruction"].search_count([("archive_ids", "in", old.ids)]), 1
        )

    def test_propose_by_hand(self):
        archive = self.expired()
        action = archive.with_user(self.specialist).action_propose_destruction()
        proposal = self.env["cs.archive.destruction"].browse(action["res_id"])
        self.assertEqual(proposal.archive_ids, archive)
        self.assertEqual(proposal.state, "draft")

    def test_files_unreadable_after_destruction(self):
        archive = self.expired(title="已借过")
        files = archive.attachment_ids
        proposal = self.proposal(archive)
        self.approve(proposal)
        proposal.with_user(self.specialist).action_destroy()
        self.assertFalse(files.exists())
        self.assertFalse(archive.attachment_ids)
        self.assertEqual(archive.file_count, 0)
        # A destroyed archive is neither lent nor given files again.
        loan = self.create_loan(self.create_archive(title="另一份"))
        with self.assertRaises(UserError):
            self.env["cs.archive.loan.line"].create(
                {"loan_id": loan.id, "archive_id": archive.id}
            ) and loan.action_submit()
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.manager).create(
                {"name": "x.txt", "raw": b"x", "res_model": "cs.archive", "res_id": archive.id}
            )
