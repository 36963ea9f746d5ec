# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import (
    GROUP_ENGINEER,
    GROUP_GENERAL_MANAGER,
    GROUP_MANAGER,
    GROUP_SPECIALIST,
    GROUP_SUPERVISOR,
    CsCommon,
    RightsMatrixMixin,
)


class TestRoles(CsCommon):
    def test_groups_chain(self):
        """Each role implies the one below it; the general manager implies manager."""
        self.assertTrue(self.supervisor.has_group(GROUP_SPECIALIST))
        self.assertFalse(self.supervisor.has_group(GROUP_MANAGER))
        self.assertTrue(self.manager.has_group(GROUP_SUPERVISOR))
        self.assertTrue(self.manager.has_group(GROUP_SPECIALIST))
        self.assertFalse(self.manager.has_group(GROUP_GENERAL_MANAGER))
        self.assertTrue(self.general_manager.has_group(GROUP_MANAGER))
        self.assertFalse(self.specialist.has_group(GROUP_SUPERVISOR))

    def test_admin_is_manager_and_general_manager(self):
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group(GROUP_MANAGER))
        self.assertTrue(admin.has_group(GROUP_GENERAL_MANAGER))

    def test_specialist_reaches_the_tools(self):
        """A specialist works tickets, repairs and customers without more groups."""
        for model in ("helpdesk.ticket", "repair.order", "res.partner", "sale.order"):
            self.assertTrue(
                self.env[model].with_user(self.specialist).has_access("read"),
                f"a specialist cannot read {model}",
            )

    def test_high_value_flag_not_written_by_clients(self):
        """A customer's high-value flag follows its categories: a specialist who
        may edit the customer cannot set it (write, create, default_ key)."""
        customer = self.env["res.partner"].create({"name": "普通客户", "is_company": True})
        Partner = self.env["res.partner"].with_user(self.specialist)
        with self.assertRaises(AccessError):
            customer.with_user(self.specialist).write({"cs_high_value": True})
        with self.assertRaises(AccessError):
            Partner.create({"name": "自封重点客户", "cs_high_value": True})
        with self.assertRaises(AccessError):
            Partner.with_context(default_cs_high_value=True).create({"name": "自封重点客户"})
        self.assertFalse(customer.cs_high_value)
        # what the specialist may do: the customer's row, the flag left alone
        customer.with_user(self.specialist).write({"phone": "13800138000"})
        self.assertEqual(customer.phone, "13800138000")

    def test_app_menu_by_role(self):
        """The app shows to every role and to nobody outside the department."""
        menu = self.env.ref("cs_service_dept.cs_menu_root")
        config = self.env.ref("cs_service_dept.cs_menu_configuration")
        for user in (self.specialist, self.supervisor, self.manager, self.general_manager):
            visible = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertIn(menu.id, visible, user.login)
        outsider_menus = self.env["ir.ui.menu"].with_user(self.internal_user)._visible_menu_ids()
        self.assertNotIn(menu.id, outsider_menus)
        specialist_menus = self.env["ir.ui.menu"].with_user(self.specialist)._visible_menu_ids()
        self.assertNotIn(config.id, specialist_menus)
        manager_menus = self.env["ir.ui.menu"].with_user(self.manager)._visible_menu_ids()
        self.assertIn(config.id, manager_menus)

    def test_outsider_cannot_create_tickets(self):
        """Taking requests is the department's job: a specialist can, others cannot."""
        self.env["helpdesk.ticket"].with_user(self.specialist).check_access("create")
        with self.assertRaises(AccessError):
            self.env["helpdesk.ticket"].with_user(self.internal_user).check_access("create")


ALL = "crwu"
MANAGERS = {"manager": ALL, "general_manager": ALL}
READ_BY_STAFF = {
    "internal": "r",
    "engineer": "r",
    "specialist": "r",
    "supervisor": "r",
    **MANAGERS,
}

