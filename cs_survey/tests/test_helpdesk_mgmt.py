# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""helpdesk_mgmt's own ticket suites, run again with cs_survey loaded: its
at_install run sees no cs_survey, yet closing a ticket now plans a revisit."""

from odoo.tests import tagged

from odoo.addons.helpdesk_mgmt.tests import (
    test_helpdesk_ticket,
    test_helpdesk_ticket_team,
    test_res_partner,
)


@tagged("post_install", "-at_install")
class TestHelpdeskTicketWithSurvey(test_helpdesk_ticket.TestHelpdeskTicket):
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestHelpdeskTicketTeamWithSurvey(test_helpdesk_ticket_team.TestHelpdeskTicketTeam):
    allow_inherited_tests_method = True


@tagged("post_install", "-at_install")
class TestPartnerWithSurvey(test_res_partner.TestPartner):
    allow_inherited_tests_method = True

    def test_closed_ticket_is_revisited(self):
        """The suite above closed a ticket of a customer: cs_survey planned its revisit."""
        ticket = self.child_id_3.helpdesk_ticket_ids.filtered("closed")
        self.assertTrue(ticket)
        self.assertEqual(ticket.cs_revisit_ids.partner_id, self.child_id_3)
