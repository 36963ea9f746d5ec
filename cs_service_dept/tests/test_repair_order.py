# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import unicodedata
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .repair_common import RepairCommon


class TestRepairFlow(RepairCommon):
    def test_ticket_creates_linked_repair(self):
        """ "Create repair" on a repair ticket opens a repair linked both ways."""
        ticket = (
            self.env["helpdesk.ticket"]
            .with_user(self.specialist)
            .create(
                {
                    "name": "办公椅异响",
                    "description": "<p>转动时有异响</p>",
                    "partner_id": self.customer.id,
                    "cs_request_type": "repair",
                }
            )
        )
        action = ticket.action_cs_create_repair()
        repair = self.env["repair.order"].browse(action["res_id"])
        self.assertEqual(repair.ticket_id, ticket)
        self.assertEqual(repair.partner_id, self.customer)
        self.assertEqual(repair.cs_fault_description, "转动时有异响")
        self.assertEqual(repair.cs_repair_kind, "repair")
        self.assertEqual(ticket.cs_repair_count, 1)
        self.assertEqual(ticket.action_cs_view_repairs()["domain"], [("ticket_id", "=", ticket.id)])
        self.assertEqual(self.customer.cs_repair_count, 1)
        self.assertEqual(repair.action_cs_view_ticket()["res_id"], ticket.id)

    def test_in_warranty_carry_in(self):
        """Proof within the warranty: free, no estimate; the customer is told the
        appointment and when it is ready; the signed acceptance plans the revisit."""
        today = self.env["cs.followup"]._cs_today()
        repair = self.create_repair(
            cs_proof_type="warranty_card",
            cs_proof_reference="WK-001",
            cs_purchase_date=today - timedelta(days=30),
        )
        self.assertTrue(repair.under_warranty)
        self.assertEqual(
            repair.cs_warranty_end_date, today - timedelta(days=30) + relativedelta(months=12)
        )
        self.assertEqual(repair.cs_estimate_state, "not_needed")
        self.assertEqual(repair.cs_fee_line_ids.product_id, self.labour)
        self.assertEqual(repair.cs_fee_amount, 0.0)
        self.assertEqual(repair.cs_estimate_amount, 0.0)
        self.assertEqual(repair.schedule_date, repair.cs_appointment_start)
        self.assertEqual(repair.cs_deadline, repair.cs_appointment_start + timedelta(days=3))

        repair.with_user(self.specialist).action_cs_confirm_appointment()
        self.assertTrue(repair.cs_appointment_confirmed_date)
        self.assertIn(f"Your appointment for {repair.name}", repair.message_ids.mapped("subject"))

        self.dispatch(repair)
        self.assertEqual(repair.cs_engineer_id, self.engineer)
        self.assertEqual(repair.cs_dispatcher_id, self.supervisor)
        self.assertTrue(repair.activity_ids.filtered(lambda a: a.user_id == self.engineer))
        self.assertIn(self.engineer.partner_id, repair.message_partner_ids)

        as_engineer = repair.with_user(self.engineer)
        as_engineer.action_repair_start()
        self.assertEqual(repair.state, "under_repair")
        self.assertTrue(repair.cs_start_date)
        as_engineer.action_repair_end()
        self.assertEqual(repair.state, "done")
        self.assertEqual(repair.cs_timeliness, "on_time")
        self.assertTrue(repair.cs_ready_notified_date)
        self.assertIn(
            f"Your product is ready ({repair.name})", repair.message_ids.mapped("subject")
        )

        self.sign(as_engineer)
        as_engineer.action_cs_accept()
        self.assertTrue(repair.cs_accepted_date)
        followup = repair.cs_followup_id
        self.assertEqual(followup.rule, "revisit")
        self.assertEqual(followup.repair_id, repair)
        self.assertEqual(followup.partner_id, self.customer)
        self.assertEqual(followup.specialist_id, self.specialist)
        self.assertEqual(followup.planned_date, today + timedelta(days=7))
        self.assertEqual(followup.activity_id.user_id, self.specialist)

    def test_out_of_warranty_on_site(self):
        """No proof: the fee schedule applies (the most specific line), the work
        waits for the customer's acceptance of the quotation; on site, the
        customer is not told to pick anything up."""
        repair = self.create_repair(
            cs_service_mode="on_site",
            cs_fault_type_id=self.fault_damage.id,
            cs_appointment_start=self.later(24),
            cs_appointment_end=self.later(26),
        )
        self.assertFalse(repair.under_warranty)
        self.assertEqual(repair.cs_estimate_state, "pending")
        fees = {line.product_id: line.price_unit for line in repair.cs_fee_line_ids}
        self.assertEqual(fees, {self.labour: 100.0, self.damage_fee: 250.0})
        self.assertEqual(repair.cs_fee_amount, 350.0)
        self.assertEqual(repair.cs_deadline, repair.cs_appointment_end)
        self.assertEqual(repair.cs_address_id, self.customer)

        with self.assertRefused(UserError, "must accept the estimate"):
            repair.with_user(self.specialist).action_repair_start()
        self.assertEqual(repair.state, "draft")
        self.assertFalse(repair.cs_start_date)

        repair.with_user(self.specialist).action_create_sale_order()
        order = repair.sale_order_id
        self.assertEqual(
            {line.product_id: line.price_unit for line in order.order_line},
            {self.labour: 100.0, self.damage_fee: 250.0},
        )
        order.with_user(self.specialist).action_confirm()
        self.assertEqual(repair.cs_estimate_state, "accepted")
        self.assertFalse(repair.search([("sale_order_id", "=", order.id), ("id", "!=", repair.id)]))
        with self.assertRaises(UserError):
            repair.cs_fee_line_ids[0].with_user(self.specialist).price_unit = 1.0

        self.dispatch(repair)
        as_engineer = repair.with_user(self.engineer)
        as_engineer.action_repair_start()
        as_engineer.action_repair_end()
        self.assertFalse(repair.cs_ready_notified_date)
        self.sign(as_engineer, cs_handover="on_site")
        as_engineer.action_cs_accept()
        self.assertEqual(repair.cs_followup_id.rule, "revisit")
        self.assertGreaterEqual(repair.cs_duration_hours, 0.0)

    def test_estimate_recorded_by_specialist(self):
        repair = self.create_repair()
        repair.with_user(self.specialist).action_cs_accept_estimate()
        self.assertEqual(repair.cs_estimate_state, "accepted")
        self.assertEqual(repair.cs_estimate_accepted_by_id, self.specialist)
        repair.with_user(self.specialist).action_repair_start()
        self.assertEqual(repair.state, "under_repair")

    def test_maintenance_type(self):
        """Maintenance (保养) is its own operation type, with its own fees."""
        repair = self.create_repair(picking_type_id=self.maintenance_type.id)
        self.assertEqual(repair.cs_repair_kind, "maintenance")
        self.assertEqual(repair.cs_fee_line_ids.product_id, self.maintenance_fee)
        self.assertTrue(repair.name.startswith("WH/MT/"), repair.name)
        # switching the type applies the schedule again
        repair.with_user(self.specialist).picking_type_id = self.env.ref(
            "stock.warehouse0"
        ).repair_type_id
        self.assertEqual(repair.cs_fee_line_ids.product_id, self.labour)

    def test_purchase_date_from_lot_delivery(self):
        """With a serial number, the purchase date is the day the lot was
        delivered to the customer."""
        product = self.env["product.product"].create(
            {
                "name": "升降桌 (test)",
                "type": "consu",
                "is_storable": True,
                "tracking": "serial",
                "cs_warranty_months": 24,
            }
        )
        lot = self.env["stock.lot"].create({"name": "SN-0001", "product_id": product.id})
        picking, _day = self.deliver(self.customer, product, lot=lot)
        self.assertEqual(picking.state, "done")
        repair = self.create_repair(product_id=product.id, lot_id=lot.id, cs_proof_type="invoice")
        today = self.env["cs.followup"]._cs_local_date(picking.date_done)
        self.assertEqual(repair.cs_purchase_date, today)
        self.assertTrue(repair.under_warranty)

    def test_form_as_specialist(self):
        """The form, with its onchanges, as a specialist fills it in."""
        with Form(self.env["repair.order"].with_user(self.specialist)) as form:
            form.partner_id = self.customer
            form.product_id = self.product
            form.cs_fault_type_id = self.fault_noise
            form.cs_proof_type = "invoice"
            form.cs_proof_reference = "INV/001"
            form.cs_purchase_date = self.env["cs.followup"]._cs_today() - timedelta(days=400)
            form.cs_service_mode = "on_site"
            form.cs_appointment_start = self.later(30)
            form.cs_appointment_end = self.later(32)
        repair = form.record
        self.assertEqual(repair.cs_address_id, self.customer)
        self.assertFalse(repair.under_warranty, "bought 400 days ago, 12 months of warranty")
        self.assertEqual(repair.cs_estimate_state, "pending")


