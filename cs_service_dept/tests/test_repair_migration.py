# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tools import SQL

from .repair_common import RepairCommon


class TestRepairWarrantyMigration(RepairCommon):
    """migrations/18.0.1.2.0: under_warranty, ticked by hand before, is computed
    for the open repairs."""

    def _migrate(self):
        self.run_migration("18.0.1.2.0", "18.0.1.1.0")

    def _set_column(self, repairs, under_warranty, state=None):
        """What a database of the previous version holds: the flag as ticked."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE repair_order SET under_warranty = %s, state = COALESCE(%s, state)"
                " WHERE id IN %s",
                under_warranty,
                state,
                tuple(repairs.ids),
            )
        )
        self.env.invalidate_all()

    def test_migration(self):
        today = self.env["cs.followup"]._cs_today()
        proven = self.create_repair(
            cs_proof_type="invoice", cs_purchase_date=today - timedelta(days=10)
        )
        ticked = self.create_repair()
        done = self.create_repair()
        self._set_column(proven, False)
        self._set_column(ticked, True)
        self._set_column(done, True, state="done")
        self.assertFalse(proven.under_warranty)
        self.assertTrue(ticked.under_warranty)
        notes_before = len(ticked.message_ids)

        self._migrate()
        self.assertTrue(proven.under_warranty)
        self.assertEqual(proven.cs_estimate_state, "not_needed")
        self.assertEqual(proven.cs_fee_amount, 0.0)
        self.assertFalse(ticked.under_warranty, "no proof: not under warranty any more")
        self.assertEqual(ticked.cs_estimate_state, "pending")
        self.assertEqual(ticked.cs_fee_amount, 100.0)
        self.assertEqual(len(ticked.message_ids), notes_before + 1)
        self.assertIn("proof of purchase", ticked.message_ids[0].body)
        self.assertTrue(done.under_warranty, "a finished repair keeps its flag")

        self._migrate()  # twice changes nothing
        self.assertEqual(len(ticked.message_ids), notes_before + 1)
        self.assertTrue(proven.under_warranty)
