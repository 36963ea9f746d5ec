# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import GROUP_SPECIALIST
from .common_customer import CsCustomerCommon


@freeze_time("2026-03-10")
class TestAssignment(CsCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist_3 = cls.cs_user("cs_specialist_3", GROUP_SPECIALIST)
        cls.spec_a = cls.create_specialist(cls.specialist, capacity=20)
        cls.spec_b = cls.create_specialist(cls.specialist_2, capacity=20)
        cls.spec_c = cls.create_specialist(cls.specialist_3, capacity=20)

    def _customers(self, count, **vals):
        return self.env["res.partner"].create(
            [{"name": f"客户 {i}", "is_company": True, **vals} for i in range(count)]
        )

    def _wizard(self, partners, **vals):
        return (
            self.env["cs.assign.wizard"]
            .with_user(self.supervisor)
            .with_context(active_model="res.partner", active_ids=partners.ids)
            .create(vals)
        )

    def test_balanced(self):
        """Equal capacity and skill: after N customers, loads differ by at most 1."""
        customers = self._customers(17)
        self._wizard(customers).action_assign()
        self.assertFalse(customers.filtered(lambda p: not p.cs_specialist_id))
        loads = [s.customer_count for s in self.spec_a | self.spec_b | self.spec_c]
        self.assertEqual(sum(loads), 17)
        self.assertLessEqual(max(loads) - min(loads), 1, loads)
        self.assertEqual(customers.mapped("cs_assigned_date")[0].isoformat(), "2026-03-10")

    def test_balanced_with_existing_load(self):
        """Specialists who already carry more get fewer of the new customers."""
        self._customers(6, cs_specialist_id=self.specialist.id)
        customers = self._customers(9)
        customers._cs_assign_balanced()
        self.assertEqual(self.spec_a.customer_count, 6)
        loads = sorted(s.customer_count for s in self.spec_a | self.spec_b | self.spec_c)
        self.assertEqual(loads, [4, 5, 6])

    def test_specialty_first(self):
        """A retail customer goes to the retail specialist even if more loaded."""
        self.spec_b.specialty_ids = self.cat_retail
        self._customers(3, cs_specialist_id=self.specialist_2.id)
        retail = self._customers(1, cs_category_ids=[(6, 0, self.cat_retail.ids)])
        retail._cs_assign_balanced()
        self.assertEqual(retail.cs_specialist_id, self.specialist_2)

    def test_high_value_to_most_skilled(self):
        self.spec_c.skill_level = 5
        key = self._customers(1, cs_category_ids=[(6, 0, self.cat_key.ids)])
        key._cs_assign_balanced()
        self.assertEqual(key.cs_specialist_id, self.specialist_3)

    def test_activity_for_specialist(self):
        customer = self._customers(1)
        self._wizard(customer, specialist_id=self.spec_a.id).action_assign()
        activity = customer.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.specialist)
        self.assertEqual(activity.date_deadline.isoformat(), "2026-03-17")
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("cs_service_dept.mail_activity_type_record_customer"),
        )

    def test_reassign_keeps_history(self):
        customer = self._customers(1, cs_specialist_id=self.specialist.id)
        self._wizard(customer, specialist_id=self.spec_b.id).action_assign()
        self.assertEqual(customer.cs_specialist_id, self.specialist_2)
        bodies = customer.message_ids.mapped("body")
        self.assertTrue(
            any("Reassigned from" in body and self.specialist_2.name in body for body in bodies),
            bodies,
        )

    def test_inactive_specialist_refused(self):
        self.spec_a.active = False
        customer = self._customers(1)
        with self.assertRaises(UserError):
            self._wizard(customer, specialist_id=self.spec_a.id).action_assign()
        self.assertFalse(customer.cs_specialist_id)

    def test_full_refused_nothing_written(self):
        """No room for the last one: nothing of the batch is written."""
        (self.spec_a | self.spec_b | self.spec_c).write({"capacity": 1})
        customers = self._customers(4)
        with self.assertRaises(UserError):
            customers._cs_assign_balanced()
        self.assertFalse(customers.cs_specialist_id)

    def test_capacity_below_load_refused(self):
        self._customers(3, cs_specialist_id=self.specialist.id)
        with self.assertRaises(ValidationError):
            self.spec_a.capacity = 2
        self.spec_a.capacity = 3
        self.assertEqual(self.spec_a.load_ratio, 100.0)

    def test_capacity_zero_refused(self):
        with self.assertRaises(ValidationError):
            self.spec_a.capacity = 0
        with self.assertRaises(ValidationError):
            self.spec_a.skill_level = 6
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.create_specialist(self.specialist, capacity=5)

    def test_auto_assign_setting(self):
        self.env["ir.config_parameter"].set_param("cs_service_dept.auto_assign", "True")
        with Form(self.env["res.partner"].with_context(default_is_company=True)) as form:
            form.name = "新客户"
        self.assertTrue(form.record.cs_specialist_id)
        self.env["ir.config_parameter"].set_param("cs_service_dept.auto_assign", "False")
        other = self._customers(1)
        self.assertFalse(other.cs_specialist_id)

    def test_specialist_cannot_assign(self):
        with self.assertRaises(AccessError):
            self.env["cs.assign.wizard"].with_user(self.specialist).create({})
        with self.assertRaises(AccessError):
            self.spec_a.with_user(self.specialist).capacity = 99

    def test_region(self):
        customer = self._customers(
            1,
            country_id=self.env.ref("base.cn").id,
            state_id=self.env.ref("base.state_cn_GD").id,
        )
        self.assertEqual(customer.cs_region, self.env.ref("base.state_cn_GD").name)
        customer.state_id = False
        self.assertEqual(customer.cs_region, self.env.ref("base.cn").name)
