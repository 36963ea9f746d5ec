# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError

from .common import CsCommon


class TestCustomerClassification(CsCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The standard of these tests only (the demo ships a rule).
        cls.env["cs.customer.category.rule"].search([]).active = False
        Category = cls.env["cs.customer.category"]
        cls.key = Category.create({"name": "大客户", "category_type": "value_tier"})
        cls.normal = Category.create({"name": "普通客户", "category_type": "value_tier"})
        cls.south = Category.create({"name": "华南制造", "category_type": "industry"})
        cls.manual = Category.create({"name": "手工分类", "category_type": "size"})
        Rule = cls.env["cs.customer.category.rule"]
        cls.rule_key = Rule.create(
            {
                "name": "年销售额≥1万且两单以上",
                "category_id": cls.key.id,
                "min_sales": 10000,
                "min_orders": 2,
            }
        )
        cls.rule_normal = Rule.create(
            {"name": "有下单", "category_id": cls.normal.id, "min_orders": 1, "sequence": 20}
        )
        cls.rule_south = Rule.create(
            {
                "name": "广东",
                "category_id": cls.south.id,
                "state_ids": [Command.set(cls.env.ref("base.state_cn_GD").ids)],
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "空调", "list_price": 6000, "standard_price": 4000}
        )

    def _customer(self, name, orders=(), **vals):
        partner = self.create_customer(name, customer_rank=1, **vals)
        for qty, days_ago in orders:
            order = self.env["sale.order"].create(
                {
                    "partner_id": partner.id,
                    "order_line": [
                        Command.create({"product_id": self.product.id, "product_uom_qty": qty})
                    ],
                }
            )
            order.action_confirm()
            order.date_order = fields.Datetime.now() - timedelta(days=days_ago)
        return partner

    def test_rules_place_customers(self):
        gd = self.env.ref("base.state_cn_GD")
        big = self._customer(
            "格力机电",
            orders=[(1, 10), (1, 100)],
            state_id=gd.id,
            country_id=self.env.ref("base.cn").id,
        )
        small = self._customer("小店", orders=[(1, 10), (5, 400)])
        idle = self._customer(
            "沉睡客户", cs_category_ids=[Command.set([self.key.id, self.manual.id])]
        )
        self.env["cs.customer.category.rule"]._cron_classify_customers()
        self.assertEqual(big.cs_category_ids, self.key | self.south)
        self.assertEqual(big.cs_orders_12m, 2)
        self.assertAlmostEqual(big.cs_sales_12m, 12000)
        self.assertAlmostEqual(big.cs_margin_12m, 33.33, places=2)
        # The order of more than a year ago does not count.
        self.assertEqual(small.cs_category_ids, self.normal)
        self.assertEqual(small.cs_orders_12m, 1)
        # A managed category no rule gives any more goes; a hand-set one stays.
        self.assertEqual(idle.cs_category_ids, self.manual)
        self.assertEqual(idle.cs_classified_date, self.env["cs.followup"]._cs_today())
        self.assertIn("classification standard", idle.message_ids[0].body)
        self.assertIn("大客户", idle.message_ids[0].body)
        # Idempotent: running again changes nothing and logs nothing.
        messages = self.env["mail.message"].search_count([])
        big.cs_classified_date = False
        self.env["cs.customer.category.rule"]._cron_classify_customers()
        self.assertEqual(self.env["mail.message"].search_count([]), messages)

    def test_sales_in_other_currencies_converted(self):
        """An order in another currency counts in the company's currency."""
        company = self.env.company
        other = self.env["res.currency"].search(
            [("id", "!=", company.currency_id.id), ("active", "in", (True, False))], limit=1
        )
        other.active = True
        self.env["res.currency.rate"].search(
            [("currency_id", "in", (other | company.currency_id).ids)]
        ).unlink()
        self.env["res.currency.rate"].create(
            {"currency_id": other.id, "rate": 0.125, "name": "2020-01-01", "company_id": company.id}
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "外币价目表", "currency_id": other.id}
        )
        partner = self._customer("外币客户", orders=[(1, 10)])
        order = self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "pricelist_id": pricelist.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        order.action_confirm()
        self.assertEqual(order.currency_id, other)
        self.assertAlmostEqual(order.amount_untaxed, 750)
        self.env["cs.customer.category.rule"]._cron_classify_customers()
        self.assertAlmostEqual(partner.cs_sales_12m, 12000)
        self.assertAlmostEqual(partner.cs_margin_12m, 33.33, places=2)
        self.assertEqual(partner.cs_category_ids, self.key)

    def test_manual_change_tracked(self):
        partner = self._customer("华新商贸")
        # a later transaction: the creation's pending tracking is done
        self.env.flush_all()
        self.env.cr.precommit.run()
        partner.with_env(self.env(context={"lang": "en_US"})).write(
            {"cs_category_ids": [Command.link(self.manual.id)]}
        )
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracking = self.env["mail.tracking.value"].search(
            [
                ("mail_message_id.model", "=", "res.partner"),
                ("mail_message_id.res_id", "=", partner.id),
            ]
        )
        self.assertIn("手工分类", " ".join(tracking.mapped("new_value_char")))

    def test_button_and_rights(self):
        partner = self._customer("华新商贸", orders=[(1, 5)], cs_specialist_id=self.specialist.id)
        partner.with_user(self.specialist).action_cs_classify()
        self.assertEqual(partner.cs_category_ids, self.normal)
        with self.assertRaises(AccessError):
            self.rule_key.with_user(self.specialist).action_apply()
        with self.assertRaises(AccessError):
            self.rule_key.with_user(self.specialist).write({"min_sales": 1})
        self.rule_key.with_user(self.manager).action_apply()
        with self.assertRaises(ValidationError):
            self.rule_key.write({"min_sales": 100, "max_sales": 10})
        with self.assertRaises(ValidationError):
            self.rule_key.write({"min_orders": -1})

    def test_cron_query_count_does_not_grow(self):
        Rule = self.env["cs.customer.category.rule"]

        def make(count, tag):
            partners = self.env["res.partner"]
            for index in range(count):
                partners |= self._customer(f"批量{tag}{index}", orders=[(1 + index % 3, 5)])
            self.env.flush_all()
            self.env.invalidate_all()
            return partners

        for warm in range(2):
            make(3, f"w{warm}")
            Rule._cron_classify_customers()
        make(3, "s")
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        Rule._cron_classify_customers()
        self.env.flush_all()
        self.env.cr.flush()
        queries = self.cr.sql_log_count - start
        large = make(20, "l")
        with self.assertQueryCount(queries):
            Rule._cron_classify_customers()
            self.env.flush_all()
        self.assertEqual(
            set(large.mapped("cs_classified_date")), {Rule.env["cs.followup"]._cs_today()}
        )
        self.assertTrue(all(large.mapped("cs_category_ids")))
