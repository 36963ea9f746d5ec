# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
from contextlib import contextmanager
from datetime import datetime, time, timedelta

from odoo import Command, fields

from .common import GROUP_ENGINEER, CsCommon

# a 1×1 PNG: what the signature widget sends
SIGNATURE = base64.b64encode(
    bytes.fromhex(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
        "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
    )
)


class RepairCommon(CsCommon):
    """Engineers, a customer with an address, a product with a warranty and a
    fee schedule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # "today" is the company's day, whoever asks (not the user's time zone)
        cls.env.company.partner_id.tz = "Asia/Shanghai"
        cls.engineer = cls.cs_user("cs_engineer", GROUP_ENGINEER, name="Engineer One")
        cls.engineer_2 = cls.cs_user("cs_engineer_2", GROUP_ENGINEER, name="Engineer Two")
        cls.customer = cls.create_customer(
            "华美贸易 (repair)",
            street="世纪大道 100 号",
            city="上海",
            email="repair@example.com",
            cs_specialist_id=cls.specialist.id,
        )
        cls.fault_noise = cls.env.ref("cs_service_dept.cs_repair_fault_type_noise")
        cls.fault_damage = cls.env.ref("cs_service_dept.cs_repair_fault_type_damage")
        cls.category = cls.env["product.category"].create(
            {"name": "Chairs (test)", "parent_id": cls.env.ref("product.product_category_all").id}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "办公椅 (test)",
                "type": "consu",
                "categ_id": cls.category.id,
                "cs_warranty_months": 12,
            }
        )
        Product = cls.env["product.product"]
        cls.labour = Product.create({"name": "维修工时费 (test)", "type": "service"})
        cls.damage_fee = Product.create({"name": "外壳维修费 (test)", "type": "service"})
        cls.maintenance_fee = Product.create({"name": "保养服务费 (test)", "type": "service"})
        all_categ = cls.env.ref("product.product_category_all")
        Fee = cls.env["cs.repair.fee"]
        Fee.search([]).active = False  # the demo schedule, if any
        Fee.create(
            [
                {"categ_id": all_categ.id, "product_id": cls.labour.id, "price": 100},
                {
                    "categ_id": all_categ.id,
                    "fault_type_id": cls.fault_damage.id,
                    "product_id": cls.damage_fee.id,
                    "price": 180,
                },
                {
                    "categ_id": cls.category.id,
                    "fault_type_id": cls.fault_damage.id,
                    "product_id": cls.damage_fee.id,
                    "price": 250,
                },
                {
                    "repair_kind": "maintenance",
                    "product_id": cls.maintenance_fee.id,
                    "price": 60,
                },
            ]
        )
        cls.maintenance_type = cls.env.ref("cs_service_dept.stock_picking_type_maintenance")

    @classmethod
    def deliver(cls, customer, product, days_ago=0, lot=None):
        """A delivery of one ``product`` (of ``lot``) done to ``customer``
        ``days_ago`` days ago, and its day."""
        warehouse = cls.env.ref("stock.warehouse0")
        stock = warehouse.lot_stock_id
        customers = cls.env.ref("stock.stock_location_customers")
        if lot:
            cls.env["stock.quant"]._update_available_quantity(product, stock, 1, lot_id=lot)
        picking = cls.env["stock.picking"].create(
            {
                "picking_type_id": warehouse.out_type_id.id,
                "partner_id": customer.id,
                "location_id": stock.id,
                "location_dest_id": customers.id,
                "move_ids": [
                    Command.create(
                        {
                            "name": product.name,
                            "product_id": product.id,
                            "product_uom_qty": 1,
                            "location_id": stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                ],
            }
        )
        picking.action_confirm()
        picking.action_assign()
        if not lot:
            picking.move_ids.quantity = 1
        picking.move_ids.picked = True
        picking.button_validate()
        day = cls.env["cs.followup"]._cs_today() - timedelta(days=days_ago)
        if days_ago:
            picking.move_line_ids.date = datetime.combine(day, time(4, 0))
        return picking, day

    @contextmanager
    def assertRefused(self, exception, pattern):
        """As an RPC call: refused with ``exception`` whose message matches
        ``pattern``, and rolled back (Odoo's ``assertRaises`` savepoint; the
        cache is reset so that the test reads what the database holds)."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertRegex(str(catcher.exception), pattern)
        self.env.invalidate_all()

    @classmethod
    def later(cls, hours):
        return fields.Datetime.now().replace(microsecond=0) + timedelta(hours=hours)

    @classmethod
    def create_repair(cls, user=None, **vals):
        values = {
            "partner_id": cls.customer.id,
            "product_id": cls.product.id,
            "cs_fault_type_id": cls.fault_noise.id,
            "cs_fault_description": "转动时异响",
            "cs_appointment_start": cls.later(24),
        }
        values.update(vals)
        return cls.env["repair.order"].with_user(user or cls.specialist).create(values)

    def dispatch(self, repair, engineer=None):
        repair = repair.with_user(self.supervisor)
        repair.cs_engineer_id = engineer or self.engineer
        repair.action_cs_dispatch()

    def sign(self, repair, **vals):
        values = {
            "cs_test_result": "测试正常",
            "cs_fault_found": "轴承磨损，已更换",
            "cs_handover": "pickup",
            "cs_signed_by": "王建国",
            "cs_signature": SIGNATURE,
        }
        values.update(vals)
        repair.write(values)

    @classmethod
    def add_part(cls, repair, product, qty=1):
        repair.sudo().write(
            {
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "repair_line_type": "add",
                        }
                    )
                ]
            }
        )
