# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import date_utils
from odoo.tools.safe_eval import safe_eval

from .common import GROUP_MANAGER, GROUP_SPECIALIST, CsCommon
from .scorecard_common import OCTOBER, CsScorecardCommon


class TestScorecardFigures(CsScorecardCommon):
    def figures(self, card):
        return {
            line.metric: (round(line.value, 2), line.basis, round(line.score, 2))
            for line in card.line_ids
        }

    def test_figures_computed_by_hand(self):
        cards = self.compute()
        self.assertEqual(len(cards), 3)
        card_a = self.card_of(cards, self.specialist)
        self.assertEqual((card_a.date_from, card_a.date_to), (OCTOBER, date(2026, 10, 31)))
        self.assertEqual(card_a.state, "draft")
        figures = self.figures(card_a)
        # (2 + 3.5) / 2 = 2.75 working hours, within the 3 h target
        self.assertEqual(figures["handling"], (2.75, 2, 100.0))
        # 2 of 3 closed without escalation = 66.67 % of an 80 % target
        self.assertEqual(figures["fcr"], (66.67, 3, 83.33))
        # 1 of 3 follow-ups planned in October done on time (cancelled and
        # November ones left out): 33.33 % of 90 %
        self.assertEqual(figures["followup"], (33.33, 3, 37.04))
        # one complaint as responsible: 100 - 25
        self.assertEqual(figures["complaint"], (1.0, 1, 75.0))
        # deadlines: fast on target, slow not, investigation and solution met: 3/4
        self.assertEqual(figures["sla"], (75.0, 4, 83.33))
        self.assertFalse(card_a.line_ids.filtered(lambda line: line.metric == "revisit").measured)
        # (15×100 + 15×83.33 + 15×37.04 + 15×75 + 10×83.33) / 70
        self.assertEqual(card_a.score, 75.2)

        card_b = self.card_of(cards, self.specialist_2)
        figures = self.figures(card_b)
        self.assertEqual(figures["handling"], (1.0, 1, 100.0))
        self.assertEqual(figures["fcr"], (100.0, 1, 100.0))
        self.assertEqual(figures["sla"], (100.0, 1, 100.0))
        self.assertEqual(figures["followup"], (0.0, 0, 0.0), "none planned: not measured")
        self.assertEqual(figures["complaint"], (0.0, 1, 100.0))
        self.assertEqual(card_b.score, 100.0)

        card_c = self.card_of(cards, self.specialist_3)
        self.assertFalse(any(card_c.line_ids.mapped("measured")), "no activity, no figure")
        self.assertEqual(card_c.score, 0.0)
        self.assertEqual(
            [(card.user_id, card.rank, card.specialist_count) for card in cards.sorted("rank")],
            [(self.specialist_2, 1, 3), (self.specialist, 2, 3), (self.specialist_3, 3, 3)],
        )

    def test_not_measured_shown_as_such(self):
        """A figure without data (left out of the total) reads "Not measured" in
        place of a value and a score of 0; measured figures show theirs."""
        card_a = self.card_of(self.compute(), self.specialist).with_user(self.supervisor)
        # no survey here: satisfaction and return visits have no data
        unmeasured = card_a.line_ids.filtered(
            lambda line: line.metric in ("satisfaction", "revisit")
        )
        measured = card_a.line_ids - unmeasured
        self.assertEqual(unmeasured.mapped("measured"), [False, False])
        self.assertEqual(unmeasured.mapped("measured_label"), ["Not measured"] * 2)
        self.assertEqual(measured.mapped("measured"), [True] * 5)
        self.assertEqual(measured.mapped("measured_label"), [False] * 5)
        # the scorecard's form hides the value and score of that line and shows the label
        arch = etree.fromstring(card_a.get_views([(False, "form")])["views"]["form"]["arch"])
        for view in ("list", "form"):
            lines = arch.xpath(f"//field[@name='line_ids']/{view}")[0]
            for name in ("value", "score"):
                field = lines.xpath(f".//field[@name='{name}']")[0]
                self.assertEqual(field.get("invisible"), "not measured", f"{view}: {name}")
            self.assertEqual(
                lines.xpath(".//field[@name='measured_label']")[0].get("invisible"), "measured"
            )

    def test_figures_report_averages_measured(self):
        """The figures report (pivot, graph, list) averages the measured
        figures per specialist: a figure without data does not pull the
        average down, as it does not weigh in the score."""
        cards = self.compute()
        action = self.env.ref("cs_service_dept.cs_scorecard_line_action")
        self.assertEqual(action.view_mode, "pivot,graph,list")
        Line = self.env["cs.scorecard.line"].with_user(self.supervisor)
        domain = [*safe_eval(action.domain), ("scorecard_id", "in", cards.ids)]
        averages = {
            user: score for user, score in Line._read_group(domain, ["user_id"], ["score:avg"])
        }
        for card in cards:
            measured = card.line_ids.filtered("measured")
            if not measured:
                self.assertNotIn(card.user_id, averages)
                continue
            self.assertAlmostEqual(
                averages[card.user_id], sum(measured.mapped("score")) / len(measured), places=2
            )
        # the specialist's own, once approved
        self.assertFalse(Line.with_user(self.specialist).search(domain))
        # the pivot sums nothing: its measures are averaged by default
        fields = Line.fields_get(["score", "value", "target", "weight"], ["aggregator"])
        self.assertEqual({f["aggregator"] for f in fields.values()}, {"avg"})

    def test_weights_and_targets_from_settings(self):
        ICP = self.env["ir.config_parameter"].sudo()
        ICP.set_param("cs_service_dept.scorecard_weight_handling", "0")
        ICP.set_param("cs_service_dept.scorecard_weight_followup", "30")
        ICP.set_param("cs_service_dept.scorecard_complaint_points", "10")
        ICP.set_param("cs_service_dept.fcr_target_rate", "50")
        card_a = self.card_of(self.compute(), self.specialist)
        figures = self.figures(card_a)
        self.assertEqual(figures["fcr"], (66.67, 3, 100.0))
        self.assertEqual(figures["complaint"], (1.0, 1, 90.0))
        # (15×100 + 30×37.04 + 15×90 + 10×83.33) / 70
        self.assertEqual(card_a.score, 68.5)

    def test_recompute_keeps_submitted(self):
        cards = self.compute()
        card_a = self.card_of(cards, self.specialist)
        card_a.with_user(self.supervisor).remarks = "<p>跟进需加强</p>"
        card_a.with_user(self.supervisor).action_submit()
        again = self.compute()
        self.assertIn(card_a, again)
        self.assertEqual(card_a.state, "to_approve")
        self.assertEqual(len(again), 3)
        self.assertEqual(len(card_a.line_ids), 7)
        self.assertEqual(self.env["cs.scorecard"].search_count([("date_from", "=", OCTOBER)]), 3)

    def test_recompute_freezes_submitted_and_approved(self):
        """A specialist joins after the month was reviewed: the approved and
        submitted cards keep their figures, score, rank and count; the cards to
        review are ranked among them."""
        cards = self.compute()
        card_a = self.card_of(cards, self.specialist)
        card_b = self.card_of(cards, self.specialist_2)
        card_c = self.card_of(cards, self.specialist_3)
        (card_a | card_b).with_user(self.supervisor).action_submit()
        card_a.with_user(self.manager).action_approve()
        self.assertEqual((card_a.state, card_b.state), ("approved", "to_approve"))

        def frozen(card):
            return (
                card.score,
                card.rank,
                card.specialist_count,
                [
                    (line.id, line.metric, line.value, line.basis, line.score)
                    for line in card.line_ids
                ],
            )

        before = {card: frozen(card) for card in card_a | card_b}
        self.assertEqual(
            [(card.rank, card.specialist_count) for card in (card_b, card_a, card_c)],
            [(1, 3), (2, 3), (3, 3)],
        )
        # A late ticket of A's closed in October changes nothing on A's card
        late = self.create_ticket(
            "late", user_id=self.specialist.id, cs_request_type="consultation"
        )
        self.set_dates(late, create_date="2026-10-20 09:00:00", closed_date="2026-10-23 09:00:00")
        # D joins: 5 working hours for a consultation (60), first contact (100),
        # not on target (0), no complaint (100): (15×60 + 15×100 + 10×0 + 15×100) / 55
        specialist_4 = self.cs_user("cs_specialist_4", GROUP_SPECIALIST)
        self.env["cs.specialist"].create({"user_id": specialist_4.id})
        joined = self.create_ticket(
            "joined", user_id=specialist_4.id, cs_request_type="consultation"
        )
        self.set_dates(joined, create_date="2026-10-07 09:00:00", closed_date="2026-10-07 15:00:00")

        again = self.compute()
        self.assertEqual({card: frozen(card) for card in card_a | card_b}, before)
        self.assertEqual((card_a.state, card_b.state), ("approved", "to_approve"))
        card_d = self.card_of(again, specialist_4)
        self.assertEqual(card_d.state, "draft")
        self.assertEqual(card_d.score, 70.9)
        # ranked among all: B 100 (frozen), A 75.2 (frozen), D 70.9, C 0
        self.assertEqual((card_d.rank, card_d.specialist_count), (3, 4))
        self.assertEqual((card_c.rank, card_c.specialist_count), (4, 4))
        self.assertEqual(len(again), 4)

        # a cancelled card is left as it is and not ranked
        card_c.with_user(self.supervisor).action_cancel()
        self.compute()
        self.assertEqual(card_c.state, "cancel")
        self.assertEqual((card_d.rank, card_d.specialist_count), (3, 3))
        self.assertEqual({card: frozen(card) for card in card_a | card_b}, before)

    def test_query_count_does_not_grow_with_specialists(self):
        more = self.env["cs.specialist"].create(
            [
                {"user_id": self.cs_user(f"cs_more_{index}", GROUP_SPECIALIST).id, "active": False}
                for index in range(4)
            ]
        )
        self.compute(date(2026, 7, 1))  # warm the caches
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        self.compute(date(2026, 8, 1))
        three = self.env.cr.sql_log_count - before
        more.active = True
        self.env.invalidate_all()
        with self.assertQueryCount(three):
            cards = self.compute(date(2026, 9, 1))
        self.assertEqual(len(cards), 7)


