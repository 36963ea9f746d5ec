# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user

from .test_cs_information import CsInformationCommon


class CsSummaryCommon(CsInformationCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Whatever else the database holds, these tests count a period of their own.
        cls.period = "2031-05-10"
        cls.customer.country_id = cls.env.ref("base.cn")

    def make_records(self, dates, **vals):
        Info = self.env["cs.information"]
        for date in dates:
            Info |= self.create_information(date=date, **vals)
        return Info

    def summary(self, user=None, **vals):
        return (
            self.env["cs.information.summary"]
            .with_user(user or self.specialist)
            .create({"period_type": "month", "period_date": self.period, **vals})
        )

    def signed_off(self, summary):
        summary.analysis = "<p>价格信息对销售很有用</p>"
        summary.action_generate()
        summary.action_submit()
        summary.with_user(self.manager).validate_tier()
        summary.with_user(self.general_manager).validate_tier()
        return summary


class TestCsInformationSummary(CsSummaryCommon):
    def test_period(self):
        summary = self.summary()
        self.assertEqual(str(summary.date_from), "2031-05-01")
        self.assertEqual(str(summary.date_to), "2031-05-31")
        self.assertEqual(summary.name, "2031-05")
        quarter = self.summary(period_type="quarter")
        self.assertEqual(
            (str(quarter.date_from), str(quarter.date_to)), ("2031-04-01", "2031-06-30")
        )
        self.assertEqual(quarter.name, "2031-Q2")

    def test_generate_counts_and_trend(self):
        self.make_records(["2031-05-02", "2031-05-20", "2031-05-31"], channel="visit")
        self.make_records(["2031-05-03"], category=self.category_need, channel="phone")
        self.make_records(["2031-04-15"], channel="visit")
        self.make_records(["2031-06-01", "2031-03-31"])
        self.make_records(["2031-05-04"]).action_cancel()
        summary = self.summary()
        summary.action_generate()
        self.assertEqual(summary.total_count, 4)
        self.assertEqual(summary.previous_total_count, 1)

        def line(dimension, label):
            found = summary.line_ids.filtered(
                lambda r: r.dimension == dimension and r.label == label
            )
            self.assertEqual(len(found), 1, f"{dimension} {label}")
            return found.count, found.previous_count, found.trend

        self.assertEqual(line("category", self.category.name), (3, 1, 2))
        self.assertEqual(line("category", self.category_need.name), (1, 0, 1))
        self.assertEqual(line("channel", "Visit"), (3, 1, 2))
        self.assertEqual(line("channel", "Phone"), (1, 0, 1))
        self.assertEqual(line("source", "Customer"), (4, 1, 3))
        self.assertEqual(line("region", self.customer.cs_region), (4, 1, 3))
        # Generating again replaces the counts.
        self.make_records(["2031-05-25"], channel="email")
        summary.action_generate()
        self.assertEqual(summary.total_count, 5)
        self.assertEqual(line("channel", "E-mail"), (1, 0, 1))
        self.assertEqual(len(summary.line_ids.filtered(lambda r: r.label == "Visit")), 1)

    def test_counts_cover_the_department(self):
        """The specialist's summary counts the records they cannot read too."""
        self.create_information(
            customer=self.other_customer,
            category=self.category_need,
            user=self.specialist_2,
            date="2031-05-06",
        )
        summary = self.summary()
        summary.action_generate()
        self.assertEqual(summary.total_count, 1)

    def _generate_queries(self, summary):
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        summary.action_generate()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def test_generate_query_count_flat(self):
        """Generation reads by groups: the query count does not grow with records."""
        summary = self.summary()
        self.make_records(["2031-05-02", "2031-04-02"], channel="visit")
        self.make_records(["2031-05-03"], category=self.category_need, channel="chat")
        summary.action_generate()
        small = self._generate_queries(summary)
        self.assertEqual(summary.total_count, 2)
        self.make_records([f"2031-05-{day:02d}" for day in range(1, 29)], channel="visit")
        self.make_records(
            [f"2031-04-{day:02d}" for day in range(1, 29)],
            category=self.category_need,
            channel="chat",
        )
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            summary.action_generate()
        self.assertEqual(summary.total_count, 30)
        self.assertEqual(summary.previous_total_count, 29)

    def test_submit_needs_counts_and_analysis(self):
        summary = self.summary()
        with self.assertRaisesRegex(UserError, "generate the counts"):
            summary.action_submit()
        summary.action_generate()
        with self.assertRaisesRegex(UserError, "write the analysis"):
            summary.action_submit()
        self.assertEqual(summary.state, "draft")

    def test_two_tier_sign_off(self):
        summary = self.summary()
        summary.analysis = "<p>分析</p>"
        summary.action_generate()
        summary.action_submit()
        self.assertEqual(summary.state, "to_approve")
        self.assertEqual(len(summary.review_ids), 2)
        # A specialist is no reviewer.
        with self.assertRaises(AccessError):
            summary.with_user(self.specialist_2).validate_tier()
        summary.with_user(self.manager).validate_tier()
        self.assertEqual(summary.state, "to_approve")
        # The same manager cannot give the second tier.
        with self.assertRaises(UserError):
            summary.with_user(self.manager).validate_tier()
        summary.with_user(self.general_manager).validate_tier()
        self.assertEqual(summary.state, "approved")
        # Filed: into the archives when cs_archive is installed, else as a PDF here.
        if "cs.archive" in self.env:
            archive = self.env["cs.archive"].search(
                [("res_model", "=", summary._name), ("res_id", "=", summary.id)]
            )
            self.assertEqual(archive.archive_type, "info_summary")
        else:
            attachment = self.env["ir.attachment"].search(
                [("res_model", "=", summary._name), ("res_id", "=", summary.id)]
            )
            self.assertEqual(attachment.mimetype, "application/pdf")
        with self.assertRaises(UserError):
            summary.action_generate()
        with self.assertRaises(UserError):
            summary.action_cancel()
        with self.assertRaisesRegex(UserError, "cannot change"):
            summary.write({"analysis": "<p>改</p>"})

    def test_own_summary_not_approved_by_self(self):
        summary = self.summary(user=self.manager)
        summary.analysis = "<p>分析</p>"
        summary.action_generate()
        summary.action_submit()
        with self.assertRaisesRegex(UserError, "requested it yourself"):
            summary.with_user(self.manager).validate_tier()
        self.assertNotIn("approved", summary.review_ids.mapped("status"))

    def test_state_not_writable(self):
        summary = self.summary()
        with self.assertRaises(AccessError):
            summary.write({"state": "approved"})
        with self.assertRaises(AccessError):
            self.env["cs.information.summary"].with_user(self.specialist).create(
                {"period_date": "2031-07-01", "state": "approved"}
            )

    def test_one_signed_off_summary_per_period(self):
        self.signed_off(self.summary())
        with self.assertRaisesRegex(ValidationError, "already has a signed-off"):
            self.summary()
        # Another period, or a quarter, is fine.
        self.summary(period_date="2031-06-03")
        other = self.summary(period_date="2031-06-03", period_type="quarter")
        self.assertEqual(other.name, "2031-Q2")

    def test_second_draft_cannot_be_submitted(self):
        first = self.summary()
        second = self.summary()
        self.signed_off(first)
        second.analysis = "<p>x</p>"
        second.action_generate()
        with self.assertRaisesRegex(ValidationError, "already has a signed-off"):
            second.action_submit()
        self.assertEqual(second.state, "draft")

    def test_outsider_no_access(self):
        summary = self.summary()
        with self.assertRaises(AccessError):
            summary.with_user(self.internal_user).read(["name"])
        with self.assertRaises(AccessError):
            summary.with_user(self.internal_user).action_generate()

    def test_pdf_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"].search(
            [("name", "=", "cs_service_dept")]
        )._update_translations(["zh_CN"])
        self.make_records(["2031-05-02"], channel="visit")
        summary = self.summary()
        summary.analysis = "<p>价格信息对销售很有用</p>"
        summary.action_generate()
        text = self.with_lang_render(summary)
        self.assertIn("客户信息管理汇总表", text)
        self.assertIn("价格信息对销售", text)
        self.assertIn("拜访", text)  # the channel, in the reader's language
        self.assertIn(self.category.name, text)

    def with_lang_render(self, summary):
        self.env = self.env(context=dict(self.env.context, lang="zh_CN"))
        return self.render_pdf_text(
            "cs_service_dept.action_report_cs_information_summary", summary.ids
        )


