# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .ticket_common import CsTicketCommon


class TestTicketMerge(CsTicketCommon):
    """OCA's merge wizard as a supervisor runs it (merged as superuser once
    checked): into a new ticket only where the supervisor may create one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Merge team", "user_ids": [(6, 0, cls.supervisor.ids)]}
        )
        other_company = cls.env["res.company"].create({"name": "分公司"})
        cls.foreign_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "Branch team", "company_id": other_company.id}
        )
        cls.tickets = cls.create_ticket(
            "打印机卡纸", team_id=cls.team.id, user_id=cls.supervisor.id
        ) | cls.create_ticket("又卡纸了", team_id=cls.team.id, user_id=cls.supervisor.id)

    def merge_into_new(self, team, name="卡纸（合并）"):
        """Create the wizard and merge, as an RPC client does (the tickets'
        action passes them as active_ids)."""
        wizard = (
            self.env["helpdesk.ticket.merge"]
            .with_user(self.supervisor)
            .with_context(active_model="helpdesk.ticket", active_ids=self.tickets.ids)
            .create(
                {
                    "ticket_ids": [(6, 0, self.tickets.ids)],
                    "create_new_ticket": True,
                    "dst_ticket_name": name,
                    "dst_helpdesk_team_id": team.id,
                    "dst_ticket_id": self.tickets[0].id,
                }
            )
        )
        return wizard.merge_tickets()

    def assert_nothing_merged(self, name):
        Ticket = self.env["helpdesk.ticket"].with_context(active_test=False)
        self.assertFalse(Ticket.search([("name", "=", name)]))
        self.assertTrue(all(self.tickets.mapped("active")))
        self.assertEqual(
            self.tickets.mapped("description"), ["<p>打印机卡纸</p>", "<p>又卡纸了</p>"]
        )

    def test_merge_into_new_ticket(self):
        action = self.merge_into_new(self.team)
        new = self.env["helpdesk.ticket"].browse(action["res_id"])
        self.assertEqual((new.name, new.team_id), ("卡纸（合并）", self.team))
        self.assertFalse(any(self.tickets.mapped("active")))

    def test_team_not_readable(self):
        """The supervisor may write both tickets but not read the team of
        another company: no ticket is created there."""
        with self.assertRaises(AccessError):
            self.foreign_team.with_user(self.supervisor).check_access("read")
        with self.assertRaises(AccessError):
            self.merge_into_new(self.foreign_team)
        self.assert_nothing_merged("卡纸（合并）")

    def test_tickets_not_creatable(self):
        """Where the rights give the supervisor no ticket creation, the wizard
        does not create one either."""
        self.env["ir.model.access"].search(
            [("model_id.model", "=", "helpdesk.ticket")]
        ).perm_create = False
        with self.assertRaises(AccessError):
            self.merge_into_new(self.team)
        self.assert_nothing_merged("卡纸（合并）")

    def test_new_ticket_outside_create_rules(self):
        """A record rule keeps the supervisor from creating tickets in a team
        (readable, of the same company): the merge into a new ticket there is
        refused and rolled back."""
        closed_team = self.env["helpdesk.ticket.team"].create({"name": "Closed team"})
        self.env["ir.rule"].create(
            {
                "name": "No new tickets in the closed team (test)",
                # global: group rules would be or-ed with the supervisor's others
                "model_id": self.env.ref("helpdesk_mgmt.model_helpdesk_ticket").id,
                "domain_force": f"[('team_id', '!=', {closed_team.id})]",
                "perm_read": False,
                "perm_write": False,
                "perm_unlink": False,
                "perm_create": True,
            }
        )
        closed_team.with_user(self.supervisor).check_access("read")
        with self.assertRaises(AccessError):
            self.merge_into_new(closed_team)
        self.assert_nothing_merged("卡纸（合并）")
        # elsewhere the merge still goes through
        action = self.merge_into_new(self.team)
        self.assertEqual(self.env["helpdesk.ticket"].browse(action["res_id"]).team_id, self.team)
