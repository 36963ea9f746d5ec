# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    cs_idle_week_days = fields.Integer(
        string="Idle After (Days)",
        config_parameter="cs_service_dept.idle_week_days",
        default=7,
        help="No confirmed order for more than this many days: plan a phone call.",
    )
    cs_call_within_days = fields.Integer(
        string="Call Within (Days)",
        config_parameter="cs_service_dept.call_within_days",
        default=7,
    )
    cs_idle_month_days = fields.Integer(
        string="Dormant After (Days)",
        config_parameter="cs_service_dept.idle_month_days",
        default=30,
        help="No order for more than this many days: contact the customer several times a month.",
    )
    cs_contacts_per_month = fields.Integer(
        string="Contacts per Month",
        config_parameter="cs_service_dept.contacts_per_month",
        default=2,
    )
    cs_sales_silence_days = fields.Integer(
        string="Take Over After (Days)",
        config_parameter="cs_service_dept.sales_silence_days",
        default=60,
        help="The salesperson has logged nothing for more than this many days and "
        "the customer owes nothing: customer service takes the customer over.",
    )
    cs_auto_assign = fields.Boolean(
        string="Assign New Customers",
        config_parameter="cs_service_dept.auto_assign",
        help="New customers are assigned to a specialist automatically.",
    )

    @api.constrains(
        "cs_idle_week_days",
        "cs_call_within_days",
        "cs_idle_month_days",
        "cs_contacts_per_month",
        "cs_sales_silence_days",
    )
    def _check_cs_thresholds(self):
        for settings in self:
            for name in (
                "cs_idle_week_days",
                "cs_call_within_days",
                "cs_idle_month_days",
                "cs_contacts_per_month",
                "cs_sales_silence_days",
            ):
                if settings[name] <= 0:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s must be a positive number.",
                            setting=settings._fields[name].get_description(self.env)["string"],
                        )
                    )
            if settings.cs_idle_month_days <= settings.cs_idle_week_days:
                raise ValidationError(
                    self.env._("A customer is dormant after more days than it is idle.")
                )
