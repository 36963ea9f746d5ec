# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.2.0: a customer's latest credit evaluation is derived, no longer stored.

The nightly evaluation of every customer wrote the pointer on every customer
row (and its index) even when the grade did not change; it now writes only the
customers whose grade or score changed. The ORM leaves the column of a field
that is no longer stored: it is dropped here, with its index."""

from odoo.tools import SQL


def migrate(cr, version):
    cr.execute(SQL("ALTER TABLE res_partner DROP COLUMN IF EXISTS cs_credit_evaluation_id"))
