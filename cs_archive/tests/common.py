# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.addons.cs_service_dept.tests.common import CsCommon


class CsArchiveCommon(CsCommon):
    """Archives of a public, an internal and a secret customer; a borrower
    from another department (no customer service group)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.borrower = cls.internal_user
        cls.customer = cls.create_customer("华美贸易")
        cls.secret_customer = cls.create_customer("机密客户")
        cls.secret_customer.sudo().cs_confidentiality = "secret"
        cls.top_customer = cls.create_customer("绝密客户")
        cls.top_customer.sudo().cs_confidentiality = "top_secret"
        # "Today" as the crons see it: in the company's time zone.
        cls.today = cls.env["cs.archive"]._cs_today()

    @classmethod
    def create_archive(cls, partner=None, **vals):
        return cls.env["cs.archive"].create(
            {
                "title": "供货合同",
                "partner_id": (partner or cls.customer).id,
                "archive_type": "contract",
                "medium": "paper",
                "cabinet": "A1",
                "shelf": "3",
                **vals,
            }
        )

    @classmethod
    def create_electronic(cls, partner=None, content=b"contract scan", **vals):
        archive = cls.create_archive(partner, medium="electronic", cabinet=False, **vals)
        cls.env["ir.attachment"].create(
            {
                "name": "scan.pdf",
                "raw": content,
                "res_model": "cs.archive",
                "res_id": archive.id,
            }
        )
        return archive

    @classmethod
    def create_loan(cls, archives, user=None, days=7, **vals):
        user = user or cls.borrower
        Loan = cls.env["cs.archive.loan"].with_user(user)
        return Loan.create(
            {
                "borrower_id": user.id,
                "purpose": "审计核对",
                "loan_date": cls.today,
                "due_date": cls.today + timedelta(days=days),
                "line_ids": [(0, 0, {"archive_id": a.id}) for a in archives],
                **vals,
            }
        )

    def lend(self, archives, user=None, clerk=None, **vals):
        """Request, (approve) and issue a loan of ``archives`` to ``user``."""
        loan = self.create_loan(archives, user=user, **vals)
        loan.action_submit()
        if loan.state == "to_approve":
            loan.with_user(self.manager).validate_tier()
        loan.with_user(clerk or self.specialist).action_issue()
        return loan.with_user(self.env.user)

    def set_state(self, archives, state):
        archives.sudo()._cs_set_state(state)
