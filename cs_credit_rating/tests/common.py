# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import Command, fields

from odoo.addons.cs_service_dept.tests.common import CsCommon

from ..models.sale_order import CREDIT_OVERRIDE


class CsCreditCommon(CsCommon):
    """Customers, orders, invoices and payments for the credit tests."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.policy = cls.env.ref("cs_credit_rating.cs_credit_policy_default")
        cls.product = cls.env["product.product"].create(
            {"name": "Credit test product", "type": "service", "taxes_id": False}
        )
        # Only our test customers matter to the batch jobs.
        cls.env["res.partner"].search([("customer_rank", ">", 0)]).customer_rank = 0

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (rolled back in a savepoint) that checks the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @classmethod
    def grade(cls, partner, grade, company=None, **vals):
        """Give ``partner`` an approved evaluation (as the system records
        one), i.e. its credit grade in ``company``."""
        return cls.env["cs.credit.evaluation"].create(
            {
                "partner_id": partner.id,
                "company_id": (company or cls.env.company).id,
                "origin": "policy",
                "state": "approved",
                "grade": grade,
                **vals,
            }
        )

    def evaluate_all(self, batch_size=1000):
        """Run the evaluation cron as Odoo does: again while it reports
        customers remaining. Returns the number of calls."""
        calls = 1
        while self.env["cs.credit.evaluation"]._cron_evaluate_all(batch_size=batch_size):
            calls += 1
        return calls

    @classmethod
    def approve(cls, document, requester, approver):
        """Submit ``document`` as ``requester`` and approve it as ``approver``."""
        document.with_user(requester).action_cs_submit()
        document.with_user(approver).validate_tier()
        return document

    @classmethod
    def create_order(cls, partner, amount, confirm=True, date=None, user=None):
        order = cls.env["sale.order"].create(
            {
                "partner_id": partner.id,
                "user_id": (user or cls.env.user).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                            "tax_id": False,
                        }
                    )
                ],
            }
        )
        if confirm:
            # superuser: the override wizard's own confirmation path
            order.sudo().with_context(cs_credit_override=CREDIT_OVERRIDE).action_confirm()
            if date:
                order.date_order = fields.Datetime.to_datetime(date)
        return order

    @classmethod
    def create_invoice(cls, partner, amount, date, due, move_type="out_invoice"):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": partner.id,
                "invoice_date": date,
                "invoice_date_due": due,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Goods",
                            "quantity": 1,
                            "price_unit": amount,
                            "tax_ids": False,
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    @classmethod
    def pay(cls, invoice, amount, date):
        return (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"payment_date": date, "amount": amount})
            ._create_payments()
        )
