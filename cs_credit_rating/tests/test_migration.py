# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
from pathlib import Path

from odoo.exceptions import UserError
from odoo.tools.sql import column_exists

from .common import CsCreditCommon

MIGRATIONS = Path(__file__).parents[1] / "migrations"


def migrate(cr, version, from_version):
    """Run ``migrations/<version>/post-migration.py`` on ``cr``, as the
    upgrade from ``from_version`` does."""
    path = MIGRATIONS / version / "post-migration.py"
    name = "cs_credit_post_migration_" + version.replace(".", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.migrate(cr, from_version)


class TestCreditMigration(CsCreditCommon):
    def _migrate(self):
        migrate(self.env.cr, "18.0.1.1.0", "18.0.1.0.0")

    def test_old_group_rules_deleted_and_grades_kept(self):
        """A database of 18.0.1.0.0 loses its confidentiality group rules (the
        global rules replace them) and keeps its customers' grades."""
        rule = self.env["ir.rule"].create(
            {
                "name": "old supervisor rule",
                "model_id": self.env["ir.model"]._get_id("cs.credit.file"),
                "domain_force": "[(1, '=', 1)]",
                "groups": [(4, self.env.ref("cs_service_dept.group_cs_supervisor").id)],
            }
        )
        self.env["ir.model.data"].create(
            {
                "module": "cs_credit_rating",
                "name": "cs_credit_file_rule_supervisor",
                "model": "ir.rule",
                "res_id": rule.id,
                "noupdate": True,
            }
        )
        customer = self.create_customer("Migrated Customer")
        evaluation = self.grade(customer, "AA")
        # as the ORM leaves an evaluation of 18.0.1.0.0 when it adds the state
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE cs_credit_evaluation SET state = 'draft' WHERE id = %s", [evaluation.id]
        )
        self.env.invalidate_all()
        self.assertFalse(customer.cs_credit_grade)
        self._migrate()
        self.assertFalse(rule.exists())
        self.assertTrue(
            self.env.ref("cs_credit_rating.cs_credit_file_rule_confidential_specialist")
        )
        self.env.invalidate_all()
        self.assertEqual(evaluation.state, "approved")
        self.assertEqual(customer.cs_credit_grade, "AA")

    def test_pending_approval_still_waits_for_another_reviewer(self):
        """A limit request whose approval was requested in 18.0.1.0.0 (a draft
        with an open review, its requester in ``user_id``) waits for its
        approval, and its requester still cannot approve it."""
        customer = self.create_customer("In-flight Customer")
        request = self.env["cs.credit.limit.request"].create(
            {"partner_id": customer.id, "reason": "x", "amount": 5000}
        )
        self.env["tier.review"].sudo().create(
            {
                "model": request._name,
                "res_id": request.id,
                "definition_id": self.env.ref(
                    "cs_credit_rating.tier_definition_credit_limit_request"
                ).id,
                "status": "pending",
                "requested_by": self.manager.id,
            }
        )
        # the requester column of 18.0.1.0.0, left by the ORM
        self.env.flush_all()
        self.env.cr.execute("ALTER TABLE cs_credit_limit_request ADD COLUMN user_id int4")
        self.env.cr.execute(
            "UPDATE cs_credit_limit_request SET user_id = %s WHERE id = %s",
            [self.manager.id, request.id],
        )
        self._migrate()
        self.env.invalidate_all()
        self.assertEqual(request.state, "to_approve")
        self.assertEqual(request.cs_requester_id, self.manager)
        with self.assertRaisesText(UserError, "requested it yourself"):
            request.with_user(self.manager).validate_tier()
        request.with_user(self.general_manager).validate_tier()
        self.assertEqual(request.state, "approved")
        self.assertEqual(customer.with_company(request.company_id).credit_limit, 5000)

    def test_archived_customer_keeps_its_grade(self):
        customer = self.create_customer("Archived Customer")
        self.grade(customer, "A")
        customer.active = False
        self.env.flush_all()
        self.env.invalidate_all()
        self._migrate()
        self.env.invalidate_all()
        self.assertEqual(customer.cs_credit_grade, "A")


class TestCreditMigration120(CsCreditCommon):
    def test_latest_evaluation_column_dropped(self):
        """A database of 18.0.1.1.0 stored the latest evaluation on the
        customer: the column goes, the grades stay and the pointer is still
        read (derived)."""
        customer = self.create_customer("Upgraded Customer")
        evaluation = self.grade(customer, "A")
        self.env.flush_all()
        self.env.cr.execute(
            "ALTER TABLE res_partner ADD COLUMN cs_credit_evaluation_id int4; "
            "CREATE INDEX res_partner__cs_credit_evaluation_id_index "
            "ON res_partner (cs_credit_evaluation_id)"
        )
        migrate(self.env.cr, "18.0.1.2.0", "18.0.1.1.0")
        self.assertFalse(column_exists(self.env.cr, "res_partner", "cs_credit_evaluation_id"))
        self.env.invalidate_all()
        self.assertEqual(customer.cs_credit_grade, "A")
        self.assertEqual(customer.cs_credit_evaluation_id, evaluation)


class TestCreditMigration130(CsCreditCommon):
    def test_grade_columns_dropped(self):
        """A database of 18.0.1.2.0 stored the grade and score on the
        customer: the columns go, and the grade is read from the latest
        approved evaluation of the current company."""
        customer = self.create_customer("Graded Customer")
        self.grade(customer, "B", total_score=61)
        self.env.flush_all()
        self.env.cr.execute(
            "ALTER TABLE res_partner ADD COLUMN cs_credit_grade varchar, "
            "ADD COLUMN cs_credit_score float8"
        )
        migrate(self.env.cr, "18.0.1.3.0", "18.0.1.2.0")
        for column in ("cs_credit_grade", "cs_credit_score"):
            self.assertFalse(column_exists(self.env.cr, "res_partner", column))
        self.env.invalidate_all()
        self.assertEqual((customer.cs_credit_grade, customer.cs_credit_score), ("B", 61))
