# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError

from .common_customer import CsCustomerCommon

TODAY = date(2026, 3, 10)


@freeze_time("2026-03-10 09:00:00")
class TestDormancy(CsCustomerCommon):
    def _cs_customer(self, last_order=None, owner="customer_service", **vals):
        partner = self.create_customer(
            "客户",
            cs_owner=owner,
            customer_rank=1,
            cs_specialist_id=self.specialist.id,
            **vals,
        )
        if last_order:
            self._order(partner, last_order)
        return partner

    def _order(self, partner, day):
        return self.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "state": "sale",
                "date_order": datetime.combine(day, datetime.min.time()),
            }
        )

    def _run(self, partners):
        partners._cs_dormancy_batch(TODAY, self.env["res.partner"]._cs_thresholds())

    def _planned(self, partner):
        return partner.cs_followup_ids.filtered(lambda f: f.state == "planned")

    def test_active(self):
        partner = self._cs_customer(date(2026, 3, 5))
        self._run(partner)
        self.assertEqual(partner.cs_dormancy, "active")
        self.assertEqual(partner.cs_last_order_date, date(2026, 3, 5))
        self.assertFalse(partner.cs_followup_ids)

    def test_rule_1_idle_week_phone_call(self):
        """No order for more than 7 days: a follow-up and a phone call within 7 days."""
        partner = self._cs_customer(date(2026, 3, 1))
        self._run(partner)
        self.assertEqual(partner.cs_dormancy, "idle_week")
        followup = self._planned(partner)
        self.assertEqual(len(followup), 1)
        self.assertEqual(followup.rule, "idle_week")
        self.assertEqual(followup.planned_date, date(2026, 3, 17))
        activity = followup.activity_id
        self.assertEqual(activity.res_id, partner.id)
        self.assertEqual(activity.user_id, self.specialist)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        # idempotent
        self._run(partner)
        self.assertEqual(len(partner.cs_followup_ids), 1)

    def test_rule_2_two_contacts_a_month(self):
        partner = self._cs_customer(date(2026, 1, 20))
        self._run(partner)
        self.assertEqual(partner.cs_dormancy, "idle_month")
        planned = self._planned(partner)
        self.assertEqual(len(planned), 2)
        self.assertTrue(all(d.month == 3 for d in planned.mapped("planned_date")))
        self._run(partner)
        self.assertEqual(len(partner.cs_followup_ids), 2)

    def test_rule_2_done_contacts_count(self):
        """A contact done this month counts: only the missing one is planned."""
        partner = self._cs_customer(date(2026, 1, 20))
        done = self.env["cs.followup"].create(
            {"partner_id": partner.id, "specialist_id": self.specialist.id}
        )
        done.action_done()
        self.assertEqual(partner.cs_last_contact_date, TODAY)
        self._run(partner)
        self.assertEqual(len(self._planned(partner)), 1)
        self.assertEqual(partner.cs_last_contact_date, TODAY)

    def test_logged_call_is_a_contact(self):
        """A phone call activity marked done counts as the last contact."""
        partner = self._cs_customer(date(2026, 3, 5))
        with freeze_time("2026-03-08 10:00:00"):
            partner.activity_schedule(
                "mail.mail_activity_data_call", user_id=self.specialist.id
            ).action_feedback(feedback="Talked to the buyer")
        self._run(partner)
        self.assertEqual(partner.cs_last_contact_date, date(2026, 3, 8))

    def test_rule_3_takeover(self):
        """Sales silent for 60+ days and nothing owed: customer service takes over."""
        partner = self._cs_customer(date(2025, 12, 1), owner="sales", user_id=self.salesperson.id)
        self._run(partner)
        self.assertEqual(partner.cs_owner, "customer_service")
        self.assertEqual(partner.cs_takeover_date, TODAY)
        self.assertIn("takeover", self._planned(partner).mapped("rule"))
        self.assertTrue(any("Taken over" in body for body in partner.message_ids.mapped("body")))
        count = len(partner.cs_followup_ids)
        self._run(partner)
        self.assertEqual(len(partner.cs_followup_ids), count)

    def test_rule_3_owing_customer_stays_with_sales(self):
        partner = self._cs_customer(date(2025, 12, 1), owner="sales", user_id=self.salesperson.id)
        self.create_invoice(partner)
        self._run(partner)
        self.assertEqual(partner.cs_owner, "sales")
        self.assertEqual(partner.cs_dormancy, "sales_lapsed")
        self.assertFalse(partner.cs_followup_ids)

    def test_rule_3_salesperson_note_keeps_it(self):
        partner = self._cs_customer(date(2025, 12, 1), owner="sales", user_id=self.salesperson.id)
        with freeze_time("2026-02-20"):
            partner.message_post(
                body="Called the buyer",
                author_id=self.salesperson.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self._run(partner)
        self.assertEqual(partner.cs_owner, "sales")

    def test_rule_4_left_to_sales(self):
        partner = self._cs_customer(date(2026, 2, 1), owner="sales", user_id=self.salesperson.id)
        self._run(partner)
        self.assertEqual(partner.cs_dormancy, "idle_month")
        self.assertEqual(partner.cs_owner, "sales")
        self.assertFalse(partner.cs_followup_ids)

    def test_reorder_cancels_followups(self):
        partner = self._cs_customer(date(2026, 1, 20))
        self._run(partner)
        planned = self._planned(partner)
        activities = planned.activity_id
        self.assertEqual(len(planned), 2)
        self._order(partner, date(2026, 3, 9))
        self._run(partner)
        self.assertEqual(partner.cs_dormancy, "active")
        self.assertEqual(set(planned.mapped("state")), {"cancelled"})
        self.assertFalse(activities.exists())
        self.assertTrue(
            any("ordered again" in body for body in planned[0].message_ids.mapped("body"))
        )

    def test_cron_runs_all(self):
        partner = self._cs_customer(date(2026, 3, 1))
        self.env["res.partner"]._cron_dormancy_followup(batch_size=2)
        self.assertEqual(partner.cs_dormancy, "idle_week")
        followups = self.env["cs.followup"].search_count([])
        self.env["res.partner"]._cron_dormancy_followup(batch_size=2)
        self.assertEqual(self.env["cs.followup"].search_count([]), followups)

    def test_followup_done_and_cancel(self):
        followup = self.env["cs.followup"].create(
            {
                "partner_id": self._cs_customer().id,
                "specialist_id": self.specialist.id,
                "method": "visit",
                "outcome": "<p>Happy</p>",
            }
        )
        self.assertTrue(followup.activity_id)
        followup.with_user(self.specialist).action_done()
        self.assertEqual(followup.state, "done")
        self.assertFalse(followup.activity_id)
        with self.assertRaises(UserError):
            followup.action_cancel()

    def test_query_count_does_not_grow(self):
        """A batch costs the same number of queries for 3 and for 30 customers."""

        def make(count):
            partners = self.env["res.partner"]
            for i in range(count):
                partners |= self._cs_customer(date(2026, 1, 20 + i % 5))
            idle = self.env["res.partner"]
            for _i in range(count):
                idle |= self._cs_customer(date(2026, 3, 1))
            self.env.flush_all()
            self.env.invalidate_all()
            return partners | idle

        self._run(make(3))  # warm the caches
        small, large = make(3), make(30)
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self._run(small)
        self.env.flush_all()
        queries = self.cr.sql_log_count - start
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            self._run(large)
        self.assertEqual(len(large.cs_followup_ids), 30 * 2 + 30)
