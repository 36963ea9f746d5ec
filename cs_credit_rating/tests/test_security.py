# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import CsCreditCommon


class TestCreditSecurity(CsCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # classified secret as after an approved confidentiality request
        cls.secret = cls.create_customer(
            "Secret Customer", cs_specialist_id=cls.specialist.id
        ).with_context(cs_confidentiality_approved=True)
        cls.secret.cs_confidentiality = "secret"
        cls.secret_file = cls.env["cs.credit.file"].create({"partner_id": cls.secret.id})
        cls.public = cls.create_customer("Public Customer", cs_specialist_id=cls.specialist.id)
        cls.public_file = cls.env["cs.credit.file"].create({"partner_id": cls.public.id})

    def test_other_specialist_cannot_read_confidential_file(self):
        with self.assertRaises(AccessError):
            self.secret_file.with_user(self.specialist_2).read(["registered_capital"])
        # their own customer, a public one, and supervisors are fine
        self.secret_file.with_user(self.specialist).read(["registered_capital"])
        self.public_file.with_user(self.specialist_2).read(["registered_capital"])
        self.secret_file.with_user(self.supervisor).read(["registered_capital"])
        files = self.env["cs.credit.file"].with_user(self.specialist_2).search([])
        self.assertNotIn(self.secret_file, files)
        self.assertIn(self.public_file, files)

    def test_other_specialist_cannot_read_confidential_evaluation(self):
        evaluation = self.env["cs.credit.evaluation"].create(
            {"partner_id": self.secret.id, "total_score": 95, "grade": "AAA"}
        )
        with self.assertRaises(AccessError):
            evaluation.with_user(self.specialist_2).read(["grade"])
        evaluation.with_user(self.specialist).read(["grade"])

    def test_internal_user_has_no_access(self):
        with self.assertRaises(AccessError):
            self.public_file.with_user(self.internal_user).read(["registered_capital"])
        with self.assertRaises(AccessError):
            self.env["cs.credit.policy"].with_user(self.internal_user).create({"name": "Mine"})
