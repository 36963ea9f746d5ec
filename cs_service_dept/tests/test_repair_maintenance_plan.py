# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from dateutil.relativedelta import relativedelta

from odoo import fields

from .repair_common import RepairCommon


class TestMaintenancePlan(RepairCommon):
    """A product with a maintenance interval gets its next maintenance proposed
    by the scheduled action: a draft maintenance and a follow-up, once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.purifier = cls.env["product.product"].create(
            {"name": "净水器 (test)", "type": "consu", "cs_maintenance_interval_months": 6}
        )
        cls.today = cls.env["cs.followup"]._cs_today()
        cls.Plan = cls.env["cs.maintenance.plan"]

    def maintenances(self, customer):
        return self.env["repair.order"].search(
            [("partner_id", "=", customer.id), ("cs_repair_kind", "=", "maintenance")]
        )

    def test_proposed_once(self):
        _picking, delivered = self.deliver(self.customer, self.purifier, days_ago=200)
        recent = self.create_customer("新客户 (maintenance)", cs_specialist_id=self.specialist.id)
        self.deliver(recent, self.purifier, days_ago=30)
        self.assertEqual(self.Plan._cron_cs_plan_maintenance(), 0)

        repair = self.maintenances(self.customer)
        self.assertEqual(len(repair), 1)
        self.assertEqual(repair.state, "draft")
        self.assertEqual(repair.product_id, self.purifier)
        self.assertEqual(repair.picking_type_id, self.maintenance_type)
        self.assertEqual(repair.cs_maintenance_due_date, delivered + relativedelta(months=6))
        self.assertEqual(repair.cs_fee_line_ids.product_id, self.maintenance_fee)
        self.assertIn("6", repair.cs_fault_description)
        followup = self.env["cs.followup"].search([("repair_id", "=", repair.id)])
        self.assertEqual(followup.rule, "maintenance")
        self.assertEqual(followup.partner_id, self.customer)
        self.assertEqual(followup.specialist_id, self.specialist)
        self.assertEqual(followup.activity_id.user_id, self.specialist)
        self.assertFalse(self.maintenances(recent), "not due yet")

        # a second run creates nothing
        repairs_before = self.env["repair.order"].search_count([])
        followups_before = self.env["cs.followup"].search_count([])
        self.Plan._cron_cs_plan_maintenance()
        self.assertEqual(self.env["repair.order"].search_count([]), repairs_before)
        self.assertEqual(self.env["cs.followup"].search_count([]), followups_before)
        # declined: not proposed again for the same due date
        repair.sudo().action_repair_cancel()
        self.Plan._cron_cs_plan_maintenance()
        self.assertEqual(self.env["repair.order"].search_count([]), repairs_before)
        # done: the next one counts from the maintenance
        repair.sudo().write({"state": "done", "cs_done_date": fields.Datetime.now()})
        self.Plan._cron_cs_plan_maintenance()
        self.assertEqual(self.env["repair.order"].search_count([]), repairs_before)

    def test_per_serial_number(self):
        product = self.env["product.product"].create(
            {
                "name": "空气净化器 (test)",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "cs_maintenance_interval_months": 3,
            }
        )
        lots = self.env["stock.lot"].create(
            [{"name": f"AP-{index}", "product_id": product.id} for index in range(3)]
        )
        self.deliver(self.customer, product, days_ago=120, lot=lots[0])
        self.deliver(self.customer, product, days_ago=100, lot=lots[1])
        self.deliver(self.customer, product, days_ago=10, lot=lots[2])
        self.Plan._cron_cs_plan_maintenance()
        repairs = self.maintenances(self.customer)
        self.assertEqual(repairs.lot_id, lots[:2])

    def test_batches(self):
        for index in range(3):
            customer = self.create_customer(f"客户 {index} (maintenance)")
            self.deliver(customer, self.purifier, days_ago=200)
        self.assertEqual(self.Plan._cron_cs_plan_maintenance(batch_size=2), 1)
        self.assertEqual(self.Plan._cron_cs_plan_maintenance(batch_size=2), 0)
        self.assertEqual(
            self.env["repair.order"].search_count(
                [("product_id", "=", self.purifier.id), ("cs_repair_kind", "=", "maintenance")]
            ),
            3,
        )

    def test_queries_do_not_grow(self):
        """The scheduled action costs the same number of queries for 2 or 6
        customers (set-based)."""

        def queries(count):
            for index in range(count):
                customer = self.create_customer(
                    f"客户 {count}-{index} (maintenance)", cs_specialist_id=self.specialist.id
                )
                self.deliver(customer, self.purifier, days_ago=200)
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.Plan._cron_cs_plan_maintenance()
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        queries(1)  # warm the caches
        self.assertLessEqual(queries(6), queries(2))