class TestRepairBadInput(RepairCommon):
    """Each refusal of the issue: a clear message and nothing written."""

    def test_start_out_of_warranty_before_estimate(self):
        repair = self.create_repair()
        self.dispatch(repair)
        with self.assertRefused(UserError, "must accept the estimate"):
            repair.with_user(self.engineer).action_repair_start()
        with self.assertRefused(UserError, "must accept the estimate"):
            repair.with_user(self.specialist).action_repair_done()
        self.env.invalidate_all()
        self.assertEqual(repair.state, "draft")
        self.assertFalse(repair.cs_start_date)

    def test_repair_outside_the_department_keeps_odoo_flow(self):
        """A repair with no ticket, for a customer no specialist follows, is not
        the department's: no estimate to wait for (Odoo's own repairs, as
        companies run them without customer service)."""
        walk_in = self.create_customer("Walk-in (repair)")
        repair = self.env["repair.order"].create(
            {"partner_id": walk_in.id, "product_id": self.product.id}
        )
        self.assertFalse(repair.cs_managed)
        self.assertEqual(repair.cs_estimate_state, "not_needed")
        repair.action_validate()
        repair.action_repair_start()
        self.assertEqual(repair.state, "under_repair")
        # followed by a specialist from now on: the department's rules apply
        walk_in.cs_specialist_id = self.specialist
        self.assertTrue(repair.cs_managed)

    def test_on_site_without_address(self):
        customer = self.create_customer("无地址客户")
        count = self.env["repair.order"].search_count([])
        with self.assertRefused(ValidationError, "needs the customer's address"):
            self.create_repair(
                partner_id=customer.id,
                cs_service_mode="on_site",
                cs_appointment_end=self.later(26),
            )
        self.assertEqual(self.env["repair.order"].search_count([]), count)
        repair = self.create_repair()
        with self.assertRefused(ValidationError, "time window"):
            repair.with_user(self.specialist).cs_service_mode = "on_site"
        self.env.invalidate_all()
        self.assertEqual(repair.cs_service_mode, "carry_in")

    def test_appointment_in_the_past(self):
        with self.assertRefused(ValidationError, "cannot be in the past"):
            self.create_repair(cs_appointment_start=self.later(-2))
        repair = self.create_repair()
        start = repair.cs_appointment_start
        with self.assertRefused(ValidationError, "cannot be in the past"):
            repair.with_user(self.specialist).cs_appointment_start = self.later(-2)
        with self.assertRefused(ValidationError, "must end after it starts"):
            repair.with_user(self.specialist).cs_appointment_end = start - timedelta(hours=1)
        self.env.invalidate_all()
        self.assertEqual(repair.cs_appointment_start, start)
        self.assertFalse(repair.cs_appointment_end)

    def test_accept_without_signature(self):
        repair = self.create_repair(cs_proof_type="invoice", cs_purchase_date=self.today())
        self.dispatch(repair)
        as_engineer = repair.with_user(self.engineer)
        as_engineer.action_repair_start()
        as_engineer.action_repair_end()
        self.sign(as_engineer, cs_signature=False)
        with self.assertRefused(UserError, "Customer Signature"):
            as_engineer.action_cs_accept()
        self.env.invalidate_all()
        self.assertFalse(repair.cs_accepted_date)
        self.assertFalse(repair.cs_followup_id)
        self.assertFalse(self.env["cs.followup"].search([("repair_id", "=", repair.id)]))

    def test_accept_before_repaired(self):
        repair = self.create_repair(cs_proof_type="invoice", cs_purchase_date=self.today())
        self.sign(repair.with_user(self.specialist))
        with self.assertRefused(UserError, "must be repaired"):
            repair.with_user(self.specialist).action_cs_accept()

    def test_negative_fee(self):
        with self.assertRefused(ValidationError, "cannot be negative"):
            self.env["cs.repair.fee"].with_user(self.manager).create(
                {"product_id": self.labour.id, "price": -10}
            )
        repair = self.create_repair()
        lines = repair.cs_fee_line_ids
        with self.assertRefused(ValidationError, "cannot be negative"):
            repair.with_user(self.specialist).write(
                {
                    "cs_fee_line_ids": [
                        Command.create({"product_id": self.labour.id, "price_unit": -5.0})
                    ]
                }
            )
        self.env.invalidate_all()
        self.assertEqual(repair.cs_fee_line_ids, lines)

    def test_fee_product_must_not_create_repairs(self):
        self.labour.product_tmpl_id.create_repair = True
        with self.assertRefused(ValidationError, "cannot be a repair fee"):
            self.env["cs.repair.fee"].create({"product_id": self.labour.id, "price": 10})
        with self.assertRefused(ValidationError, "cannot be a repair fee"):
            self.env["cs.repair.fee"].create({"product_id": self.product.id, "price": 10})

    def test_dispatch_needs_engineer_and_appointment(self):
        repair = self.create_repair(cs_appointment_start=False)
        with self.assertRefused(UserError, "Choose the engineer"):
            repair.with_user(self.supervisor).action_cs_dispatch()
        repair.with_user(self.supervisor).cs_engineer_id = self.engineer
        with self.assertRefused(UserError, "appointment"):
            repair.with_user(self.supervisor).action_cs_dispatch()
        with self.assertRefused(ValidationError, "not an engineer"):
            repair.with_user(self.supervisor).cs_engineer_id = self.specialist_2
        self.env.invalidate_all()
        self.assertFalse(repair.cs_dispatch_date)

    def today(self):
        return self.env["cs.followup"]._cs_today()


