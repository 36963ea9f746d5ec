# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from .common import CsArchiveCommon


class TestOverdue(CsArchiveCommon):
    def overdue_loan(self, days_late, title="逾期"):
        loan = self.lend(self.create_archive(title=title))
        loan.sudo().write(
            {
                "loan_date": self.today - timedelta(days=days_late + 7),
                "due_date": self.today - timedelta(days=days_late),
            }
        )
        return loan

    def test_reminders(self):
        Loan = self.env["cs.archive.loan"]
        Loan._cron_remind_overdue()  # the demo loans
        late_1 = self.overdue_loan(1, "一天")
        late_5 = self.overdue_loan(5, "五天")
        on_time = self.lend(self.create_archive(title="准时"))
        self.assertEqual(
            Loan.search([("is_overdue", "=", True)]) & (late_1 | late_5 | on_time), late_1 | late_5
        )
        self.assertEqual(Loan._cron_remind_overdue(), 2)
        for loan in late_1 | late_5:
            self.assertEqual(loan.last_reminder_date, self.today)
            self.assertTrue(
                loan.message_ids.filtered(lambda m, loan=loan: f"{loan.name} was due" in m.body)
            )
        # the borrower is notified once, of both loans, on the loan due first
        notified = (late_1 | late_5).message_ids.filtered(
            lambda m: self.borrower.partner_id in m.partner_ids
        )
        self.assertEqual(len(notified), 1)
        self.assertEqual(notified.res_id, late_5.id)
        self.assertIn(late_1.name, notified.body)
        self.assertIn(late_5.name, notified.body)
        self.assertFalse(late_1.activity_ids)
        self.assertEqual(len(late_5.activity_ids), 1)
        self.assertTrue(
            late_5.activity_ids.user_id.has_group("cs_service_dept.group_cs_supervisor")
        )
        self.assertFalse(
            on_time.message_ids.filtered(lambda m: self.borrower.partner_id in m.partner_ids)
        )
        # Idempotent the same day.
        messages = len(late_1.message_ids)
        self.assertEqual(Loan._cron_remind_overdue(), 0)
        self.assertEqual(len(late_1.message_ids), messages)
        self.assertEqual(len(late_5.activity_ids), 1)

    def _queries_of_reminders(self, count):
        loans = self.env["cs.archive.loan"]
        for index in range(count):
            loans |= self.overdue_loan(5, f"逾期 {index}")
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        self.assertEqual(self.env["cs.archive.loan"]._cron_remind_overdue(), count)
        queries = self.cr.sql_log_count - before
        self.assertEqual(len(loans.activity_ids), count, "one activity for the supervisor each")
        return queries

    def test_reminder_queries(self):
        """One borrower with 2 or 8 overdue loans: the same queries (a notified
        message a borrower, the notes and the supervisor's activities in batches)."""
        self.env["cs.archive.loan"]._cron_remind_overdue()  # the demo loans
        few = self._queries_of_reminders(2)
        many = self._queries_of_reminders(8)
        self.assertLessEqual(many, few + 6, f"{few} queries for 2 loans, {many} for 8")
