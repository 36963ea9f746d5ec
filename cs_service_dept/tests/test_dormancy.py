# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime
from unittest.mock import patch

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from odoo.addons.cs_service_dept.models.cs_followup import CLASSIFIED_ON, spread_dates

from .common_customer import CsCustomerCommon

TODAY = date(2026, 3, 10)


class DormancyCommon(CsCustomerCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "UTC"

    def _cs_customer(self, last_order=None, owner="customer_service", **vals):
        """A customer with a specialist; ``owner=None`` keeps the field's default."""
        if owner:
            vals["cs_owner"] = owner
        vals.setdefault("cs_specialist_id", self.specialist.id)
        partner = self.create_customer("客户", customer_rank=1, **vals)
        if last_order:
            self._order(partner, last_order)
        return partner

    def _order(self, partner, day):
        when = day if isinstance(day, datetime) else datetime.combine(day, datetime.min.time())
        return self.env["sale.order"].create(
            {"partner_id": partner.id, "state": "sale", "date_order": when}
        )

    def _run(self, batch_size=None):
        """Run the scheduled action as Odoo does: call again while some remain."""
        self.env["ir.config_parameter"].set_param(CLASSIFIED_ON, False)
        calls = 1
        while self.env["cs.followup"]._cron_plan_dormancy(batch_size=batch_size):
            calls += 1
        return calls

    def _planned(self, partner):
        return partner.cs_followup_ids.filtered(lambda f: f.state == "planned")


@freeze_time("2026-03-10 09:00:00")
class TestDormancy(DormancyCommon):
    def test_active(self):
        partner = self._cs_customer(date(2026, 3, 5))
        self._run()
        self.assertEqual(partner.cs_dormancy, "active")
        self.assertEqual(partner.cs_last_order_date, date(2026, 3, 5))
        self.assertFalse(partner.cs_followup_ids)

    def test_rule_1_idle_week_phone_call(self):
        """No order for more than 7 days: a follow-up and a phone call within 7 days."""
        partner = self._cs_customer(date(2026, 3, 1))
        self._run()
        self.assertEqual(partner.cs_dormancy, "idle_week")
        followup = self._planned(partner)
        self.assertEqual(len(followup), 1)
        self.assertEqual(followup.rule, "idle_week")
        self.assertEqual(followup.planned_date, date(2026, 3, 17))
        activity = followup.activity_id
        self.assertEqual(activity.res_id, partner.id)
        self.assertEqual(activity.user_id, self.specialist)
        self.assertEqual(activity.activity_type_id, self.env.ref("mail.mail_activity_data_call"))
        self.assertTrue(activity.automated)
        self.assertIn(self.specialist.partner_id, partner.message_partner_ids)
        # idempotent
        self._run()
        self.assertEqual(len(partner.cs_followup_ids), 1)

    def test_rules_1_2_cover_every_customer_with_a_specialist(self):
        """The field's default (sales) is no hand-over: a customer assigned to a
        specialist and idle is called."""
        week = self._cs_customer(date(2026, 3, 1), owner=None)
        month = self._cs_customer(date(2026, 1, 20), owner=None)
        self.assertEqual(week.cs_owner, "sales")
        self._run()
        self.assertEqual(self._planned(week).mapped("rule"), ["idle_week"])
        self.assertEqual(set(self._planned(month).mapped("rule")), {"idle_month"})
        self.assertEqual(len(self._planned(month)), 2)

    def test_rule_2_two_contacts_a_month(self):
        partner = self._cs_customer(date(2026, 1, 20))
        self._run()
        self.assertEqual(partner.cs_dormancy, "idle_month")
        planned = self._planned(partner)
        self.assertEqual(len(planned), 2)
        self.assertTrue(all(d.month == 3 for d in planned.mapped("planned_date")))
        self.assertEqual(len(set(planned.mapped("planned_date"))), 2)
        self._run()
        self.assertEqual(len(partner.cs_followup_ids), 2)

    def test_rule_2_done_contacts_count(self):
        """A contact done this month counts: only the missing one is planned."""
        partner = self._cs_customer(date(2026, 1, 20))
        done = self.env["cs.followup"].create(
            {"partner_id": partner.id, "specialist_id": self.specialist.id}
        )
        done.action_done()
        self.assertEqual(partner.cs_last_contact_date, TODAY)
        self._run()
        self.assertEqual(len(self._planned(partner)), 1)
        self.assertEqual(partner.cs_last_contact_date, TODAY)

    def test_logged_call_is_a_contact_of_the_month(self):
        """A phone call marked done on the customer is one of the month's contacts."""
        partner = self._cs_customer(date(2026, 1, 20))
        with freeze_time("2026-03-08 10:00:00"):
            partner.activity_schedule(
                "mail.mail_activity_data_call", user_id=self.specialist.id
            ).with_user(self.specialist).action_feedback(feedback="Talked to the buyer")
        call = partner.cs_followup_ids
        self.assertEqual(call.state, "done")
        self.assertEqual(call.done_date, date(2026, 3, 8))
        self.assertIn("Talked to the buyer", call.outcome)
        self._run()
        self.assertEqual(partner.cs_last_contact_date, date(2026, 3, 8))
        self.assertEqual(len(self._planned(partner)), 1)

    def test_rule_3_takeover(self):
        """Sales silent for 60+ days and nothing owed: customer service takes over."""
        partner = self._cs_customer(date(2025, 12, 1), owner="sales", user_id=self.salesperson.id)
        self._run()
        self.assertEqual(partner.cs_owner, "customer_service")
        self.assertEqual(partner.cs_takeover_date, TODAY)
        self.assertIn("takeover", self._planned(partner).mapped("rule"))
        self.assertEqual(len(self._planned(partner)), 2)
        self.assertTrue(any("Taken over" in body for body in partner.message_ids.mapped("body")))
        count = len(partner.cs_followup_ids)
        self._run()
        self.assertEqual(len(partner.cs_followup_ids), count)

    def test_rule_3_owing_customer_stays_with_sales(self):
        partner = self._cs_customer(
            date(2025, 12, 1), owner="sales", user_id=self.salesperson.id, cs_specialist_id=False
        )
        self.create_invoice(partner)
        self._run()
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
        self._run()
        self.assertEqual(partner.cs_owner, "sales")

    def test_rule_4_handed_to_sales(self):
        """A customer explicitly handed to sales is left to sales until sales is
        silent for the threshold; then rule 3 takes it back."""
        partner = self._cs_customer(date(2026, 1, 20), user_id=self.salesperson.id)
        self._run()
        planned = self._planned(partner)
        self.assertEqual(len(planned), 2)
        action = partner.with_user(self.specialist).action_cs_hand_to_sales()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.specialist)
            .with_context(**action["context"])
        )
        wizard.reason = "Wants a dedicated salesperson"
        wizard.save().action_confirm()
        self.assertEqual(partner.cs_owner, "sales")
        self.assertEqual(partner.cs_handover_date, TODAY)
        self.assertEqual(set(planned.mapped("state")), {"cancelled"})
        self.assertTrue(
            any(
                "Wants a dedicated salesperson" in body and "2026-03-10" in body
                for body in partner.message_ids.mapped("body")
            )
        )
        self._run()
        self.assertFalse(self._planned(partner))
        self.assertEqual(partner.cs_owner, "sales")
        with freeze_time("2026-05-10 09:00:00"):  # sales silent since the order of January
            self._run()
            self.assertEqual(partner.cs_owner, "customer_service")
            self.assertFalse(partner.cs_handover_date)
            self.assertIn("takeover", self._planned(partner).mapped("rule"))

    def test_hand_over_needs_customer_service_and_a_reason(self):
        partner = self._cs_customer(date(2026, 1, 20))
        with self.assertRaises(UserError):
            partner.with_user(self.specialist)._cs_hand_to_sales("  ")
        Wizard = self.env["cs.handover.wizard"]
        with self.assertRaises(AccessError):
            Wizard.with_user(self.internal_user).create(
                {"partner_ids": [(6, 0, partner.ids)], "reason": "x"}
            )
        with self.assertRaises(UserError):
            partner.with_user(self.internal_user)._cs_hand_to_sales("x")
        self.assertFalse(partner.cs_handover_date)

    def test_reorder_cancels_followups(self):
        partner = self._cs_customer(date(2026, 1, 20))
        self._run()
        planned = self._planned(partner)
        activities = planned.activity_id
        self.assertEqual(len(planned), 2)
        self._order(partner, date(2026, 3, 9))
        self._run()
        self.assertEqual(partner.cs_dormancy, "active")
        self.assertEqual(set(planned.mapped("state")), {"cancelled"})
        self.assertFalse(activities.exists())
        self.assertTrue(
            any("ordered again" in body for body in planned[0].message_ids.mapped("body"))
        )

    def test_cron_classifies_once_a_day(self):
        partner = self._cs_customer(date(2026, 3, 1))
        self._run(batch_size=2)
        self.assertEqual(partner.cs_dormancy, "idle_week")
        # the same day, a new idle customer waits for tomorrow's classification
        later = self._cs_customer(date(2026, 2, 25))
        self.env["cs.followup"]._cron_plan_dormancy()
        self.assertFalse(later.cs_followup_ids)
        with freeze_time("2026-03-11 09:00:00"):
            self.env["cs.followup"]._cron_plan_dormancy()
        self.assertEqual(len(later.cs_followup_ids), 1)
        self.assertEqual(len(partner.cs_followup_ids), 1)

    def test_cron_reports_progress(self):
        for day in range(1, 6):
            self._cs_customer(date(2026, 2, day))
        self.env["ir.config_parameter"].set_param(CLASSIFIED_ON, False)
        cron = self.env.ref("cs_service_dept.ir_cron_dormancy_followup")
        self.assertEqual(cron.code.strip(), "model._cron_plan_dormancy()")
        self.assertEqual(cron.model_id.model, "cs.followup")
        cron, progress = cron._add_progress()
        self.env["cs.followup"].with_context(
            ir_cron_progress_id=cron.env.context["ir_cron_progress_id"]
        )._cron_plan_dormancy(batch_size=2)
        self.assertEqual(progress.done, 2)
        self.assertGreaterEqual(progress.remaining, 3)

    def test_batches_resume_after_interruption(self):
        """Batch size 2, 6 customers: a run interrupted after one batch (the next one
        crashing and rolled back) and resumed gives the same rows as one uninterrupted
        run."""
        customers = self.env["res.partner"]
        for day in (1, 2, 3):
            customers |= self._cs_customer(date(2026, 3, day))
            customers |= self._cs_customer(date(2026, 1, day))
        self.env.flush_all()

        def rows():
            self.env.invalidate_all()
            followups = self.env["cs.followup"].search([("partner_id", "in", customers.ids)])
            return sorted(
                (
                    f.partner_id.id,
                    f.rule,
                    f.planned_date,
                    f.specialist_id.id,
                    f.activity_id.date_deadline,
                    f.activity_id.summary,
                    f.partner_id.cs_dormancy,
                )
                for f in followups
            )

        class Rollback(Exception):
            pass

        try:
            with self.env.cr.savepoint():
                self._run(batch_size=2)
                uninterrupted = rows()
                raise Rollback
        except Rollback:
            self.env.invalidate_all()
            self.env.registry.clear_cache()
        self.assertTrue(uninterrupted)
        self.assertFalse(rows())

        Followup = self.env["cs.followup"]
        self.env["ir.config_parameter"].set_param(CLASSIFIED_ON, False)
        self.assertTrue(Followup._cron_plan_dormancy(batch_size=2))  # one batch
        crash = patch.object(type(Followup), "_cs_create_planned", side_effect=RuntimeError)
        try:
            with self.env.cr.savepoint(), crash:
                Followup._cron_plan_dormancy(batch_size=2)
        except RuntimeError:
            self.env.invalidate_all()
        calls = 1
        while Followup._cron_plan_dormancy(batch_size=2):  # Odoo calls again
            calls += 1
        self.assertGreater(calls, 1)
        self.assertEqual(rows(), uninterrupted)

    def test_followup_done_and_cancel(self):
        followup = self.env["cs.followup"].create(
            {
                "partner_id": self._cs_customer().id,
                "specialist_id": self.specialist.id,
                "method": "visit",
                "outcome": "<p>Happy</p>",
            }
        )
        activity = followup.activity_id
        self.assertTrue(activity)
        followup.with_user(self.specialist).action_done()
        self.assertEqual(followup.state, "done")
        self.assertFalse(activity.exists())
        self.assertTrue(
            any("Happy" in body for body in followup.partner_id.message_ids.mapped("body"))
        )
        with self.assertRaises(UserError):
            followup.action_cancel()

    def test_followup_results_written_by_buttons_only(self):
        """A client cannot record contacts that never happened, nor a rule."""
        partner = self._cs_customer()
        Followup = self.env["cs.followup"].with_user(self.specialist)
        for vals in ({"state": "done"}, {"done_date": "2026-03-01"}, {"rule": "idle_week"}):
            with self.assertRaises(AccessError):
                Followup.create({"partner_id": partner.id, **vals})
        followup = Followup.create({"partner_id": partner.id})
        for vals in ({"state": "done"}, {"done_date": "2026-03-01"}, {"activity_id": False}):
            with self.assertRaises(AccessError):
                followup.with_context(cs_followup_done=True).write(vals)
        self.assertEqual(followup.state, "planned")
        followup.action_done()
        self.assertEqual(followup.state, "done")

    def test_activity_done_marks_the_followup_done(self):
        """Done from the chatter, the activity menu or the mobile app (all call
        action_feedback): the follow-up is done with the feedback as outcome."""
        partner = self._cs_customer(date(2026, 3, 1))
        self._run()
        followup = self._planned(partner)
        with freeze_time("2026-03-12 09:00:00"):
            followup.activity_id.with_user(self.specialist).action_feedback(
                feedback="Will order next week"
            )
        self.assertEqual(followup.state, "done")
        self.assertEqual(followup.done_date, date(2026, 3, 12))
        self.assertIn("Will order next week", followup.outcome)
        self.assertEqual(partner.cs_last_contact_date, date(2026, 3, 12))
        self.assertEqual(len(partner.cs_followup_ids), 1)  # not also a logged call
        # the done follow-up no longer blocks: nothing new before the next rule fires
        self._run()
        self.assertFalse(self._planned(partner))

    def test_query_count_does_not_grow(self):
        """A run costs the same number of queries for 6 and for 60 customers."""

        def make(count):
            partners = self.env["res.partner"]
            for i in range(count):
                partners |= self._cs_customer(date(2026, 1, 20 + i % 5))
            for _i in range(count):
                partners |= self._cs_customer(date(2026, 3, 1))
            self.env.flush_all()
            self.env.invalidate_all()
            return partners

        for _warm in range(2):  # warm the caches
            make(3)
            self._run(batch_size=1000)
        small = make(3)
        self.env.cr.flush()  # pending precommit hooks, as assertQueryCount does
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self._run(batch_size=1000)
        self.env.flush_all()
        self.env.cr.flush()
        queries = self.cr.sql_log_count - start
        self.assertEqual(len(small.cs_followup_ids), 3 * 2 + 3)
        large = make(30)
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            self._run(batch_size=1000)
        self.assertEqual(len(large.cs_followup_ids), 30 * 2 + 30)