class TestScorecardRefusals(CsScorecardCommon):
    def test_weights_must_sum_to_100(self):
        with self.assertRaisesRegex(ValidationError, "sum to 100"):
            self.env["res.config.settings"].create({"cs_scorecard_weight_fcr": 50})
        self.env["res.config.settings"].create(
            {"cs_scorecard_weight_fcr": 20, "cs_scorecard_weight_sla": 5}
        ).execute()
        self.assertEqual(
            self.env["ir.config_parameter"].get_param("cs_service_dept.scorecard_weight_fcr"),
            "20",
        )
        # a parameter written around the settings form is refused when computing
        self.env["ir.config_parameter"].set_param("cs_service_dept.scorecard_weight_sla", "50")
        with self.assertRaisesRegex(UserError, "sum to 100"):
            self.compute()

    def test_month_not_over(self):
        today = self.env["cs.followup"]._cs_today()
        with self.assertRaisesRegex(UserError, "not over yet"):
            self.compute(today)
        self.assertFalse(
            self.env["cs.scorecard"].search([("date_from", "=", today.replace(day=1))])
        )

    def test_only_supervisors_compute_and_submit(self):
        with self.assertRaises(AccessError):
            self.compute(user=self.specialist)
        card = self.card_of(self.compute(), self.specialist)
        with self.assertRaises(AccessError):
            card.with_user(self.specialist).action_submit()
        with self.assertRaises(AccessError):
            card.with_user(self.supervisor).write({"state": "approved"})
        with self.assertRaises(AccessError):
            card.with_user(self.supervisor).write({"score": 99.0, "rank": 1})
        self.assertEqual(card.score, 75.2)
        # a notice forged onto the scorecard would stop its incentive
        Notice = self.env["cs.reward.penalty"].with_user(self.specialist)
        with self.assertRaises(AccessError):
            Notice.create({"user_id": self.specialist.id, "reason": "x", "scorecard_id": card.id})
        notice = Notice.create({"user_id": self.specialist.id, "reason": "x"})
        with self.assertRaises(AccessError):
            notice.scorecard_id = card

    def test_no_self_approval(self):
        manager_2 = self.cs_user("cs_manager_2", GROUP_MANAGER)
        self.env["cs.specialist"].create({"user_id": self.manager.id})
        card = self.card_of(self.compute(), self.manager)
        card.with_user(self.supervisor).action_submit()
        self.assertFalse(card.with_user(self.manager).cs_can_approve)
        with self.assertRaisesRegex(UserError, "your own scorecard"):
            card.with_user(self.manager).action_approve()
        self.assertEqual(card.state, "to_approve")
        # nor the supervisor who submitted it
        with self.assertRaisesRegex(UserError, "requested it yourself"):
            card.with_user(self.supervisor).action_approve()
        card.with_user(manager_2).action_approve()
        self.assertEqual(card.state, "approved")

    def test_specialist_reads_own_approved_only(self):
        cards = self.compute()
        card_a = self.card_of(cards, self.specialist)
        card_b = self.card_of(cards, self.specialist_2)
        Card = self.env["cs.scorecard"].with_user(self.specialist)
        self.assertFalse(Card.search([]), "nothing before the approval")
        with self.assertRaises(AccessError):
            card_a.with_user(self.specialist).read(["score"])
        (card_a | card_b).with_user(self.supervisor).action_submit()
        (card_a | card_b).with_user(self.manager).action_approve()
        self.assertEqual(Card.search([]), card_a)
        self.assertEqual(card_a.with_user(self.specialist).line_ids, card_a.line_ids)
        with self.assertRaises(AccessError):
            card_b.with_user(self.specialist).read(["score"])
        with self.assertRaises(AccessError):
            card_a.with_user(self.specialist).write({"remarks": "<p>all good</p>"})

    def test_remarks_locked_once_submitted(self):
        card = self.card_of(self.compute(), self.specialist)
        card.with_user(self.supervisor).remarks = "<p>沟通及时</p>"
        card.with_user(self.supervisor).action_submit()
        with self.assertRaisesRegex(UserError, "has been submitted"):
            card.with_user(self.supervisor).remarks = "<p>changed</p>"

    def test_rejected_back_to_review(self):
        card = self.card_of(self.compute(), self.specialist)
        card.with_user(self.supervisor).action_submit()
        card.with_user(self.manager).action_reject()
        self.assertEqual(card.state, "draft")


