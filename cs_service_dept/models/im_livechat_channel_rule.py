# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.osv import expression


class ImLivechatChannelRule(models.Model):
    """Out of hours (#17): a rule that applies only outside the working
    calendar of a team, or when no operator is online (im_livechat's own
    "Enabled only if no operator" knows only the second)."""

    _inherit = "im_livechat.channel.rule"

    cs_outside_working_hours = fields.Boolean(
        string="Only Outside Working Hours",
        help="Apply this rule (and start its chat bot) only outside the working hours of "
        "the team, or when no operator is online.",
    )
    cs_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Working Hours Of",
        ondelete="set null",
        help="The team whose working calendar applies. Empty: the live chat team of the "
        "settings; a team without a calendar follows the company's.",
    )

    @api.constrains("cs_outside_working_hours", "chatbot_only_if_no_operator")
    def _check_cs_outside_working_hours(self):
        for rule in self:
            if rule.cs_outside_working_hours and rule.chatbot_only_if_no_operator:
                raise ValidationError(
                    self.env._(
                        "The rule of %(channel)s cannot be both 'only outside working hours' "
                        "and 'only if no operator': outside working hours already covers the "
                        "times no operator is online.",
                        channel=rule.channel_id.display_name,
                    )
                )

    def match_rule(self, channel_id, url, country_id=False):
        """im_livechat's choice of rule, passing over the out-of-hours rules
        while the team works and an operator is online."""
        passed = self.browse()
        rule = super().match_rule(channel_id, url, country_id=country_id)
        while rule and rule.cs_outside_working_hours and not rule._cs_is_off_hours():
            passed |= rule
            rule = super(
                ImLivechatChannelRule, self.with_context(cs_rule_skip_ids=passed.ids)
            ).match_rule(channel_id, url, country_id=country_id)
        # the skipping context was this method's only
        return rule and rule.with_env(self.env)

    @api.model
    def _search(self, domain, *args, **kwargs):
        # match_rule's search of the rules left once out-of-hours ones are passed
        if skip_ids := self.env.context.get("cs_rule_skip_ids"):
            domain = expression.AND([domain, [("id", "not in", skip_ids)]])
        return super()._search(domain, *args, **kwargs)

    def _cs_is_off_hours(self, moment=None):
        """Whether no operator of the channel is online or ``moment`` (now by
        default) is outside the working hours of the rule's team."""
        self.ensure_one()
        if not self.channel_id.available_operator_ids:
            return True
        calendar = self._cs_calendar()
        moment = moment or fields.Datetime.now()
        return bool(calendar) and not calendar._cs_is_working(moment)

    def _cs_calendar(self):
        """The working calendar of the rule's team (the live chat team of the
        settings when none), else the company's."""
        team = self.cs_team_id or self.env["discuss.channel"]._cs_chat_team()
        return team.resource_calendar_id or self.env.company.resource_calendar_id
