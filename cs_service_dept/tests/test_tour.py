# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustomerServiceTour(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        new_test_user(
            cls.env, login="tour_specialist", groups="cs_service_dept.group_cs_specialist"
        )

    def test_open_app_as_specialist(self):
        """A specialist logs in and opens the Customer Service app."""
        self.start_tour("/odoo", "cs_service_dept_open_app", login="tour_specialist")