class TestScorecardIncentives(CsScorecardCommon):
    def approved_cards(self):
        cards = self.compute()
        cards.with_user(self.supervisor).action_submit()
        cards.with_user(self.manager).action_approve()
        self.assertEqual(set(cards.mapped("state")), {"approved"})
        return cards

    def test_reward_best_and_improvement_for_lowest(self):
        cards = self.approved_cards()
        action = cards.with_user(self.supervisor).action_propose_incentives()
        notices = self.env["cs.reward.penalty"].search(action["domain"])
        self.assertEqual(
            sorted((n.user_id.login, n.kind, n.state) for n in notices),
            [("cs_specialist_2", "reward", "draft"), ("cs_specialist_3", "penalty", "draft")],
        )
        reward = notices.filtered(lambda n: n.kind == "reward")
        self.assertIn("ranked 1 of 3", reward.reason)
        self.assertEqual(reward.scorecard_id, self.card_of(cards, self.specialist_2))
        self.assertEqual(self.card_of(cards, self.specialist_2).incentive_count, 1)
        # proposed once
        action = cards.with_user(self.supervisor).action_propose_incentives()
        self.assertFalse(self.env["cs.reward.penalty"].search(action["domain"]))
        # and approved by the Manager as every notice
        reward.with_user(self.supervisor).action_submit()
        reward.with_user(self.manager).action_approve()
        self.assertEqual(reward.state, "approved")

    def test_amounts_from_settings(self):
        self.env["res.config.settings"].create(
            {"cs_scorecard_reward_amount": 500.0, "cs_scorecard_improvement_amount": 0.0}
        ).execute()
        self.assertEqual(self.env.company.cs_scorecard_reward_amount, 500.0)
        cards = self.approved_cards()
        action = cards.with_user(self.supervisor).action_propose_incentives()
        notices = self.env["cs.reward.penalty"].search(action["domain"])
        self.assertEqual(
            sorted((n.user_id.login, n.kind, n.amount) for n in notices),
            [("cs_specialist_2", "reward", 500.0), ("cs_specialist_3", "penalty", 0.0)],
        )
        # an improvement plan with a penalty, for the next month's proposals
        self.env.company.cs_scorecard_improvement_amount = 100.0
        card_c = self.card_of(cards, self.specialist_3)
        card_c.incentive_ids.with_user(self.manager).unlink()
        action = card_c.with_user(self.supervisor).action_propose_incentives()
        self.assertEqual(self.env["cs.reward.penalty"].search(action["domain"]).amount, 100.0)

    def test_amounts_not_negative(self):
        company = self.env.company
        before = company.cs_scorecard_reward_amount
        with self.assertRaises(ValidationError) as error:
            self.env["res.config.settings"].create({"cs_scorecard_reward_amount": -1.0}).execute()
        self.assertIn("cannot be negative", str(error.exception))
        self.assertEqual(company.cs_scorecard_reward_amount, before, "nothing written")
        with self.assertRaises(ValidationError):
            company.cs_scorecard_improvement_amount = -50.0
        # only the administrator changes the settings
        with self.assertRaises(AccessError):
            company.with_user(self.supervisor).cs_scorecard_reward_amount = 1000.0
        self.assertEqual(company.cs_scorecard_reward_amount, before)

    def test_refusals(self):
        cards = self.compute()
        with self.assertRaisesRegex(UserError, "not in a state"):
            cards.with_user(self.supervisor).action_propose_incentives()
        cards.with_user(self.supervisor).action_submit()
        cards.with_user(self.manager).action_approve()
        with self.assertRaises(AccessError):
            cards.with_user(self.specialist).action_propose_incentives()


