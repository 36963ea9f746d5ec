# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The URLs the WeChat platforms call (one per company): the Official Account's
server URL and the WeCom customer service callback URL. Nothing the caller
sends is trusted before its signature matches the company's token; then the
callback is handled as superuser by ``cs.wechat``."""

import logging

from wechatpy.enterprise.exceptions import InvalidCorpIdException
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException

from odoo import SUPERUSER_ID, http
from odoo.http import request

from ..models.cs_wechat import BAD_PAYLOAD

_logger = logging.getLogger(__name__)

FORGED = (InvalidSignatureException, InvalidAppIdException, InvalidCorpIdException)
# The platforms expect this answer once a message is taken (or deliberately ignored).
ACCEPTED = "success"


class CsWechatController(http.Controller):
    @http.route(
        "/cs/wechat/mp/<int:company_id>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
    )
    def cs_wechat_mp(self, company_id, **params):
        return self._cs_wechat_callback(
            company_id, "mp", ("cs_wechat_mp_token", "cs_wechat_mp_aes_key"), params
        )

    @http.route(
        "/cs/wechat/wecom/<int:company_id>",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        csrf=False,
        save_session=False,
    )
    def cs_wechat_wecom(self, company_id, **params):
        return self._cs_wechat_callback(
            company_id, "wecom", ("cs_wecom_token", "cs_wecom_aes_key"), params
        )

    def _cs_wechat_callback(self, company_id, platform, required, params):
        env = request.env(user=SUPERUSER_ID)
        company = env["res.company"].browse(company_id).exists()
        if not company or not all(company[field] for field in required):
            _logger.warning(
                "WeChat (%s) callback for company %s refused: not configured.",
                platform,
                company_id,
            )
            raise request.not_found()
        Wechat = env["cs.wechat"].with_company(company)
        method = request.httprequest.method
        remote = request.httprequest.remote_addr
        try:
            if method == "GET":
                verify = Wechat._cs_mp_verify if platform == "mp" else Wechat._cs_wecom_verify
                return request.make_response(
                    verify(company, params), headers=[("Content-Type", "text/plain")]
                )
            body = request.httprequest.get_data()
            # a refused callback leaves nothing half-written
            with env.cr.savepoint():
                if platform == "mp":
                    Wechat._cs_mp_receive(company, body, params)
                else:
                    Wechat._cs_wecom_receive(company, body, params)
        except FORGED:
            _logger.warning(
                "WeChat (%s) %s callback for company %s from %s refused: bad signature.",
                platform,
                method,
                company_id,
                remote,
            )
            return request.make_response("fail", status=403)
        except BAD_PAYLOAD as error:
            _logger.warning(
                "WeChat (%s) %s callback for company %s from %s refused: unreadable "
                "payload (%s: %s).",
                platform,
                method,
                company_id,
                remote,
                type(error).__name__,
                error,
            )
            return request.make_response("fail", status=400)
        return request.make_response(ACCEPTED, headers=[("Content-Type", "text/plain")])