class TestSpreadContacts(DormancyCommon):
    def test_spread_dates(self):
        end = date(2026, 3, 31)
        self.assertEqual(
            spread_dates(date(2026, 3, 10), end, 2), [date(2026, 3, 10), date(2026, 3, 21)]
        )
        self.assertEqual(
            spread_dates(date(2026, 3, 30), end, 2), [date(2026, 3, 30), date(2026, 3, 31)]
        )
        self.assertEqual(spread_dates(date(2026, 3, 31), end, 2), [end, end])
        self.assertEqual(
            spread_dates(date(2026, 3, 30), end, 3),
            [date(2026, 3, 30), date(2026, 3, 30), date(2026, 3, 31)],
        )
        self.assertEqual(
            spread_dates(date(2026, 3, 29), end, 1, busy={date(2026, 3, 29)}), [date(2026, 3, 30)]
        )
        self.assertEqual(spread_dates(date(2026, 3, 29), end, 0), [])

    @freeze_time("2026-03-30 09:00:00")
    def test_two_days_left_two_contacts(self):
        partner = self._cs_customer(date(2026, 1, 20))
        self._run()
        self.assertEqual(
            sorted(self._planned(partner).mapped("planned_date")),
            [date(2026, 3, 30), date(2026, 3, 31)],
        )

    @freeze_time("2026-04-01 09:00:00")
    def test_twice_per_calendar_month(self):
        """Contacts of March do not count for April."""
        partner = self._cs_customer(date(2026, 1, 20))
        with freeze_time("2026-03-30 09:00:00"):
            self._run()
        self.assertEqual(len(self._planned(partner)), 2)
        self._run()
        april = self._planned(partner).filtered(lambda f: f.planned_date.month == 4)
        self.assertEqual(len(april), 2)
        self.assertEqual(len(set(april.mapped("planned_date"))), 2)


