# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Secrets: read and written by administrators only; the callbacks and the
# replies read them as superuser (models/cs_wechat.py).
SECRET = "base.group_system"
# Fields restricted to a group are read apart from the company's other fields:
# in the default prefetch group, each read of a company (every ticket created,
# every message posted) would check the group of each of them.
SECRET_PREFETCH = "cs_wechat_secret"


class ResCompany(models.Model):
    _inherit = "res.company"

    cs_scorecard_reward_amount = fields.Monetary(
        string="Scorecard Reward",
        currency_field="currency_id",
        help="Amount of the reward notice proposed for the month's best-ranked specialists.",
    )
    cs_scorecard_improvement_amount = fields.Monetary(
        string="Improvement Plan Amount",
        currency_field="currency_id",
        help="Amount of the notice proposed with an improvement plan (0: a plan without "
        "a penalty).",
    )

    @api.constrains("cs_scorecard_reward_amount", "cs_scorecard_improvement_amount")
    def _check_cs_scorecard_amounts(self):
        for company in self:
            if (
                company.cs_scorecard_reward_amount < 0
                or company.cs_scorecard_improvement_amount < 0
            ):
                raise ValidationError(
                    self.env._(
                        "The amounts of the scorecard incentives of %(company)s cannot be "
                        "negative.",
                        company=company.name,
                    )
                )

    # WeChat Official Account (微信公众号): Settings > Basic configuration.
    cs_wechat_mp_app_id = fields.Char(
        string="Official Account AppID", groups=SECRET, prefetch=SECRET_PREFETCH
    )
    cs_wechat_mp_app_secret = fields.Char(
        string="Official Account AppSecret", groups=SECRET, prefetch=SECRET_PREFETCH
    )
    cs_wechat_mp_token = fields.Char(
        string="Official Account Token", groups=SECRET, prefetch=SECRET_PREFETCH
    )
    cs_wechat_mp_aes_key = fields.Char(
        string="Official Account EncodingAESKey", groups=SECRET, prefetch=SECRET_PREFETCH
    )
    # WeCom customer service (企业微信 微信客服)
    cs_wecom_corp_id = fields.Char(string="WeCom Corp ID", groups=SECRET, prefetch=SECRET_PREFETCH)
    cs_wecom_secret = fields.Char(
        string="WeCom Customer Service Secret", groups=SECRET, prefetch=SECRET_PREFETCH
    )
    cs_wecom_token = fields.Char(
        string="WeCom Callback Token", groups=SECRET, prefetch=SECRET_PREFETCH
    )
    cs_wecom_aes_key = fields.Char(
        string="WeCom EncodingAESKey", groups=SECRET, prefetch=SECRET_PREFETCH
    )
    cs_wecom_open_kfid = fields.Char(
        string="WeCom Customer Service Account",
        groups=SECRET,
        prefetch=SECRET_PREFETCH,
        help="The open_kfid of the customer service account (客服账号) whose messages "
        "become tickets.",
    )
    # technical: where kf/sync_msg resumes, and the access tokens (2 hours)
    cs_wecom_cursor = fields.Char(
        string="WeCom Sync Cursor", groups=SECRET, prefetch=SECRET_PREFETCH, copy=False
    )
    cs_wechat_mp_access_token = fields.Char(
        string="Official Account Access Token", groups=SECRET, prefetch=SECRET_PREFETCH, copy=False
    )
    cs_wechat_mp_token_expiry = fields.Datetime(
        string="Official Account Access Token Expiry",
        groups=SECRET,
        prefetch=SECRET_PREFETCH,
        copy=False,
    )
    cs_wecom_access_token = fields.Char(
        string="WeCom Access Token", groups=SECRET, prefetch=SECRET_PREFETCH, copy=False
    )
    cs_wecom_token_expiry = fields.Datetime(
        string="WeCom Access Token Expiry", groups=SECRET, prefetch=SECRET_PREFETCH, copy=False
    )
