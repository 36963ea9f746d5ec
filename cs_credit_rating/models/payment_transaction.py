# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _check_amount_and_confirm_order(self):
        """A customer paid a quotation online that their credit does not allow
        to confirm: the payment is kept and the quotation waits for a Manager
        (their override confirms it), instead of the refusal failing the
        payment's post-processing, which Odoo's cron would retry for days."""
        held = self.browse()
        for tx in self.filtered(lambda tx: len(tx.sale_order_ids) == 1):
            quotation = tx.sale_order_ids.filtered(lambda so: so.state in ("draft", "sent"))
            if quotation and quotation._cs_credit_problems().get(quotation):
                held |= tx
        held.sale_order_ids._cs_hold_paid_quotation()
        return super(PaymentTransaction, self - held)._check_amount_and_confirm_order()