class TestDormancyLocalTime(DormancyCommon):
    """The company is in Asia/Shanghai (UTC+8): dates are that company's dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Asia/Shanghai"

    def test_order_at_0730_local_is_that_days_order(self):
        partner = self._cs_customer()
        order = self.create_order(partner, date(2026, 3, 1), confirm=False)
        with freeze_time("2026-03-09 23:30:00"):  # 07:30 on March 10 in Shanghai
            order.action_confirm()
        self.assertEqual(partner.cs_last_order_date, date(2026, 3, 10))
        with freeze_time("2026-03-18 15:30:00"):  # 23:30 on the 18th: 8 days
            self._run()
        self.assertEqual(partner.cs_last_order_date, date(2026, 3, 10))
        self.assertEqual(partner.cs_dormancy, "idle_week")

    def test_2330_local_is_still_the_last_day_of_the_month(self):
        partner = self._cs_customer(datetime(2026, 1, 20, 1, 0))
        with freeze_time("2026-03-31 15:30:00"):  # 23:30 on March 31 in Shanghai
            self._run()
            planned = self._planned(partner)
            self.assertEqual(planned.mapped("planned_date"), [date(2026, 3, 31)] * 2)
            planned[0].activity_id.action_feedback(feedback="Reached")
        self.assertEqual(planned[0].done_date, date(2026, 3, 31))

    def test_0030_local_is_the_next_month(self):
        partner = self._cs_customer(datetime(2026, 1, 20, 1, 0))
        with freeze_time("2026-03-31 16:30:00"):  # 00:30 on April 1 in Shanghai
            self._run()
            planned = self._planned(partner)
            self.assertEqual(
                sorted(planned.mapped("planned_date")), [date(2026, 4, 1), date(2026, 4, 16)]
            )
            planned.sorted("planned_date")[0].action_done()
        self.assertEqual(planned.sorted("planned_date")[0].done_date, date(2026, 4, 1))
        self.assertEqual(partner.cs_last_contact_date, date(2026, 4, 1))

    def test_order_at_2330_utc_counts_as_the_next_local_day(self):
        partner = self._cs_customer(datetime(2026, 3, 1, 23, 30))  # 07:30 on March 2 local
        with freeze_time("2026-03-09 17:00:00"):  # 01:00 on March 10 local: 8 days
            self._run()
        self.assertEqual(partner.cs_last_order_date, date(2026, 3, 2))
        self.assertEqual(partner.cs_dormancy, "idle_week")
        self.assertEqual(self._planned(partner).planned_date, date(2026, 3, 17))

    def test_same_day_for_every_user(self):
        """Today is the department's day whoever asks; without a company time
        zone, the administrator's, not the user's."""
        Followup = self.env["cs.followup"]
        self.specialist.tz = "Pacific/Auckland"  # UTC+13 in March
        self.specialist_2.tz = "America/Los_Angeles"
        with freeze_time("2026-03-09 23:30:00"):  # 07:30 on March 10 in Shanghai
            for user in (self.specialist, self.specialist_2):
                self.assertEqual(Followup.with_user(user)._cs_today(), date(2026, 3, 10))
            self.env.company.partner_id.tz = False
            self.env.ref("base.user_admin").tz = "Asia/Shanghai"
            for user in (self.specialist, self.specialist_2):
                self.assertEqual(Followup.with_user(user)._cs_today(), date(2026, 3, 10))


@freeze_time("2026-03-10 09:00:00")
class TestDormancyLanguage(DormancyCommon):
    """Text the scheduled action stores is in its reader's language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        module = cls.env["ir.module.module"].search([("name", "=", "cs_service_dept")])
        module._update_translations(["zh_CN"])
        cls.specialist.lang = "zh_CN"
        cls.env.company.partner_id.lang = "zh_CN"

    def test_activity_in_the_specialists_language(self):
        chinese = self._cs_customer(date(2026, 3, 1))
        english = self._cs_customer(date(2026, 3, 1), cs_specialist_id=self.specialist_2.id)
        self._run()
        self.assertEqual(self._planned(chinese).activity_id.summary, "跟进（电话）：一周无订单")
        self.assertEqual(
            self._planned(english).activity_id.summary,
            "Follow-up (Phone): No Order for a Week",
        )

    def test_takeover_chatter_in_the_companys_language(self):
        partner = self._cs_customer(date(2025, 12, 1), owner="sales", user_id=self.salesperson.id)
        self._run()
        self.assertEqual(partner.cs_owner, "customer_service")
        self.assertTrue(any("客服" in body for body in partner.message_ids.mapped("body")))
        self.assertFalse(any("Taken over" in body for body in partner.message_ids.mapped("body")))

    def test_assignment_in_the_readers_language(self):
        """An English-speaking supervisor assigns: the history is in the company's
        language (Chinese), each specialist's activity in their own."""
        self.create_specialist(self.specialist, capacity=5)
        self.create_specialist(self.specialist_2, capacity=5)
        self.supervisor.lang = "en_US"
        chinese = self.create_customer("客户甲")
        english = self.create_customer("客户乙")
        plan = chinese.with_user(self.supervisor)._cs_assign_balanced(
            self.env["cs.specialist"].search([("user_id", "=", self.specialist.id)])
        )
        english.with_user(self.supervisor)._cs_assign_balanced(
            self.env["cs.specialist"].search([("user_id", "=", self.specialist_2.id)])
        )
        self.assertEqual(plan, {chinese: self.specialist})
        self.assertEqual(chinese.activity_ids.summary, "登记客户资料")
        self.assertEqual(english.activity_ids.summary, "Record the customer's details")
        for partner, name in ((chinese, self.specialist.name), (english, self.specialist_2.name)):
            bodies = partner.message_ids.mapped("body")
            self.assertTrue(any(f"已分配给 {name}" in body for body in bodies), bodies)
            self.assertFalse(any("Assigned to" in body for body in bodies), bodies)


