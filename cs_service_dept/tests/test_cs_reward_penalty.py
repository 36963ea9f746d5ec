# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .ticket_common import CsTicketCommon


class TestRewardPenalty(CsTicketCommon):
    def setUp(self):
        super().setUp()
        self.complaint = self.create_complaint(user=self.specialist)
        self.notice = (
            self.env["cs.reward.penalty"]
            .with_user(self.specialist)
            .create(
                {
                    "ticket_id": self.complaint.id,
                    "user_id": self.specialist_2.id,
                    "kind": "penalty",
                    "amount": 200,
                    "reason": "漏检",
                }
            )
        )

    def test_manager_approves(self):
        self.assertNotEqual(self.notice.name, "/")
        self.notice.action_submit()
        self.assertEqual(self.notice.state, "to_approve")
        with self.assertRaisesRegex(UserError, "requested it yourself"):
            self.notice.action_approve()
        with self.assertRaises(AccessError):
            self.notice.write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.notice.with_user(self.manager).write({"state": "approved"})
        self.assertEqual(self.notice.state, "to_approve")
        self.notice.with_user(self.manager).action_approve()
        self.assertEqual(self.notice.state, "approved")
        self.assertEqual(self.notice.review_ids.done_by, self.manager)
        self.assertEqual(self.complaint.cs_reward_penalty_count, 1)

    def test_refusals(self):
        with self.assertRaises(UserError):
            self.notice.action_approve()  # still a draft
        with self.assertRaises(AccessError):
            self.notice.unlink()
        with self.assertRaises(AccessError):
            self.env["cs.reward.penalty"].with_user(self.internal_user).search([])

    def test_specialists_see_their_own_notices(self):
        other = self.cs_user("cs_specialist_3", "cs_service_dept.group_cs_specialist")
        Notice = self.env["cs.reward.penalty"]
        self.assertEqual(
            Notice.with_user(self.specialist).search([("id", "=", self.notice.id)]), self.notice
        )
        self.assertEqual(
            Notice.with_user(self.specialist_2).search([("id", "=", self.notice.id)]), self.notice
        )
        self.assertFalse(Notice.with_user(other).search([("id", "=", self.notice.id)]))
        with self.assertRaises(AccessError):
            self.notice.with_user(other).read(["reason"])
        self.assertEqual(
            Notice.with_user(self.supervisor).search([("id", "=", self.notice.id)]), self.notice
        )

    def test_print(self):
        text = self.render_pdf_text("cs_service_dept.action_report_reward_penalty", self.notice.ids)
        self.assertIn(self.notice.name, text)
        self.assertIn("漏检", text)
