# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form

from .common import CsArchiveCommon


class TestArchive(CsArchiveCommon):
    def test_number_and_expiry(self):
        archive = self.create_archive(retention_years=3)
        self.assertTrue(archive.name.startswith("ARC/"))
        self.assertEqual(archive.state, "available")
        self.assertEqual(archive.expiry_date.year, archive.archive_date.year + 3)
        archive.retention_years = 0
        self.assertFalse(archive.expiry_date)
        self.assertEqual(archive.location, "A1 / 3")

    def test_form_as_specialist(self):
        with Form(self.env["cs.archive"].with_user(self.specialist)) as form:
            form.title = "往来函件"
            form.partner_id = self.customer
            form.archive_type = "correspondence"
            form.cabinet = "B2"
            self.assertEqual(form.confidentiality, "internal")
        archive = form.record
        self.assertEqual(archive.create_uid, self.specialist)

    def test_confidentiality_follows_customer(self):
        archive = self.create_archive(self.secret_customer)
        self.assertEqual(archive.confidentiality, "secret")
        with self.assertRaises(ValidationError):
            archive.confidentiality = "internal"
        with self.assertRaises(ValidationError):
            self.create_archive(self.secret_customer, confidentiality="public")
        # The customer's level is raised (the approved request writes as superuser).
        internal = self.create_archive()
        self.customer.sudo().cs_confidentiality = "top_secret"
        self.assertEqual(internal.confidentiality, "top_secret")
        self.assertIn("Top Secret", internal.message_ids[0].body)
        # Lowered: the archives stay where they are.
        self.customer.sudo().cs_confidentiality = "internal"
        self.assertEqual(internal.confidentiality, "top_secret")

    def test_paper_needs_cabinet(self):
        with self.assertRaises(ValidationError):
            self.create_archive(cabinet=False)

    def test_state_only_by_steps(self):
        archive = self.create_archive()
        with self.assertRaises(AccessError):
            archive.with_user(self.manager).write({"state": "destroyed"})
        with self.assertRaises(AccessError):
            self.env["cs.archive"].with_user(self.specialist).create(
                {"title": "x", "partner_id": self.customer.id, "cabinet": "A", "state": "expired"}
            )
        with self.assertRaises(AccessError):
            archive.with_user(self.specialist).write({"res_model": "res.partner"})
        self.assertEqual(archive.state, "available")

    def test_never_deleted(self):
        archive = self.create_archive()
        with self.assertRaises(AccessError):
            archive.with_user(self.general_manager).unlink()
        self.assertTrue(archive.exists())

    def test_smart_button(self):
        self.create_archive()
        self.create_archive(title="第二份")
        self.assertEqual(self.customer.with_user(self.specialist).cs_archive_count, 2)
        action = self.customer.action_cs_view_archives()
        self.assertEqual(self.env["cs.archive"].search_count(action["domain"]), 2)


class TestArchiveQueries(CsArchiveCommon):
    def test_list_reads_borrowers_in_one_go(self):
        """Reading the borrower of many archives costs the same as of a few."""
        few = self.create_archive() | self.create_archive(title="二")
        many = few | self.env["cs.archive"].create(
            [
                {"title": f"档案{i}", "partner_id": self.customer.id, "cabinet": "D"}
                for i in range(10)
            ]
        )
        self.lend(few[:1])
        self.lend(many[5:6])
        counts = []
        for archives in (few, many, few, many):
            # The record cache emptied each time; the first two fill the
            # registry's caches (rules, groups).
            self.env.invalidate_all()
            archives = archives.with_user(self.supervisor)
            before = self.cr.sql_log_count
            archives.read(["borrower_id", "loan_due_date", "file_count", "state"])
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[2], counts[3], counts)
