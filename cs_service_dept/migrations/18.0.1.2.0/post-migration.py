# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: ``under_warranty`` of a repair is computed from the proof and the
purchase date instead of ticked by hand.

Its column was repair's own, so the upgrade does not compute it: the open
repairs (draft, confirmed, under repair) are computed here, with the fees and
estimate that follow from it, and the prices of their quotations. Finished and
cancelled repairs keep the flag they were invoiced with. An open repair that was
ticked by hand and has no proof yet gets a note asking for the proof.
"""

from odoo import SUPERUSER_ID, api

OPEN_STATES = ("draft", "confirmed", "under_repair")


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    Repair = env["repair.order"].with_context(tracking_disable=True)
    repairs = Repair.search([("state", "in", OPEN_STATES)])
    if not repairs:
        return
    before = {repair.id: repair.under_warranty for repair in repairs}
    # under_warranty, the warranty end and what depends on them (fees, estimate)
    repairs.modified(["cs_proof_type"])
    env.flush_all()
    changed = repairs.filtered(lambda r: r.under_warranty != before[r.id])
    changed.filtered("sale_order_id")._update_sale_order_line_price()
    for repair in changed.filtered(lambda r: before[r.id]):
        repair.with_context(lang=repair.company_id.partner_id.lang or "en_US").message_post(
            body=repair.env._(
                "Under warranty was ticked by hand before the upgrade: record the "
                "customer's proof of purchase and the purchase date to keep the "
                "repair free."
            ),
            subtype_xmlid="mail.mt_note",
        )
