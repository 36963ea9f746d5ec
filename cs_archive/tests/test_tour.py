# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLoanTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.borrower = new_test_user(
            cls.env, login="tour_borrower", name="Tour Borrower", groups="base.group_user"
        )
        cls.clerk = new_test_user(
            cls.env,
            login="tour_archive_clerk",
            name="Tour Clerk",
            groups="cs_service_dept.group_cs_specialist",
        )
        new_test_user(
            cls.env, login="tour_archive_manager", groups="cs_service_dept.group_cs_manager"
        )
        customer = cls.env["res.partner"].create({"name": "巡检客户", "is_company": True})
        cls.archive = cls.env["cs.archive"].create(
            {
                "title": "巡检合同",
                "partner_id": customer.id,
                "archive_type": "contract",
                "medium": "electronic",
            }
        )
        cls.env["ir.attachment"].create(
            {
                "name": "scan.pdf",
                "raw": b"%PDF-1.4 scan",
                "res_model": "cs.archive",
                "res_id": cls.archive.id,
            }
        )

    def test_lend_and_return(self):
        """A borrower without customer service groups requests and reads the
        archive; customer service issues it and takes it back."""
        self.assertFalse(self.borrower.has_group("cs_service_dept.group_cs_specialist"))
        self.start_tour("/odoo", "cs_archive_loan_request", login="tour_borrower")
        loan = self.env["cs.archive.loan"].search([("borrower_id", "=", self.borrower.id)])
        self.assertEqual(loan.state, "approved")
        self.assertEqual(loan.line_ids.archive_id, self.archive)
        url = f"/odoo/action-cs_archive.cs_archive_loan_action/{loan.id}"
        self.start_tour(url, "cs_archive_loan_issue", login="tour_archive_clerk")
        self.assertEqual(self.archive.state, "on_loan")
        self.assertEqual(loan.issued_by_id, self.clerk)
        self.start_tour("/odoo", "cs_archive_loan_read", login="tour_borrower")
        self.start_tour(url, "cs_archive_loan_return", login="tour_archive_clerk")
        self.env.invalidate_all()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.line_ids.return_condition, "damaged")
        self.assertEqual(self.archive.state, "available")
        self.assertTrue(self.archive.activity_ids)