class TestScorecardReport(CsScorecardCommon):
    def test_print_chinese(self):
        self.specialist.name = "张伟"
        card = self.card_of(self.compute(), self.specialist)
        card.with_user(self.supervisor).remarks = "<p>沟通及时，跟进需加强</p>"
        text = self.render_pdf_text("cs_service_dept.action_report_cs_scorecard", card.ids)
        self.assertIn("张伟", text)
        self.assertIn("沟通及时，跟进需加强", text)
        self.assertIn("2026-10", text)
        self.assertIn("75.2", text)


class TestScorecardDemo(CsCommon):
    """The demo shows last month's approved scorecards and a training session."""

    def test_demo(self):
        zhangwei = self.env.ref("cs_service_dept.user_zhangwei_demo", raise_if_not_found=False)
        if not zhangwei:
            self.skipTest("without demo data")
        today = self.env["cs.followup"]._cs_today()
        last_month = date_utils.start_of(date_utils.subtract(today, months=1), "month")
        cards = self.env["cs.scorecard"].search([("date_from", "=", last_month)])
        lina = self.env.ref("cs_service_dept.user_lina_demo")
        self.assertLessEqual(zhangwei | lina, cards.user_id)
        ours = cards.filtered(lambda card: card.user_id in zhangwei | lina)
        self.assertEqual(ours.mapped("state"), ["approved", "approved"])
        self.assertIn("回访", self.card_of(cards, zhangwei).remarks)
        self.assertEqual(self.env["cs.scorecard"].with_user(zhangwei).search([]).user_id, zhangwei)
        training = self.env.ref("cs_service_dept.cs_training_complaint_demo")
        self.assertEqual(training.state, "done")
        self.assertTrue(training.survey_id.certification)
        self.assertEqual(set(training.attendee_ids.mapped("assessment_state")), {"open"})
        self.assertEqual(
            training.article_ids,
            self.env.ref("cs_service_dept.cs_knowledge_article_return_demo")
            | self.env.ref("cs_service_dept.cs_knowledge_article_warranty_demo")
            | self.env.ref("cs_service_dept.cs_knowledge_article_invoice_demo"),
        )

    def test_demo_month_measured(self):
        """Last month's demo work is measured: both specialists have real,
        different figures, 张伟 is ranked before 李娜, and the incentives are
        proposed for the amounts of the settings."""
        zhangwei = self.env.ref("cs_service_dept.user_zhangwei_demo", raise_if_not_found=False)
        if not zhangwei:
            self.skipTest("without demo data")
        lina = self.env.ref("cs_service_dept.user_lina_demo")
        today = self.env["cs.followup"]._cs_today()
        last_month = date_utils.start_of(date_utils.subtract(today, months=1), "month")
        cards = self.env["cs.scorecard"].search([("date_from", "=", last_month)])
        card_z, card_l = self.card_of(cards, zhangwei), self.card_of(cards, lina)
        for card in card_z | card_l:
            measured = card.line_ids.filtered("measured").mapped("metric")
            for metric in ("handling", "fcr", "followup", "complaint", "sla"):
                self.assertIn(metric, measured, f"{card.name}: {metric} not measured")
        figures_z = {line.metric: line.value for line in card_z.line_ids}
        figures_l = {line.metric: line.value for line in card_l.line_ids}
        # the demo's story (other demo follow-ups may fall in last month, and
        # the working hours depend on the company's calendar: compared only)
        self.assertGreater(figures_z["fcr"], figures_l["fcr"])
        self.assertGreater(figures_z["followup"], figures_l["followup"])
        self.assertGreater(figures_l["handling"], figures_z["handling"])
        self.assertEqual((figures_z["complaint"], figures_l["complaint"]), (0.0, 1.0))
        self.assertGreater(card_z.score, card_l.score)
        self.assertLess(card_z.rank, card_l.rank)
        self.assertEqual(card_z.rank, 1)
        self.assertEqual(
            [(n.kind, n.amount, n.state) for n in card_z.incentive_ids],
            [("reward", 500.0, "draft")],
        )
        self.assertEqual([(n.kind, n.amount) for n in card_l.incentive_ids], [("penalty", 0.0)])

    def card_of(self, cards, user):
        return cards.filtered(lambda card: card.user_id == user)
