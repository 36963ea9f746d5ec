# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .common import CsArchiveCommon


class TestFiling(CsArchiveCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "货物破损",
                "description": "<p>到货破损</p>",
                "partner_id": cls.customer.id,
                "user_id": cls.specialist.id,
            }
        )

    def close(self, ticket):
        ticket.sudo().write(
            {"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done").id}
        )

    def test_action_bound(self):
        action = self.env.ref("cs_archive.ir_actions_server_file_helpdesk_ticket")
        self.assertEqual(action.binding_model_id.model, "helpdesk.ticket")
        repair = self.env.ref("cs_archive.ir_actions_server_file_repair_order")
        self.assertEqual(repair.binding_model_id.model, "repair.order")
        # Idempotent; a later module's model is bound when missing.
        self.assertFalse(self.env["cs.archive"]._cs_bind_archive_actions())
        action.unlink()
        self.env["ir.model.data"].search(
            [("module", "=", "cs_archive"), ("name", "=", "ir_actions_server_file_helpdesk_ticket")]
        ).unlink()
        created = self.env["cs.archive"]._cs_bind_archive_actions()
        self.assertEqual(created.binding_model_id.model, "helpdesk.ticket")

    def test_file_closed_complaint(self):
        with self.assertRaises(UserError):
            self.ticket.with_user(self.specialist).action_cs_file_archive()
        self.close(self.ticket)
        action = self.ticket.with_user(self.specialist).action_cs_file_archive()
        archive = self.env["cs.archive"].search(action["domain"])
        self.assertEqual(archive.partner_id, self.customer)
        self.assertEqual(archive.archive_type, "complaint")
        self.assertEqual(archive.medium, "electronic")
        self.assertEqual((archive.res_model, archive.res_id), ("helpdesk.ticket", self.ticket.id))
        self.assertEqual(archive.source_name, self.ticket.display_name)
        card = self.env.ref("cs_service_dept.action_report_complaint_card")
        self.assertIn(card.name, " ".join(archive.attachment_ids.mapped("name")))
        # A second complaint updates the same archive: a new version.
        ticket_2 = self.ticket.copy({"name": "延迟发货"})
        self.close(ticket_2)
        self.env["cs.archive"].with_user(self.specialist).action_file_records(
            "helpdesk.ticket", ticket_2.ids
        )
        self.assertEqual(archive.version, 2)
        self.assertEqual(archive.res_id, ticket_2.id)
        self.assertIn("Version 2", archive.message_ids[0].body)
        self.assertEqual(len(archive.attachment_ids), 2 * len(archive.attachment_ids) // 2)

    def test_refusals(self):
        self.close(self.ticket)
        with self.assertRaises(AccessError):
            self.env["cs.archive"].with_user(self.borrower).action_file_records(
                "helpdesk.ticket", self.ticket.ids
            )
        with self.assertRaises(UserError):
            self.env["cs.archive"].with_user(self.specialist).action_file_records(
                "res.users", self.specialist.ids
            )
        self.ticket.sudo().partner_id = False
        with self.assertRaises(UserError):
            self.env["cs.archive"].with_user(self.specialist).action_file_records(
                "helpdesk.ticket", self.ticket.ids
            )

    def test_secret_customer_filed_above_clearance(self):
        ticket = self.ticket.copy({"partner_id": self.secret_customer.id})
        self.close(ticket)
        self.env["cs.archive"].with_user(self.supervisor).action_file_records(
            "helpdesk.ticket", ticket.ids
        )
        archive = self.env["cs.archive"].search(
            [("partner_id", "=", self.secret_customer.id), ("archive_type", "=", "complaint")]
        )
        self.assertEqual(archive.confidentiality, "secret")

    def test_file_information_summary_under_company(self):
        """A signed-off information summary has no customer: it is filed under
        the company's partner, as an information summary, with its PDF."""
        summary = (
            self.env["cs.information.summary"]
            .with_user(self.specialist)
            .create({"period_type": "quarter", "period_date": "2031-02-10"})
        )
        summary.analysis = "<p>信息利用率提高</p>"
        summary.action_generate()
        with self.assertRaises(UserError):
            self.env["cs.archive"].with_user(self.specialist).action_file_records(
                summary._name, summary.ids
            )
        summary.action_submit()
        summary.with_user(self.manager).validate_tier()
        summary.with_user(self.general_manager).validate_tier()
        self.assertEqual(summary.state, "approved")
        # Filed on sign-off.
        archive = self.env["cs.archive"].search(
            [("res_model", "=", summary._name), ("res_id", "=", summary.id)]
        )
        self.assertEqual(archive.partner_id, summary.company_id.partner_id)
        self.assertEqual(archive.archive_type, "info_summary")
        report = self.env.ref("cs_service_dept.action_report_cs_information_summary")
        self.assertIn(report.name, " ".join(archive.attachment_ids.mapped("name")))
        action = self.env.ref("cs_archive.ir_actions_server_file_cs_information_summary")
        self.assertEqual(action.binding_model_id.model, "cs.information.summary")


class TestFilingRelationshipPlan(CsArchiveCommon):
    def test_closed_plan_filed(self):
        """Closing a service plan (cs_service_dept) files it with its PDF."""
        salesperson = new_test_user(
            self.env, login="cs_archive_salesperson", groups="sales_team.group_sale_salesman"
        )
        plan = (
            self.env["cs.relationship.plan"]
            .with_user(self.specialist)
            .create(
                {
                    "title": "年度维护计划",
                    "partner_id": self.customer.id,
                    "user_id": salesperson.id,
                    "line_ids": [
                        Command.create(
                            {"description": "拜访采购部", "partner_id": self.customer.id}
                        )
                    ],
                }
            )
        )
        plan.action_submit()
        plan.with_user(self.manager).action_approve()
        plan.with_user(self.general_manager).action_approve()
        plan.with_user(self.specialist).action_close()
        archive = self.env["cs.archive"].search(
            [("res_model", "=", "cs.relationship.plan"), ("res_id", "=", plan.id)]
        )
        self.assertEqual(archive.archive_type, "relationship_plan")
        self.assertEqual(archive.partner_id, self.customer)
        report = self.env.ref("cs_service_dept.action_report_cs_relationship_plan")
        self.assertIn(report.name, " ".join(archive.attachment_ids.mapped("name")))

    def test_closed_category_plan_filed_under_the_company(self):
        """A plan for a whole customer category has no customer: closed, it is
        filed into the company's own archive of service plans."""
        salesperson = new_test_user(
            self.env, login="cs_archive_salesperson_2", groups="sales_team.group_sale_salesman"
        )
        category = self.env["cs.customer.category"].create({"name": "重点客户"})
        self.customer.cs_category_ids = [Command.link(category.id)]
        plan = (
            self.env["cs.relationship.plan"]
            .with_user(self.specialist)
            .create(
                {
                    "title": "重点客户年度服务方案",
                    "scope": "category",
                    "category_id": category.id,
                    "user_id": salesperson.id,
                    "line_ids": [
                        Command.create(
                            {"description": "重点客户座谈会", "partner_id": self.customer.id}
                        )
                    ],
                }
            )
        )
        self.assertFalse(plan.partner_id)
        plan.action_submit()
        plan.with_user(self.manager).action_approve()
        plan.with_user(self.general_manager).action_approve()
        plan.with_user(self.specialist).action_close()
        archive = self.env["cs.archive"].search(
            [("res_model", "=", "cs.relationship.plan"), ("res_id", "=", plan.id)]
        )
        self.assertEqual(archive.archive_type, "relationship_plan")
        self.assertEqual(archive.partner_id, self.env.company.partner_id)
        self.assertTrue(archive.attachment_ids)
