# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import SUPERUSER_ID, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import CsArchiveCommon


class TestOneOpenLine(CsArchiveCommon):
    def test_partial_unique_index(self):
        """PostgreSQL itself refuses a second open line of one archive."""
        archive = self.create_archive()
        loan_1 = self.create_loan(archive)
        loan_2 = self.create_loan(archive, user=self.specialist_2)
        loan_1.line_ids.sudo().write({"state": "on_loan"})
        self.env.flush_all()
        query = "UPDATE cs_archive_loan_line SET state = 'on_loan' WHERE id = %s"
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.env.cr.savepoint():
            self.env.cr.execute(query, [loan_2.line_ids.id])
        # Returned lines do not count.
        loan_1.line_ids.sudo().write({"state": "returned"})
        self.env.flush_all()
        self.env.cr.execute(query, [loan_2.line_ids.id])
        self.env.invalidate_all()
        self.assertEqual(loan_2.line_ids.state, "on_loan")


@tagged("post_install", "-at_install")
class TestConcurrentLoans(BaseCase):
    """Two clerks issue two loans of the same archive at the same moment, each
    in its own database connection: exactly one succeeds. The fixtures are
    committed (a second connection cannot see a test transaction) and removed
    afterwards."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            customer = env["res.partner"].create({"name": "并发客户", "is_company": True})
            archive = env["cs.archive"].create(
                {"title": "并发档案", "partner_id": customer.id, "cabinet": "C9"}
            )
            group = env.ref("cs_service_dept.group_cs_specialist")
            clerks = env["res.users"].create(
                [
                    {
                        "name": f"并发专员{i}",
                        "login": f"cs_concurrent_clerk_{i}",
                        "groups_id": [(6, 0, group.ids)],
                    }
                    for i in (1, 2)
                ]
            )
            loans = env["cs.archive.loan"].create(
                [
                    {
                        "borrower_id": clerk.id,
                        "purpose": "并发测试",
                        "due_date": fields.Date.today() + timedelta(days=3),
                        "line_ids": [(0, 0, {"archive_id": archive.id})],
                    }
                    for clerk in clerks
                ]
            )
            loans.action_submit()
            self.ids = {
                "partner": customer.id,
                "archive": archive.id,
                "users": clerks.ids,
                "loans": loans.ids,
            }
        self.addCleanup(self.cleanup)

    def cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            loans = env["cs.archive.loan"].browse(self.ids["loans"]).exists()
            env["tier.review"].search(
                [("model", "=", "cs.archive.loan"), ("res_id", "in", loans.ids)]
            ).unlink()
            loans.unlink()
            env["cs.archive"].browse(self.ids["archive"]).exists().unlink()
            users = env["res.users"].browse(self.ids["users"]).exists()
            partners = users.partner_id
            users.unlink()
            partners.unlink()
            env["res.partner"].browse(self.ids["partner"]).exists().unlink()

    def test_two_clerks_same_archive(self):
        barrier = threading.Barrier(2, timeout=30)
        results = {}

        def issue(index):
            try:
                with self.registry.cursor() as cr:
                    # The main thread holds the registries' lock while tests
                    # run: give the cursor its registry, not looked up by name.
                    cr.transaction = api.Transaction(self.registry)
                    clerk = self.ids["users"][index]
                    env = api.Environment(cr, clerk, {})
                    loan = env["cs.archive.loan"].browse(self.ids["loans"][index])
                    loan.read(["state"])
                    barrier.wait()
                    loan.action_issue()
                    env.flush_all()
                results[index] = "issued"
            except UserError as error:
                results[index] = error
            except Exception as error:  # noqa: BLE001 - reported by the assertion below
                results[index] = error

        with mute_logger("odoo.sql_db"):
            threads = [threading.Thread(target=issue, args=(i,)) for i in (0, 1)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertEqual(sorted(results), [0, 1], results)
        issued = [i for i, result in results.items() if result == "issued"]
        self.assertEqual(len(issued), 1, results)
        refused = results[1 - issued[0]]
        self.assertIsInstance(refused, UserError, refused)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            lines = env["cs.archive.loan.line"].search([("archive_id", "=", self.ids["archive"])])
            self.assertEqual(lines.mapped("state").count("on_loan"), 1)
            self.assertEqual(env["cs.archive"].browse(self.ids["archive"]).state, "on_loan")
