# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from odoo.addons.cs_service_dept.tests.common import RightsMatrixMixin

from .common import CsCreditCommon

ALL = "crwu"
MANAGERS = {"manager": ALL, "general_manager": ALL}
DEPARTMENT_DRAFTS = {"specialist": "crw", "supervisor": "crw", **MANAGERS}
POLICY_PART = {"specialist": "r", "supervisor": ALL, **MANAGERS}

# The credit rights, written out: a model added without its rights, or a right
# that drifts, fails here. Who may write what inside a right (drafts only,
# approved documents, the active policy) is tested with each flow.
RIGHTS = {
    "cs.credit.file": DEPARTMENT_DRAFTS,
    "cs.credit.competitor.term": {"specialist": ALL, "supervisor": ALL, **MANAGERS},
    "cs.credit.policy": {"specialist": "r", "supervisor": "crw", **MANAGERS},
    "cs.credit.policy.criterion": POLICY_PART,
    "cs.credit.policy.threshold": POLICY_PART,
    "cs.credit.policy.band": POLICY_PART,
    "cs.credit.evaluation": DEPARTMENT_DRAFTS,
    "cs.credit.limit.request": DEPARTMENT_DRAFTS,
    "cs.credit.anomaly": DEPARTMENT_DRAFTS,
    "cs.credit.grade.change": DEPARTMENT_DRAFTS,
    "cs.credit.override.wizard": MANAGERS,
    # the nightly evaluation's figures: written by the cron only
    "cs.credit.figure": {"manager": "r", "general_manager": "r"},
}


class TestCreditSecurity(CsCreditCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.secret = cls.create_customer("Secret Customer", cs_specialist_id=cls.specialist.id)
        # classified secret as after an approved confidentiality request
        cls.secret.sudo().cs_confidentiality = "secret"
        cls.secret_file = cls.env["cs.credit.file"].create({"partner_id": cls.secret.id})
        cls.public = cls.create_customer("Public Customer", cs_specialist_id=cls.specialist.id)
        cls.public_file = cls.env["cs.credit.file"].create({"partner_id": cls.public.id})

    def test_grade_not_written_by_clients(self):
        """The grade and score come from approved evaluations: no user writes
        them on the customer, not even the Manager, nor creates a customer with
        them (values or default_ context keys)."""
        self.grade(self.public, "C")
        for user in (self.specialist, self.manager):
            for vals in ({"cs_credit_grade": "AAA"}, {"cs_credit_score": 100.0}):
                with self.assertRaises(AccessError):
                    self.public.with_user(user).write(vals)
            with self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).create(
                    {"name": "Forged", "cs_credit_grade": "AAA"}
                )
            with self.assertRaises(AccessError):
                self.env["res.partner"].with_user(user).with_context(
                    default_cs_credit_grade="AAA"
                ).create({"name": "Forged by context"})
        self.env.invalidate_all()
        self.assertEqual(self.public.cs_credit_grade, "C")
        self.assertFalse(self.env["res.partner"].search([("name", "like", "Forged")]))

    def test_other_specialist_cannot_read_confidential_file(self):
        with self.assertRaises(AccessError):
            self.secret_file.with_user(self.specialist_2).read(["registered_capital"])
        # their own customer, a public one, and supervisors are fine
        self.secret_file.with_user(self.specialist).read(["registered_capital"])
        self.public_file.with_user(self.specialist_2).read(["registered_capital"])
        self.secret_file.with_user(self.supervisor).read(["registered_capital"])
        self.secret_file.with_user(self.manager).read(["registered_capital"])
        files = self.env["cs.credit.file"].with_user(self.specialist_2).search([])
        self.assertNotIn(self.secret_file, files)
        self.assertIn(self.public_file, files)

    def test_other_specialist_cannot_read_confidential_documents(self):
        documents = [
            self.grade(self.secret, "AAA", total_score=95),
            self.env["cs.credit.anomaly"].create({"partner_id": self.secret.id}),
            self.env["cs.credit.limit.request"].create(
                {"partner_id": self.secret.id, "reason": "x", "amount": 1}
            ),
            self.env["cs.credit.competitor.term"].create(
                {"file_id": self.secret_file.id, "competitor": "Rival"}
            ),
        ]
        for document in documents:
            with self.assertRaises(AccessError):
                document.with_user(self.specialist_2).read(["id"])
            document.with_user(self.specialist).read(["id"])
            document.with_user(self.supervisor).read(["id"])

    def test_contact_of_secret_customer_is_covered(self):
        """The rule follows the commercial entity: a document filed on a
        contact of the secret customer is hidden as well."""
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": self.secret.id})
        anomaly = self.env["cs.credit.anomaly"].create({"partner_id": contact.id})
        with self.assertRaises(AccessError):
            anomaly.with_user(self.specialist_2).read(["id"])

    def test_rule_is_global_not_cancelled_by_a_group_rule(self):
        """Another module's permissive group rule does not open secret files."""
        self.env["ir.rule"].create(
            {
                "name": "Another module: every credit file for internal users",
                "model_id": self.env["ir.model"]._get_id("cs.credit.file"),
                "domain_force": "[(1, '=', 1)]",
                "groups": [(4, self.env.ref("base.group_user").id)],
            }
        )
        with self.assertRaises(AccessError):
            self.secret_file.with_user(self.specialist_2).read(["registered_capital"])

    def test_internal_user_has_no_access(self):
        with self.assertRaises(AccessError):
            self.public_file.with_user(self.internal_user).read(["registered_capital"])
        with self.assertRaises(AccessError):
            self.env["cs.credit.policy"].with_user(self.internal_user).create({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.env["cs.credit.policy"].with_user(self.specialist).create({"name": "Mine"})


class TestCreditRightsMatrix(RightsMatrixMixin, CsCreditCommon):
    def test_rights_matrix(self):
        self.assert_rights_matrix("cs_credit_rating", RIGHTS)
