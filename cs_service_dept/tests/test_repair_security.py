# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Rights on repairs, each refused path called as an RPC client would."""

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .repair_common import SIGNATURE, RepairCommon


class TestRepairRights(RepairCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.repair = cls.create_repair()
        cls.repair.with_user(cls.supervisor).cs_engineer_id = cls.engineer
        cls.repair.with_user(cls.supervisor).action_cs_dispatch()

    def test_engineer_sees_only_own_dispatches(self):
        Repair = self.env["repair.order"]
        other = self.create_repair()
        self.assertIn(self.repair, Repair.with_user(self.engineer).search([]))
        self.assertNotIn(other, Repair.with_user(self.engineer).search([]))
        self.assertFalse(Repair.with_user(self.engineer_2).search([("id", "=", self.repair.id)]))
        with self.assertRaises(AccessError):
            self.repair.with_user(self.engineer_2).read(["name"])

    def test_engineer_cannot_edit_another_engineers_dispatch(self):
        with self.assertRaises(AccessError):
            self.repair.with_user(self.engineer_2).write({"cs_test_result": "forged"})
        with self.assertRaises(AccessError):
            self.repair.with_user(self.engineer_2).action_repair_start()
        with self.assertRaises(AccessError):
            self.repair.with_user(self.engineer_2).action_cs_accept()
        self.env.invalidate_all()
        self.assertFalse(self.repair.cs_test_result)
        self.assertEqual(self.repair.state, "draft")

    def test_engineer_records_results_only(self):
        as_engineer = self.repair.with_user(self.engineer)
        as_engineer.write({"cs_test_result": "测试正常", "cs_signature": SIGNATURE})
        self.assertEqual(self.repair.cs_test_result, "测试正常")
        for vals in (
            {"cs_engineer_id": self.engineer_2.id},
            {"product_id": self.env["product.product"].search([], limit=1).id},
            {"cs_proof_type": "invoice"},
            {"cs_fee_line_ids": [Command.clear()]},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_engineer.write(vals)
        with self.assertRaises(AccessError):
            self.env["repair.order"].with_user(self.engineer).create(
                {"product_id": self.product.id, "cs_engineer_id": self.engineer.id}
            )
        with self.assertRaises(AccessError):
            self.env["cs.repair.fee.line"].with_user(self.engineer).create(
                {"repair_id": self.repair.id, "product_id": self.labour.id, "price_unit": 0}
            )

    def test_engineer_cannot_do_customer_service_steps(self):
        as_engineer = self.repair.with_user(self.engineer)
        with self.assertRaises(AccessError):
            as_engineer.action_cs_accept_estimate()
        with self.assertRaises(AccessError):
            as_engineer.action_cs_confirm_appointment()
        with self.assertRaises(AccessError):
            as_engineer.action_cs_dispatch()
        self.assertEqual(self.repair.cs_estimate_state, "pending")

    def test_specialist_cannot_forge_steps_by_write(self):
        as_specialist = self.repair.with_user(self.specialist)
        for vals in (
            {"state": "done"},
            {"under_warranty": True},
            {"cs_estimate_accepted_date": "2026-01-01 00:00:00"},
            {"cs_accepted_date": "2026-01-01 00:00:00"},
            {"cs_timeliness": "on_time"},
            {"cs_dispatch_date": False},
            {"cs_engineer_id": self.engineer_2.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_specialist.write(vals)
        self.env.invalidate_all()
        self.assertEqual(self.repair.state, "draft")
        self.assertEqual(self.repair.cs_estimate_state, "pending")
        self.assertEqual(self.repair.cs_engineer_id, self.engineer)
        with self.assertRaises(AccessError):
            as_specialist.action_cs_dispatch()

    def test_specialist_cannot_forge_steps_by_context(self):
        Repair = self.env["repair.order"].with_user(self.specialist)
        vals = {"partner_id": self.customer.id, "product_id": self.product.id}
        for key, value in (
            ("default_state", "done"),
            ("default_cs_engineer_id", self.engineer.id),
            ("default_cs_estimate_accepted_date", "2026-01-01 00:00:00"),
            ("default_under_warranty", True),
        ):
            with self.subTest(key=key), self.assertRaises(AccessError):
                Repair.with_context(**{key: value}).create(vals)
        # a ticket the specialist may not read cannot be linked
        secret = self.create_customer(
            "机密客户", cs_confidentiality="secret", cs_specialist_id=self.specialist_2.id
        )
        ticket = (
            self.env["helpdesk.ticket"]
            .sudo()
            .create(
                {
                    "name": "机密报修",
                    "description": "<p>机密</p>",
                    "partner_id": secret.id,
                    "user_id": self.specialist_2.id,
                }
            )
        )
        with self.assertRaises(AccessError):
            Repair.with_context(default_ticket_id=ticket.id).create(vals)

    def test_acceptance_is_final(self):
        repair = self.create_repair(
            cs_proof_type="invoice", cs_purchase_date=self.env["cs.followup"]._cs_today()
        )
        self.dispatch(repair)
        as_engineer = repair.with_user(self.engineer)
        as_engineer.action_repair_start()
        as_engineer.action_repair_end()
        self.sign(as_engineer)
        as_engineer.action_cs_accept()
        with self.assertRaises(UserError):
            as_engineer.write({"cs_signature": False})
        with self.assertRaises(UserError):
            repair.with_user(self.manager).write({"cs_test_result": "changed"})
        with self.assertRaises(UserError):
            as_engineer.action_cs_accept()

    def test_stock_users_outside_the_department_keep_odoos_rights(self):
        """The warehouse repairs as before: the engineer's rule does not apply."""
        storekeeper = new_test_user(
            self.env, login="cs_storekeeper", groups="stock.group_stock_user"
        )
        repair = self.create_repair(
            cs_proof_type="invoice", cs_purchase_date=self.env["cs.followup"]._cs_today()
        )
        Repair = self.env["repair.order"].with_user(storekeeper)
        self.assertIn(self.repair, Repair.search([]))
        repair.with_user(storekeeper).action_repair_start()
        self.assertEqual(repair.state, "under_repair")
        with self.assertRaises(AccessError):
            repair.with_user(storekeeper).write({"state": "done"})
