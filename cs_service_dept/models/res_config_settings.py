# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .cs_triage import SETTINGS as TRIAGE_SETTINGS
from .helpdesk_ticket_sla import SLA_WARNING_PERCENT

# The department's targets: settings (ir.config_parameter key, default value).
KPI_TARGETS = {
    "handling_hours": ("cs_service_dept.handling_target_hours", 3.0),
    "fcr_rate": ("cs_service_dept.fcr_target_rate", 80.0),
    "satisfaction_rate": ("cs_service_dept.satisfaction_target_rate", 95.0),
    "revisit_rate": ("cs_service_dept.revisit_target_rate", 80.0),
}


RATE_TARGET_FIELDS = ("cs_fcr_target_rate", "cs_satisfaction_target_rate", "cs_revisit_target_rate")

# The monthly scorecard (考核): weight of each metric in the score (percent, summing
# to 100) as settings (ir.config_parameter key, default). Satisfaction and revisits
# are measured when cs_survey is installed; a metric without data is left out and
# the others' weights count in proportion.
SCORECARD_WEIGHTS = {
    "handling": ("cs_service_dept.scorecard_weight_handling", 15),
    "fcr": ("cs_service_dept.scorecard_weight_fcr", 15),
    "followup": ("cs_service_dept.scorecard_weight_followup", 15),
    "complaint": ("cs_service_dept.scorecard_weight_complaint", 15),
    "sla": ("cs_service_dept.scorecard_weight_sla", 10),
    "satisfaction": ("cs_service_dept.scorecard_weight_satisfaction", 20),
    "revisit": ("cs_service_dept.scorecard_weight_revisit", 10),
}
# The scorecard's own targets (the others are KPI_TARGETS).
SCORECARD_TARGETS = {
    "followup_rate": ("cs_service_dept.scorecard_followup_target_rate", 90.0),
    "sla_rate": ("cs_service_dept.scorecard_sla_target_rate", 90.0),
    "complaint_points": ("cs_service_dept.scorecard_complaint_points", 25.0),
    "reward_top": ("cs_service_dept.scorecard_reward_top", 1.0),
    "improvement_score": ("cs_service_dept.scorecard_improvement_score", 60.0),
}


