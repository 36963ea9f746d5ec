# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import Form
from odoo.tools.safe_eval import safe_eval

from .common import CsCommon


class TestCustomerFile(CsCommon):
    def test_new_customer_defaults(self):
        """A new customer is followed up by sales and is internal until classified."""
        with Form(self.env["res.partner"].with_user(self.specialist)) as form:
            form.name = "深圳华强电子"
            form.cs_specialist_id = self.specialist
        partner = form.save()
        self.assertEqual(partner.cs_owner, "sales")
        self.assertEqual(partner.cs_confidentiality, "internal")
        self.assertEqual(partner.cs_specialist_id, self.specialist)

    def test_customer_service_tab_is_for_the_department(self):
        view = self.env.ref("cs_service_dept.res_partner_view_form")
        self.assertIn("cs_customer_service", view.arch_db)
        arch = (
            self.env["res.partner"]
            .with_user(self.internal_user)
            .get_view(self.env.ref("base.view_partner_form").id)["arch"]
        )
        self.assertNotIn("cs_specialist_id", arch)
        arch = (
            self.env["res.partner"]
            .with_user(self.specialist)
            .get_view(self.env.ref("base.view_partner_form").id)["arch"]
        )
        self.assertIn("cs_specialist_id", arch)

    def test_customers_menu_lists_customers_only(self):
        """The Customers menu shows customers, not the staff's own contacts."""
        action = self.env.ref("cs_service_dept.res_partner_action_customer")
        domain = safe_eval(action.domain)
        buyer = self.create_customer("Buyer", customer_rank=1)
        followed = self.create_customer("Followed", cs_specialist_id=self.specialist.id)
        listed = self.env["res.partner"].search(domain)
        self.assertIn(buyer, listed)
        self.assertIn(followed, listed)
        self.assertNotIn(self.specialist.partner_id, listed)
        self.assertNotIn(self.env.company.partner_id, listed)
