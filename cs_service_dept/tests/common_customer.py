# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime

from odoo.addons.cs_service_dept.tests.common import CsCommon


class CsCustomerCommon(CsCommon):
    """Specialists, categories, orders and invoices for the customer file tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Demo specialists must not take part in the balancing tests.
        cls.env["cs.specialist"].search([]).write({"active": False})
        Category = cls.env["cs.customer.category"]
        cls.cat_retail = Category.create({"name": "Retail T", "category_type": "industry"})
        cls.cat_factory = Category.create({"name": "Manufacturing T", "category_type": "industry"})
        cls.cat_key = Category.create(
            {"name": "Key Account T", "category_type": "value_tier", "high_value": True}
        )
        cls.salesperson = cls.cs_user("cs_salesperson", "sales_team.group_sale_salesman")
        cls.product = cls.env["product.product"].create(
            {"name": "Air purifier", "list_price": 1000.0}
        )

    @classmethod
    def create_specialist(cls, user, **vals):
        return cls.env["cs.specialist"].create({"user_id": user.id, **vals})

    @classmethod
    def create_order(cls, partner, date, confirm=True):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "order_line": [(0, 0, {"product_id": cls.product.id})],
            }
        )
        if confirm:
            order.action_confirm()
        order.date_order = datetime.combine(date, datetime.min.time())
        return order

    @classmethod
    def create_invoice(cls, partner, amount=500.0):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_line_ids": [
                    (0, 0, {"name": "Service", "quantity": 1, "price_unit": amount})
                ],
            }
        )
        invoice.action_post()
        return invoice
