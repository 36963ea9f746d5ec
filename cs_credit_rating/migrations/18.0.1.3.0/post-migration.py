# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.3.0: a customer's credit grade and score are derived, no longer stored.

They are read from the customer's latest approved evaluation in the current
company, so that the nightly evaluation of every customer writes the suite's
own rows only, and each company reads its own grade. The ORM leaves the columns
of fields that are no longer stored: they are dropped here."""

from odoo.tools import SQL


def migrate(cr, version):
    for column in ("cs_credit_grade", "cs_credit_score"):
        cr.execute(SQL("ALTER TABLE res_partner DROP COLUMN IF EXISTS %s", SQL.identifier(column)))
