# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields

from .common import CsCommon


class CsTicketCommon(CsCommon):
    """Tickets, complaints and a working calendar in UTC (Mon-Fri 8-12, 13-17)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "CS 40h (UTC)", "tz": "UTC", "hours_per_day": 8.0}
        )
        cls.env.company.resource_calendar_id = cls.calendar
        cls.customer = cls.create_customer("华美贸易", email="huamei@example.com")
        cls.department = cls.env.ref("cs_service_dept.cs_complaint_department_quality")
        cls.cause = cls.env.ref("cs_service_dept.cs_complaint_cause_quality")
        cls.channel_phone = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone")
        cls.channel_email = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_email")

    @classmethod
    def create_ticket(cls, name="Ticket", user=None, **vals):
        Ticket = cls.env["helpdesk.ticket"]
        if user:
            Ticket = Ticket.with_user(user)
        return Ticket.create(
            {
                "name": name,
                "description": vals.pop("description", f"<p>{name}</p>"),
                "partner_id": cls.customer.id,
                **vals,
            }
        )

    @classmethod
    def create_complaint(cls, name="投诉", user=None, **vals):
        vals.setdefault("user_id", (user or cls.specialist).id)
        return cls.create_ticket(
            name,
            user=user,
            cs_request_type="complaint",
            **{"channel_id": cls.channel_email.id, **vals},
        )

    def set_dates(self, ticket, **values):
        """Write dates the ORM manages (create_date...) straight in the table.

        The stored fields computed from them (handling hours...) are recomputed.
        """
        self.env.flush_all()
        for column, value in values.items():
            self.env.cr.execute(
                f"UPDATE helpdesk_ticket SET {column} = %s WHERE id = %s",
                (value, ticket.id),
            )
        self.env.invalidate_all()
        ticket.modified(list(values))
        self.env.flush_all()

    @staticmethod
    def dt(value):
        return fields.Datetime.to_datetime(value)
