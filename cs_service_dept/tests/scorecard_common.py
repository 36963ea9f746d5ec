# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from .common import GROUP_SPECIALIST
from .ticket_common import CsTicketCommon

OCTOBER = date(2026, 10, 1)


class CsScorecardCommon(CsTicketCommon):
    """October 2026 of three specialists, with figures computed by hand.

    specialist (A): consultations ``fast`` (2 working h, first contact) and
    ``slow`` (3.5 working h, escalated), a complaint handled on time (its
    investigation and solution deadlines met); three follow-ups planned in
    October, one done on time; responsible for one complaint of October.
    specialist_2 (B): one suggestion of 1 working hour, nothing else.
    specialist_3 (C): nothing this month.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist_3 = cls.cs_user("cs_specialist_3", GROUP_SPECIALIST)
        # only this test's specialists are scored (the demo has its own)
        cls.env["cs.specialist"].search([]).active = False
        cls.env["cs.specialist"].create(
            [{"user_id": user.id} for user in (cls.specialist, cls.specialist_2, cls.specialist_3)]
        )

    def setUp(self):
        super().setUp()
        fast = self.create_ticket(
            "fast", user_id=self.specialist.id, cs_request_type="consultation"
        )
        self.set_dates(fast, create_date="2026-10-05 09:00:00", closed_date="2026-10-05 11:00:00")
        slow = self.create_ticket(
            "slow", user_id=self.specialist.id, cs_request_type="consultation"
        )
        self.set_dates(
            slow,
            create_date="2026-10-05 09:00:00",
            closed_date="2026-10-05 13:30:00",
            cs_escalated_count=1,
        )
        handled = self.create_complaint("handled", cs_cause_id=self.cause.id)
        self.set_dates(
            handled,
            create_date="2026-10-06 09:00:00",
            closed_date="2026-10-08 10:00:00",
            cs_investigation_deadline="2026-10-07 09:00:00",
            cs_investigation_done_date="2026-10-07 08:00:00",
            cs_solution_deadline="2026-10-09 17:00:00",
            cs_implemented_date="2026-10-08 09:00:00",
        )
        september = self.create_ticket(
            "september", user_id=self.specialist.id, cs_request_type="consultation"
        )
        self.set_dates(
            september, create_date="2026-09-28 09:00:00", closed_date="2026-09-28 20:00:00"
        )
        # a complaint handled by B, A found responsible for it
        against = self.create_complaint("against A", user=None, user_id=self.specialist_2.id)
        self.set_dates(
            against,
            create_date="2026-10-12 09:00:00",
            cs_responsible_user_id=self.specialist.id,
        )
        suggestion = self.create_ticket(
            "suggestion", user_id=self.specialist_2.id, cs_request_type="suggestion"
        )
        self.set_dates(
            suggestion, create_date="2026-10-06 09:00:00", closed_date="2026-10-06 10:00:00"
        )
        Followup = self.env["cs.followup"].sudo()
        plans = [
            ("2026-10-10", "done", "2026-10-09"),
            ("2026-10-12", "done", "2026-10-15"),
            ("2026-10-20", "planned", False),
            ("2026-10-21", "cancelled", False),
            ("2026-11-02", "done", "2026-11-02"),
        ]
        Followup.create(
            [
                {
                    "partner_id": self.customer.id,
                    "specialist_id": self.specialist.id,
                    "planned_date": planned,
                    "state": state,
                    "done_date": done,
                }
                for planned, state, done in plans
            ]
        )

    def compute(self, month=OCTOBER, user=None):
        return self.env["cs.scorecard"].with_user(user or self.supervisor)._cs_compute_month(month)

    def card_of(self, cards, user):
        return cards.filtered(lambda card: card.user_id == user)
