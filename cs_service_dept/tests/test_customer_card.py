# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command

from .common import CsCommon


class TestCustomerCard(CsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["cs.customer.category.rule"].search([]).active = False
        cls.category = cls.env["cs.customer.category"].create({"name": "重点客户"})
        cls.customer = cls.create_customer(
            "华美贸易",
            customer_rank=1,
            cs_specialist_id=cls.specialist.id,
            cs_category_ids=[Command.set(cls.category.ids)],
            child_ids=[
                Command.create({"name": "王经理", "function": "采购经理", "phone": "13800000000"})
            ],
        )
        product = cls.env["product.product"].create({"name": "冷柜", "list_price": 3000})
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 2})],
            }
        )
        order.action_confirm()
        cls.env["cs.followup"].with_user(cls.specialist).create(
            {"partner_id": cls.customer.id, "outcome": "<p>客户满意续订</p>"}
        ).action_done()

    def test_card_values(self):
        values = self.customer._cs_card_values()[self.customer]
        self.assertAlmostEqual(values["sales_12m"], 6000)
        self.assertEqual(values["orders_12m"], 1)
        self.assertEqual(len(values["last_contacts"]), 1)

    def test_card_pdf(self):
        text = self.render_pdf_text(
            "cs_service_dept.action_report_cs_customer_card", self.customer.ids
        )
        for expected in ("华美贸易", "王经理", "采购经理", "重点客户", "客户满意续订", "6,000.00"):
            self.assertIn(expected, text)

    def test_roster_pdf(self):
        self.env["cs.customer.category.rule"]._cs_classify(self.customer)
        other = self.create_customer("华联贸易", customer_rank=1)
        text = self.render_pdf_text(
            "cs_service_dept.action_report_cs_customer_roster", (self.customer | other).ids
        )
        self.assertIn("重点客户", text)
        self.assertIn("华美贸易", text)
        self.assertIn("华联贸易", text)
        self.assertIn("6,000.00", text)