class TestRepairLate(RepairCommon):
    def test_late_cron(self):
        """Past their promised time, open repairs are flagged once and their
        dispatcher gets an activity; finished ones are not."""
        repairs = self.env["repair.order"]
        for _index in range(3):
            repair = self.create_repair(cs_proof_type="invoice", cs_purchase_date=self.today())
            self.dispatch(repair)
            repairs |= repair
        on_time = self.create_repair()
        repairs.sudo().cs_deadline = self.later(-1)
        self.env["repair.order"]._cron_cs_flag_late()
        self.assertEqual(set(repairs.mapped("cs_timeliness")), {"late"})
        self.assertFalse(on_time.cs_timeliness)
        activities = (
            self.env["mail.activity"]
            .search([("res_model", "=", "repair.order"), ("res_id", "in", repairs.ids)])
            .filtered(lambda a: a.user_id == self.supervisor)
        )
        self.assertEqual(len(activities), 3)
        self.assertTrue(all(a.summary.startswith("Late repair") for a in activities))
        # idempotent
        self.env["repair.order"]._cron_cs_flag_late()
        self.assertEqual(
            self.env["mail.activity"].search_count(
                [
                    ("res_model", "=", "repair.order"),
                    ("res_id", "in", repairs.ids),
                    ("user_id", "=", self.supervisor.id),
                ]
            ),
            3,
        )
        # ended late: stays late in the ledger
        repair = repairs[0].with_user(self.engineer)
        repair.action_repair_start()
        repair.action_repair_end()
        self.assertEqual(repairs[0].cs_timeliness, "late")

    def test_late_cron_queries_do_not_grow(self):
        """The scheduled action costs the same number of queries for 2 or 8 late
        repairs (set-based)."""

        def queries(count):
            repairs = self.env["repair.order"]
            for _index in range(count):
                repair = self.create_repair()
                self.dispatch(repair)
                repairs |= repair
            repairs.sudo().write({"cs_deadline": self.later(-1)})
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.env["repair.order"]._cron_cs_flag_late()
            self.env.flush_all()
            self.assertEqual(set(repairs.mapped("cs_timeliness")), {"late"})
            return self.env.cr.sql_log_count - before

        queries(1)  # warm the caches
        self.assertLessEqual(queries(8), queries(2))

    def today(self):
        return self.env["cs.followup"]._cs_today()


class TestRepairReport(RepairCommon):
    def test_dispatch_order_pdf_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        module = self.env["ir.module.module"].search([("name", "=", "cs_service_dept")])
        module._update_translations(["zh_CN"])
        repair = self.create_repair(cs_fault_type_id=self.fault_damage.id)
        self.dispatch(repair)
        self.env = self.env(context=dict(self.env.context, lang="zh_CN"))
        text = self.render_pdf_text(
            "cs_service_dept.action_report_repair_dispatch_order", repair.ids
        )
        # the CJK font maps some glyphs to the Kangxi radicals (⼯ for 工)
        text = unicodedata.normalize("NFKC", text)
        self.assertIn(repair.name, text)
        self.assertIn("华美贸易", text)
        self.assertIn("办公椅", text)
        self.assertIn("派工单", text)
        self.assertIn("保修期外", text)
        self.assertIn("外壳维修费", text)
        self.assertIn("EngineerOne", text)  # blanks removed