class TestDormancyMigration(DormancyCommon):
    """migrations/18.0.1.1.0: the cron moves to cs.followup, hand-overs become explicit."""

    def _migrate(self):
        self.run_migration("18.0.1.1.0", "18.0.1.0.0")

    def test_migration(self):
        cron = self.env.ref("cs_service_dept.ir_cron_dormancy_followup")
        cron.write(
            {"model_id": self.env.ref("base.model_res_partner").id, "code": "model._cron_x()"}
        )
        default = self._cs_customer(owner=None)
        handed = self._cs_customer(owner="customer_service")
        self.env.flush_all()
        self.env.cr.precommit.run()  # new records are not tracked in their transaction
        with freeze_time("2026-02-03 10:00:00"):
            handed.with_context(tracking_disable=False, mail_notrack=False).cs_owner = "sales"
            self.env.flush_all()
            self.env.cr.precommit.run()  # the tracking values
        taken = self._cs_customer(owner="customer_service")
        old_rule = self.env["ir.rule"].create(
            {
                "name": "old group rule",
                "model_id": self.env.ref("base.model_res_partner").id,
                "domain_force": "[(1, '=', 1)]",
                "groups": [(4, self.env.ref("base.group_user").id)],
            }
        )
        self.env["ir.model.data"].create(
            {
                "module": "cs_service_dept",
                "name": "res_partner_rule_confidential_user",
                "model": "ir.rule",
                "res_id": old_rule.id,
            }
        )
        self._migrate()
        self.assertFalse(old_rule.exists(), "the old group rule is gone")
        self.assertEqual(cron.code, "model._cron_plan_dormancy()")
        self.assertEqual(cron.model_id.model, "cs.followup")
        self.assertFalse(default.cs_handover_date)
        self.assertFalse(taken.cs_handover_date)
        self.assertEqual(handed.cs_handover_date, date(2026, 2, 3))
        self.assertTrue(handed.cs_handover_reason)
        self._migrate()  # twice changes nothing
        self.assertEqual(handed.cs_handover_date, date(2026, 2, 3))