def _company_secret(name):
    """A WeChat setting: the company's field, administrators only."""
    return fields.Char(related=f"company_id.{name}", readonly=False, groups="base.group_system")


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
    cs_handling_target_hours = fields.Float(
        string="Handling Time Target (working h)",
        config_parameter=KPI_TARGETS["handling_hours"][0],
        default=KPI_TARGETS["handling_hours"][1],
        help="Consultations and suggestions are handled within this many working hours "
        "on average. Complaints and repairs are held to their own deadlines.",
    )
    cs_fcr_target_rate = fields.Float(
        string="First-contact Resolution Target (%)",
        config_parameter=KPI_TARGETS["fcr_rate"][0],
        default=KPI_TARGETS["fcr_rate"][1],
        help="Share of closed tickets resolved without escalation or reopening.",
    )
    cs_satisfaction_target_rate = fields.Float(
        string="Satisfaction Target (%)",
        config_parameter=KPI_TARGETS["satisfaction_rate"][0],
        default=KPI_TARGETS["satisfaction_rate"][1],
        help="Share of surveyed customers satisfied with the service.",
    )
    cs_revisit_target_rate = fields.Float(
        string="Revisit Target (%)",
        config_parameter=KPI_TARGETS["revisit_rate"][0],
        default=KPI_TARGETS["revisit_rate"][1],
        help="Share of planned return visits made.",
    )

    cs_scorecard_weight_handling = fields.Integer(
        string="Weight: Handling Time",
        config_parameter=SCORECARD_WEIGHTS["handling"][0],
        default=SCORECARD_WEIGHTS["handling"][1],
    )
    cs_scorecard_weight_fcr = fields.Integer(
        string="Weight: First-contact Resolution",
        config_parameter=SCORECARD_WEIGHTS["fcr"][0],
        default=SCORECARD_WEIGHTS["fcr"][1],
    )
    cs_scorecard_weight_followup = fields.Integer(
        string="Weight: Follow-ups on Time",
        config_parameter=SCORECARD_WEIGHTS["followup"][0],
        default=SCORECARD_WEIGHTS["followup"][1],
    )
    cs_scorecard_weight_complaint = fields.Integer(
        string="Weight: Complaints",
        config_parameter=SCORECARD_WEIGHTS["complaint"][0],
        default=SCORECARD_WEIGHTS["complaint"][1],
    )
    cs_scorecard_weight_sla = fields.Integer(
        string="Weight: Deadlines Met",
        config_parameter=SCORECARD_WEIGHTS["sla"][0],
        default=SCORECARD_WEIGHTS["sla"][1],
    )
    cs_scorecard_weight_satisfaction = fields.Integer(
        string="Weight: Satisfaction",
        config_parameter=SCORECARD_WEIGHTS["satisfaction"][0],
        default=SCORECARD_WEIGHTS["satisfaction"][1],
        help="Counted when the satisfaction surveys are installed.",
    )
    cs_scorecard_weight_revisit = fields.Integer(
        string="Weight: Return Visits",
        config_parameter=SCORECARD_WEIGHTS["revisit"][0],
        default=SCORECARD_WEIGHTS["revisit"][1],
        help="Counted when the satisfaction surveys are installed.",
    )
    cs_scorecard_followup_target_rate = fields.Float(
        string="Follow-ups on Time Target (%)",
        config_parameter=SCORECARD_TARGETS["followup_rate"][0],
        default=SCORECARD_TARGETS["followup_rate"][1],
        help="Share of the month's planned follow-ups done by their planned date.",
    )
    cs_scorecard_sla_target_rate = fields.Float(
        string="Deadlines Met Target (%)",
        config_parameter=SCORECARD_TARGETS["sla_rate"][0],
        default=SCORECARD_TARGETS["sla_rate"][1],
        help="Share of the deadlines of closed tickets that were met: handling time, "
        "complaint investigation and promised solution.",
    )
    cs_scorecard_complaint_points = fields.Float(
        string="Points per Complaint",
        config_parameter=SCORECARD_TARGETS["complaint_points"][0],
        default=SCORECARD_TARGETS["complaint_points"][1],
        help="Points taken off the complaint score (out of 100) for each complaint the "
        "specialist was responsible for.",
    )
    cs_scorecard_reward_top = fields.Integer(
        string="Rewards per Month",
        config_parameter=SCORECARD_TARGETS["reward_top"][0],
        default=int(SCORECARD_TARGETS["reward_top"][1]),
        help="A reward is proposed for this many best-ranked specialists of the month.",
    )
    cs_scorecard_improvement_score = fields.Float(
        string="Improvement Plan Below",
        config_parameter=SCORECARD_TARGETS["improvement_score"][0],
        default=SCORECARD_TARGETS["improvement_score"][1],
        help="An improvement plan is proposed for specialists scoring below this.",
    )

    cs_scorecard_reward_amount = fields.Monetary(
        related="company_id.cs_scorecard_reward_amount", readonly=False
    )
    cs_scorecard_improvement_amount = fields.Monetary(
        related="company_id.cs_scorecard_improvement_amount", readonly=False
    )

    @api.constrains(*(f"cs_scorecard_weight_{metric}" for metric in SCORECARD_WEIGHTS))
    def _check_cs_scorecard_weights(self):
        for settings in self:
            weights = [settings[f"cs_scorecard_weight_{metric}"] for metric in SCORECARD_WEIGHTS]
            if any(weight < 0 for weight in weights) or sum(weights) != 100:
                msg = self.env._(
                    "The weights of the scorecard must be positive and sum to 100 (now %(total)s).",
                    total=sum(weights),
                )
                raise ValidationError(msg)

    @api.constrains(
        "cs_scorecard_followup_target_rate",
        "cs_scorecard_sla_target_rate",
        "cs_scorecard_complaint_points",
        "cs_scorecard_reward_top",
        "cs_scorecard_improvement_score",
    )
    def _check_cs_scorecard_targets(self):
        for settings in self:
            for name in ("cs_scorecard_followup_target_rate", "cs_scorecard_sla_target_rate"):
                if not 0 < settings[name] <= 100:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s must be a percentage between 0 and 100.",
                            setting=settings._fields[name].get_description(self.env)["string"],
                        )
                    )
            if (
                settings.cs_scorecard_complaint_points < 0
                or settings.cs_scorecard_reward_top < 0
                or not 0 <= settings.cs_scorecard_improvement_score <= 100
            ):
                raise ValidationError(
                    self.env._(
                        "Points per complaint and rewards per month cannot be negative; the "
                        "improvement threshold is a score between 0 and 100."
                    )
                )

    cs_repair_days = fields.Integer(
        string="Carry-in Repair Days",
        config_parameter="cs_service_dept.repair_days",
        default=3,
        help="A carry-in repair is promised this many days after the appointment.",
    )
    cs_repair_revisit_days = fields.Integer(
        string="Revisit After (Days)",
        config_parameter="cs_service_dept.repair_revisit_days",
        default=7,
        help="The customer is revisited this many days after accepting a repair.",
    )
    cs_maintenance_lead_days = fields.Integer(
        string="Propose Maintenance Before (Days)",
        config_parameter="cs_service_dept.maintenance_lead_days",
        default=14,
        help="A due maintenance is proposed to the customer this many days before it is due.",
    )

    @api.constrains(
        "cs_idle_week_days",
        "cs_call_within_days",
        "cs_idle_month_days",
        "cs_contacts_per_month",
        "cs_sales_silence_days",
        "cs_repair_days",
        "cs_repair_revisit_days",
        "cs_maintenance_lead_days",
    )
    def _check_cs_thresholds(self):
        for settings in self:
            for name in (
                "cs_idle_week_days",
                "cs_call_within_days",
                "cs_idle_month_days",
                "cs_contacts_per_month",
                "cs_sales_silence_days",
                "cs_repair_days",
                "cs_repair_revisit_days",
                "cs_maintenance_lead_days",
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

    @api.constrains("cs_handling_target_hours", *RATE_TARGET_FIELDS)
    def _check_cs_kpi_targets(self):
        for settings in self:
            if settings.cs_handling_target_hours <= 0:
                raise ValidationError(
                    self.env._("The handling time target must be a positive number of hours.")
                )
            for name in (
                "cs_fcr_target_rate",
                "cs_satisfaction_target_rate",
                "cs_revisit_target_rate",
            ):
                if not 0 < settings[name] <= 100:
                    raise ValidationError(
                        self.env._(
                            "%(setting)s must be a percentage between 0 and 100.",
                            setting=settings._fields[name].get_description(self.env)["string"],
                        )
                    )

    # WeChat (models/cs_wechat.py): the company's secrets, administrators only
    cs_wechat_mp_app_id = _company_secret("cs_wechat_mp_app_id")
    cs_wechat_mp_app_secret = _company_secret("cs_wechat_mp_app_secret")
    cs_wechat_mp_token = _company_secret("cs_wechat_mp_token")
    cs_wechat_mp_aes_key = _company_secret("cs_wechat_mp_aes_key")
    cs_wecom_corp_id = _company_secret("cs_wecom_corp_id")
    cs_wecom_secret = _company_secret("cs_wecom_secret")
    cs_wecom_token = _company_secret("cs_wecom_token")
    cs_wecom_aes_key = _company_secret("cs_wecom_aes_key")
    cs_wecom_open_kfid = _company_secret("cs_wecom_open_kfid")
    # Triage on arrival (cs_triage.py)
    cs_triage_threshold = fields.Integer(
        string="Urgent From (Points)",
        config_parameter=TRIAGE_SETTINGS["threshold"][0],
        default=TRIAGE_SETTINGS["threshold"][1],
        help="A new ticket scoring this many points or more is urgent: its priority goes "
        "up one level and its supervisor gets an activity.",
    )
    cs_triage_repeat_days = fields.Integer(
        string="Repeated Contact Within (Days)",
        config_parameter=TRIAGE_SETTINGS["repeat_days"][0],
        default=TRIAGE_SETTINGS["repeat_days"][1],
        help="The customer's earlier tickets of these last days count as repeated contacts.",
    )
    cs_triage_repeat_weight = fields.Integer(
        string="Points per Repeated Contact",
        config_parameter=TRIAGE_SETTINGS["repeat_weight"][0],
        default=TRIAGE_SETTINGS["repeat_weight"][1],
        help="Points added for each earlier ticket of the customer (three at most).",
    )

    @api.constrains("cs_triage_threshold", "cs_triage_repeat_days", "cs_triage_repeat_weight")
    def _check_cs_triage(self):
        for settings in self:
            if (
                settings.cs_triage_threshold <= 0
                or settings.cs_triage_repeat_days <= 0
                or settings.cs_triage_repeat_weight < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The urgency threshold and the repeated-contact days must be positive, "
                        "the points per repeated contact not negative."
                    )
                )

    cs_livechat_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Live Chat Team",
        config_parameter="cs_service_dept.livechat_team_id",
        help="The team of the tickets operators create from a live chat (/ticket). "
        "Empty: the operator's first team.",
    )
    # SLA warnings (models/helpdesk_ticket_sla.py)
    cs_sla_warning_percent = fields.Integer(
        string="Warn at (% of SLA Time)",
        config_parameter=SLA_WARNING_PERCENT[0],
        default=SLA_WARNING_PERCENT[1],
        help="The supervisor is warned when this share of an SLA's working time has "
        "elapsed and its target is not reached yet.",
    )

    @api.constrains("cs_sla_warning_percent")
    def _check_cs_sla_warning_percent(self):
        for settings in self:
            if not 0 < settings.cs_sla_warning_percent < 100:
                raise ValidationError(
                    self.env._(
                        "The SLA warning comes when between 1 and 99%% of the SLA's time "
                        "has elapsed (now %(percent)s%%).",
                        percent=settings.cs_sla_warning_percent,
                    )
                )

    def set_values(self):
        Line = self.env["helpdesk.ticket.sla"]
        share = Line._cs_warning_percent()
        result = super().set_values()
        if Line._cs_warning_percent() != share:
            Line._cs_replan_warnings()
        return result