class TestCsInformationProposal(CsSummaryCommon):
    def proposal(self, user=None, **vals):
        return (
            self.env["cs.information.proposal"]
            .with_user(user or self.specialist)
            .create(
                {
                    "title": "价格信息当日分发",
                    "proposal": "<p>市场动态 24 小时内分发销售部</p>",
                    "action_ids": [
                        Command.create(
                            {
                                "name": "设定分发时限",
                                "user_id": self.supervisor.id,
                                "date_deadline": "2031-06-15",
                            }
                        ),
                        Command.create(
                            {
                                "name": "销售部指定接收人",
                                "user_id": self.recipient.id,
                                "date_deadline": "2031-06-20",
                            }
                        ),
                    ],
                    **vals,
                }
            )
        )

    def test_from_summary(self):
        summary = self.summary()
        action = summary.action_new_proposal()
        self.assertEqual(action["context"]["default_summary_id"], summary.id)
        proposal = self.proposal(summary_id=summary.id)
        self.assertEqual(summary.proposal_count, 1)
        self.assertTrue(proposal.name.startswith("GS"))

    def test_approval_then_actions(self):
        proposal = self.proposal()
        proposal.action_submit()
        proposal.with_user(self.manager).validate_tier()
        self.assertEqual(proposal.state, "to_approve")
        self.assertFalse(proposal.activity_ids)
        proposal.with_user(self.general_manager).validate_tier()
        self.assertEqual(proposal.state, "approved")
        with self.assertRaisesRegex(UserError, "cannot change"):
            proposal.write({"title": "改"})
        self.assertEqual(proposal.activity_ids.user_id, self.supervisor | self.recipient)
        outsider_action = proposal.action_ids.filtered(lambda a: a.user_id == self.recipient)
        # The owner (outside the department) reads the proposal and marks their action done.
        self.assertEqual(proposal.with_user(self.recipient).title, "价格信息当日分发")
        # Someone else's action is refused.
        supervisor_action = proposal.action_ids - outsider_action
        with self.assertRaises(AccessError):
            supervisor_action.with_user(self.recipient).action_done()
        with self.assertRaises(AccessError):
            supervisor_action.with_user(self.specialist).action_done()
        with self.assertRaises(AccessError):
            outsider_action.with_user(self.recipient).write({"state": "done"})
        outsider_action.with_user(self.recipient).action_done()
        self.assertEqual(outsider_action.state, "done")
        self.assertTrue(outsider_action.done_date)
        self.assertEqual(proposal.activity_ids.user_id, self.supervisor)
        self.assertEqual(proposal.state, "approved")
        supervisor_action.with_user(self.supervisor).action_done()
        self.assertEqual(proposal.state, "done")

    def test_self_approval_refused(self):
        proposal = self.proposal(user=self.manager)
        proposal.action_submit()
        with self.assertRaisesRegex(UserError, "requested it yourself"):
            proposal.with_user(self.manager).validate_tier()
        with self.assertRaises(UserError):
            proposal.with_user(self.manager).reject_tier()
        self.assertNotIn("approved", proposal.review_ids.mapped("status"))
        self.assertEqual(proposal.state, "to_approve")

    def test_rejected_back_to_draft(self):
        proposal = self.proposal()
        proposal.action_submit()
        proposal.with_user(self.manager).reject_tier()
        self.assertEqual(proposal.state, "draft")

    def test_submit_needs_actions(self):
        proposal = self.proposal()
        proposal.action_ids.unlink()
        with self.assertRaisesRegex(UserError, "at least one action"):
            proposal.action_submit()
        proposal.proposal = False
        with self.assertRaisesRegex(UserError, "describe the proposed improvement"):
            proposal.action_submit()
        self.assertEqual(proposal.state, "draft")

    def test_actions_locked_after_submit(self):
        proposal = self.proposal()
        proposal.action_submit()
        with self.assertRaises(UserError):
            proposal.action_ids[0].write({"date_deadline": "2031-12-31"})
        with self.assertRaises(UserError):
            proposal.action_ids[0].unlink()
        with self.assertRaises(UserError):
            proposal.action_ids[0].action_done()

    def test_outsider_only_sees_approved_with_own_action(self):
        proposal = self.proposal()
        with self.assertRaises(AccessError):
            proposal.with_user(self.recipient).read(["title"])
        nobody = new_test_user(self.env, login="cs_prop_nobody", groups="base.group_user")
        proposal.action_submit()
        proposal.with_user(self.manager).validate_tier()
        proposal.with_user(self.general_manager).validate_tier()
        self.assertTrue(proposal.with_user(self.recipient).read(["title"]))
        with self.assertRaises(AccessError):
            proposal.with_user(nobody).read(["title"])


class TestSummaryDemo(CsInformationCommon):
    """The demo summary went through both reviews, as the department signs off."""

    def test_demo_summary_signed_off_by_both(self):
        summary = self.env.ref("cs_service_dept.cs_information_summary_demo", False)
        if not summary:
            self.skipTest("without demo data")
        self.assertEqual(summary.state, "approved")
        reviews = summary.review_ids.sorted("sequence")
        self.assertEqual(
            [review.done_by for review in reviews],
            [
                self.env.ref("cs_service_dept.user_liuqiang_demo"),
                self.env.ref("cs_service_dept.user_chenjing_demo"),
            ],
        )
        self.assertEqual(set(reviews.mapped("status")), {"approved"})
        self.assertEqual(
            summary.cs_requester_id, self.env.ref("cs_service_dept.user_zhangwei_demo")
        )
