# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .livechat_common import CsLivechatCommon

# Monday 7 December 2026; the team works 8:00-12:00 and 13:00-17:00 in Shanghai
# (UTC+8), Monday to Friday.
MONDAY_10_SHANGHAI = "2026-12-07 02:00:00"
MONDAY_8_30_SHANGHAI = "2026-12-07 00:30:00"  # before 8:00 in UTC
MONDAY_22_SHANGHAI = "2026-12-07 14:00:00"  # 14:00 in UTC: working hours there
SATURDAY_10_SHANGHAI = "2026-12-12 02:00:00"


@tagged("post_install", "-at_install")
class TestLivechatOutOfHours(CsLivechatCommon):
    """The chat bot's rule applies outside the team's working hours or when no
    operator is online; otherwise the next rule (an operator) does."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["bus.presence"].create({"user_id": cls.operator.id, "status": "online"})
        cls.calendar_shanghai = cls.env["resource.calendar"].create(
            {"name": "Shanghai office (test)", "tz": "Asia/Shanghai"}
        )
        cls.calendar_utc = cls.env["resource.calendar"].create(
            {"name": "London office (test)", "tz": "UTC"}
        )
        cls.chat_team.resource_calendar_id = cls.calendar_shanghai
        cls.script = cls.env["chatbot.script"].create(
            {
                "title": "Out of hours (test)",
                "script_step_ids": [
                    (0, 0, {"step_type": "text", "message": "We are closed."}),
                ],
            }
        )
        cls.rule_bot, cls.rule_operator = cls.env["im_livechat.channel.rule"].create(
            [
                {
                    "channel_id": cls.livechat_channel.id,
                    "sequence": 1,
                    "chatbot_script_id": cls.script.id,
                    "cs_outside_working_hours": True,
                },
                {"channel_id": cls.livechat_channel.id, "sequence": 2},
            ]
        )

    def match(self):
        self.env.invalidate_all()
        return self.env["im_livechat.channel.rule"].match_rule(
            self.livechat_channel.id, "http://example.com/contactus"
        )

    def test_working_hours_operator(self):
        for moment in (MONDAY_10_SHANGHAI, MONDAY_8_30_SHANGHAI):
            with self.subTest(moment=moment), freeze_time(moment):
                self.assertEqual(self.match(), self.rule_operator)

    def test_outside_working_hours(self):
        for moment in (MONDAY_22_SHANGHAI, SATURDAY_10_SHANGHAI):
            with self.subTest(moment=moment), freeze_time(moment):
                self.assertEqual(self.match(), self.rule_bot)

    def test_working_moment_as_next_work_time(self):
        """Whether a moment is worked, read in a minute, agrees with the next
        working moment across a week: the edges of the day and of lunch,
        the weekend and a public holiday."""
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Holiday (test)",
                "calendar_id": False,
                "company_id": self.env.company.id,
                # Wednesday 9 December in Shanghai
                "date_from": "2026-12-08 16:00:00",
                "date_to": "2026-12-09 15:59:59",
            }
        )
        calendar = self.calendar_shanghai
        start = datetime(2026, 12, 6, 23, 0)  # Monday 7:00 in Shanghai
        worked = []
        for step in range(7 * 24 * 4):
            moment = start + timedelta(minutes=15 * step)
            working = calendar._cs_is_working(moment)
            self.assertEqual(working, calendar._cs_next_work_time(moment) == moment, moment)
            worked.append(working)
        # four working days (the holiday off) of 8 hours, quarter by quarter
        self.assertEqual(sum(worked), 4 * 8 * 4)
        self.assertTrue(calendar._cs_is_working(datetime(2026, 12, 7, 0, 0)))  # 8:00
        self.assertFalse(calendar._cs_is_working(datetime(2026, 12, 7, 4, 0)))  # 12:00
        self.assertTrue(calendar._cs_is_working(datetime(2026, 12, 7, 8, 59)))  # 16:59
        self.assertFalse(calendar._cs_is_working(datetime(2026, 12, 7, 9, 0)))  # 17:00
        self.assertFalse(calendar._cs_is_working(datetime(2026, 12, 9, 2, 0)))  # the holiday

    def test_calendar_time_zone(self):
        """The same instants read in the calendar of another team, in UTC."""
        self.rule_bot.cs_team_id = self.env["helpdesk.ticket.team"].create(
            {"name": "London (test)", "resource_calendar_id": self.calendar_utc.id}
        )
        with freeze_time(MONDAY_22_SHANGHAI):
            self.assertEqual(self.match(), self.rule_operator)
        with freeze_time(MONDAY_8_30_SHANGHAI):
            self.assertEqual(self.match(), self.rule_bot)

    def test_team_without_calendar_follows_company(self):
        self.chat_team.resource_calendar_id = False
        self.env.company.resource_calendar_id = self.calendar_utc
        with freeze_time(MONDAY_22_SHANGHAI):
            self.assertEqual(self.match(), self.rule_operator)
        with freeze_time(MONDAY_8_30_SHANGHAI):
            self.assertEqual(self.match(), self.rule_bot)

    def test_no_operator_online(self):
        self.env["bus.presence"].search([("user_id", "=", self.operator.id)]).status = "offline"
        with freeze_time(MONDAY_10_SHANGHAI):
            self.assertEqual(self.match(), self.rule_bot)

    def test_only_out_of_hours_rule(self):
        """Inside working hours no rule matches: the chat goes to an operator
        without a bot, as with no rule at all."""
        self.rule_operator.unlink()
        with freeze_time(MONDAY_10_SHANGHAI):
            self.assertFalse(self.match())

    def test_both_conditions_refused(self):
        with self.assertRaises(ValidationError):
            self.rule_bot.chatbot_only_if_no_operator = True