# The department's rights, written out: a model added without its rights, or a
# right that drifts, fails here.
RIGHTS = {
    "cs.customer.category": {"specialist": "r", "supervisor": "r", **MANAGERS},
    "cs.specialist": READ_BY_STAFF,
    "cs.followup": {"specialist": "crw", "supervisor": "crw", **MANAGERS},
    "cs.confidentiality.request": {"specialist": "crw", "supervisor": "crw", **MANAGERS},
    "cs.assign.wizard": {"supervisor": ALL, **MANAGERS},
    "cs.complaint.department": READ_BY_STAFF,
    "cs.complaint.cause": READ_BY_STAFF,
    "cs.knowledge.category": READ_BY_STAFF,
    "cs.knowledge.article": {
        "internal": "r",
        "engineer": "r",
        "specialist": "crw",
        "supervisor": "crw",
        **MANAGERS,
    },
    "cs.knowledge.synonym": {
        "internal": "r",
        "engineer": "r",
        "specialist": "r",
        "supervisor": ALL,
        **MANAGERS,
    },
    "cs.complaint.findings.wizard": {
        "internal": "crw",
        "engineer": "crw",
        "specialist": "crw",
        "supervisor": "crw",
        "manager": "crw",
        "general_manager": "crw",
    },
    "cs.handover.wizard": {"specialist": ALL, "supervisor": ALL, **MANAGERS},
    "cs.return.wizard": {"specialist": ALL, "supervisor": ALL, **MANAGERS},
    "cs.log.call.wizard": {"specialist": ALL, "supervisor": ALL, **MANAGERS},
    "cs.reward.penalty": {"specialist": "crw", "supervisor": "crw", **MANAGERS},
    "cs.ticket.report": {
        "specialist": "r",
        "supervisor": "r",
        "manager": "r",
        "general_manager": "r",
    },
    "cs.repair.fault.type": READ_BY_STAFF,
    "cs.repair.fee": {"engineer": "r", "specialist": "r", "supervisor": "r", **MANAGERS},
    "cs.repair.fee.line": {"engineer": "r", "specialist": ALL, "supervisor": ALL, **MANAGERS},
    # Customer information: recipients and action owners outside the department
    # read (their record rules narrow it to what was sent to them).
    "cs.information.category": {
        "internal": "r",
        "engineer": "r",
        "specialist": "r",
        "supervisor": "crw",
        **MANAGERS,
    },
    "cs.information": {
        "internal": "r",
        "engineer": "r",
        "specialist": "crw",
        "supervisor": "crw",
        **MANAGERS,
    },
    "cs.information.recipient": {
        "internal": "r",
        "engineer": "r",
        "specialist": ALL,
        "supervisor": ALL,
        **MANAGERS,
    },
    "cs.information.summary": {"specialist": "crw", "supervisor": "crw", **MANAGERS},
    "cs.information.summary.line": {"specialist": "r", "supervisor": "r", **MANAGERS},
    "cs.information.proposal": {
        "internal": "r",
        "engineer": "r",
        "specialist": "crw",
        "supervisor": "crw",
        **MANAGERS,
    },
    "cs.information.proposal.action": {
        "internal": "r",
        "engineer": "r",
        "specialist": ALL,
        "supervisor": ALL,
        **MANAGERS,
    },
    # relationship management: the salesperson (internal, no department group)
    # reads the plans they are responsible for and evaluates them
    "cs.relationship.plan": {
        "internal": "r",
        "engineer": "r",
        "specialist": "crw",
        "supervisor": "crw",
        **MANAGERS,
    },
    "cs.relationship.plan.line": {
        "internal": "r",
        "engineer": "r",
        "specialist": ALL,
        "supervisor": ALL,
        **MANAGERS,
    },
    "cs.relationship.plan.evaluation": {
        "internal": "cr",
        "engineer": "cr",
        "specialist": "cr",
        "supervisor": "cr",
        **MANAGERS,
    },
    "cs.customer.category.rule": {"specialist": "r", "supervisor": "r", **MANAGERS},
    # scorecards are created by the month's computation only (sudo, after its checks)
    "cs.scorecard": {
        "specialist": "r",
        "supervisor": "rw",
        "manager": "rwu",
        "general_manager": "rwu",
    },
    "cs.scorecard.line": {
        "specialist": "r",
        "supervisor": "r",
        "manager": "r",
        "general_manager": "r",
    },
    "cs.training": {"specialist": "r", "supervisor": ALL, **MANAGERS},
    "cs.training.attendee": {"specialist": "r", "supervisor": ALL, **MANAGERS},
    "cs.scorecard.compute.wizard": {
        "supervisor": "crw",
        "manager": "crw",
        "general_manager": "crw",
    },
    # created by the WeChat callbacks only (as superuser); managers may purge
    "cs.wechat.message": {"supervisor": "r", "manager": "ru", "general_manager": "ru"},
    "cs.triage.term": {"specialist": "r", "supervisor": ALL, **MANAGERS},
}


class TestRightsMatrix(RightsMatrixMixin, CsCommon):
    # engineers (工程部) are outside the customer service chain
    ROLES = (*RightsMatrixMixin.ROLES, "engineer")

    def role_users(self):
        engineer = self.cs_user("cs_matrix_engineer", GROUP_ENGINEER)
        return {**super().role_users(), "engineer": engineer}

    def test_rights_matrix(self):
        self.assert_rights_matrix("cs_service_dept", RIGHTS)
