# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.cs_service_dept.tests.common import RightsMatrixMixin

from .common import CsArchiveCommon


class TestClearance(CsArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.public_customer = cls.create_customer("公开客户", cs_confidentiality="public")
        cls.public = cls.create_electronic(cls.public_customer, title="公开")
        cls.internal = cls.create_electronic(title="内部", content=b"internal scan")
        cls.secret = cls.create_electronic(cls.secret_customer, title="秘密", content=b"secret")
        cls.top = cls.create_electronic(cls.top_customer, title="绝密", content=b"top secret")
        cls.all = cls.public | cls.internal | cls.secret | cls.top

    def visible(self, user):
        return self.env["cs.archive"].with_user(user).search([("id", "in", self.all.ids)])

    def test_clearance_by_role(self):
        self.assertEqual(self.visible(self.borrower), self.public | self.internal)
        self.assertEqual(self.visible(self.specialist), self.public | self.internal)
        self.assertEqual(self.visible(self.supervisor), self.public | self.internal | self.secret)
        self.assertEqual(self.visible(self.manager), self.all)
        self.assertEqual(self.visible(self.general_manager), self.all)

    def test_reading_above_level(self):
        with self.assertRaises(AccessError):
            self.secret.with_user(self.specialist).read(["title"])
        with self.assertRaises(AccessError):
            self.top.with_user(self.supervisor).read(["title"])
        with self.assertRaises(AccessError):
            self.secret.with_user(self.borrower).read(["title"])
        files = self.env["ir.attachment"].search(
            [("res_model", "=", "cs.archive"), ("res_id", "=", self.secret.id)]
        )
        with self.assertRaises(AccessError):
            files.with_user(self.specialist).read(["raw"])
        self.assertFalse(
            self.env["ir.attachment"]
            .with_user(self.specialist)
            .search([("res_model", "=", "cs.archive"), ("res_id", "=", self.secret.id)])
        )

    def test_files_of_outsider_only_while_on_loan(self):
        Attachment = self.env["ir.attachment"].with_user(self.borrower)
        domain = [("res_model", "=", "cs.archive"), ("res_id", "=", self.internal.id)]
        files = self.env["ir.attachment"].search(domain)
        # The record is readable by clearance, its files are not.
        self.internal.with_user(self.borrower).read(["title"])
        self.assertFalse(Attachment.search(domain))
        with self.assertRaises(AccessError):
            files.with_user(self.borrower).read(["raw"])
        with self.assertRaises(AccessError):
            self.internal.with_user(self.borrower).action_view_files()
        loan = self.lend(self.internal)
        self.assertEqual(Attachment.search(domain), files)
        self.assertEqual(files.with_user(self.borrower).raw, b"internal scan")
        action = self.internal.with_user(self.borrower).action_view_files()
        self.assertEqual(Attachment.search(action["domain"]), files)
        # Nobody else's loan opens them to another outsider.
        other = self.cs_user("cs_outsider_2", "base.group_user")
        with self.assertRaises(AccessError):
            files.with_user(other).read(["raw"])
        # Nor may the borrower change them.
        with self.assertRaises(AccessError):
            files.with_user(self.borrower).write({"name": "x.pdf"})
        loan.line_ids.with_user(self.specialist).action_return()
        self.env.invalidate_all()
        self.assertFalse(Attachment.search(domain))
        with self.assertRaises(AccessError):
            files.with_user(self.borrower).read(["raw"])

    def test_borrower_reads_higher_archive_through_approved_loan(self):
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.top.with_user(self.borrower).read(["title"])
        loan = self.lend(self.top)
        self.assertEqual(loan.cs_requester_id, self.borrower)
        self.assertEqual(self.top.with_user(self.borrower).title, "绝密")
        files = self.top.attachment_ids
        self.assertEqual(files.with_user(self.borrower).raw, b"top secret")
        # Reading, not writing.
        with self.assertRaises(AccessError):
            self.top.with_user(self.borrower).write({"title": "x"})
        loan.line_ids.with_user(self.specialist).action_return()
        self.env.invalidate_all()
        with self.assertRaises(AccessError):
            self.top.with_user(self.borrower).read(["title"])

    def test_specialist_issues_approved_secret_loan(self):
        loan = self.lend(self.secret, clerk=self.specialist)
        self.assertEqual(loan.state, "issued")
        # The clerk still does not read the secret archive itself.
        with self.assertRaises(AccessError):
            self.secret.with_user(self.specialist).read(["title"])


@tagged("post_install", "-at_install")
class TestRightsMatrix(RightsMatrixMixin, CsArchiveCommon):
    def test_rights_matrix(self):
        self.assert_rights_matrix(
            "cs_archive",
            {
                "cs.archive": {
                    "internal": "r",
                    "specialist": "crw",
                    "supervisor": "crw",
                    "manager": "crw",
                    "general_manager": "crw",
                },
                "cs.archive.loan": {
                    "internal": "crw",
                    "specialist": "crw",
                    "supervisor": "crw",
                    "manager": "crw",
                    "general_manager": "crw",
                },
                "cs.archive.loan.line": {
                    "internal": "crwu",
                    "specialist": "crwu",
                    "supervisor": "crwu",
                    "manager": "crwu",
                    "general_manager": "crwu",
                },
                "cs.archive.destruction": {
                    "specialist": "crw",
                    "supervisor": "crw",
                    "manager": "crw",
                    "general_manager": "crw",
                },
                "cs.archive.destruction.line": {
                    "specialist": "r",
                    "supervisor": "r",
                    "manager": "r",
                    "general_manager": "r",
                },
                "cs.archive.inspection": {
                    "specialist": "crw",
                    "supervisor": "crw",
                    "manager": "crw",
                    "general_manager": "crw",
                },
                "cs.archive.inspection.finding": {
                    "specialist": "crwu",
                    "supervisor": "crwu",
                    "manager": "crwu",
                    "general_manager": "crwu",
                },
            },
        )


class TestMultiCompany(CsArchiveCommon):
    def test_other_company_archive_hidden(self):
        other = self.env["res.company"].create({"name": "分公司"})
        partner = self.env["res.partner"].create(
            {"name": "分公司客户", "is_company": True, "company_id": other.id}
        )
        archive = self.env["cs.archive"].create(
            {
                "title": "分公司合同",
                "partner_id": partner.id,
                "company_id": other.id,
                "cabinet": "Z",
            }
        )
        self.assertFalse(
            self.env["cs.archive"].with_user(self.manager).search([("id", "=", archive.id)])
        )
        with self.assertRaises(AccessError):
            archive.with_user(self.manager).read(["title"])
        # The expiry scheduled action proposes per company, with its company.
        archive.sudo()._cs_set_state("expired")
        proposal = self.env["cs.archive.destruction"]._cs_propose_expired(other)
        self.assertEqual(proposal.company_id, other)
        self.assertEqual(proposal.archive_ids, archive)
