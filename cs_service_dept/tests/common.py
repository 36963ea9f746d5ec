# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.base.tests.common import BaseCommon, new_test_user

GROUP_SPECIALIST = "cs_service_dept.group_cs_specialist"
GROUP_SUPERVISOR = "cs_service_dept.group_cs_supervisor"
GROUP_MANAGER = "cs_service_dept.group_cs_manager"
GROUP_GENERAL_MANAGER = "cs_service_dept.group_cs_general_manager"


class CsCommon(BaseCommon):
    """Base class of the suite's tests: one user per department role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.specialist = cls.cs_user("cs_specialist", GROUP_SPECIALIST)
        cls.specialist_2 = cls.cs_user("cs_specialist_2", GROUP_SPECIALIST)
        cls.supervisor = cls.cs_user("cs_supervisor", GROUP_SUPERVISOR)
        cls.manager = cls.cs_user("cs_manager", GROUP_MANAGER)
        cls.general_manager = cls.cs_user("cs_general_manager", GROUP_GENERAL_MANAGER)
        cls.internal_user = new_test_user(cls.env, login="cs_outsider", groups="base.group_user")

    @classmethod
    def cs_user(cls, login, group, **kw):
        return new_test_user(cls.env, login=login, groups=group, **kw)

    @classmethod
    def create_customer(cls, name="Customer", **vals):
        return cls.env["res.partner"].create({"name": name, "is_company": True, **vals})
