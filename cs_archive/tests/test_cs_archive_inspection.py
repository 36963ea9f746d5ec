# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, UserError

from .common import CsArchiveCommon


class TestInspection(CsArchiveCommon):
    def test_findings_fixed(self):
        archive = self.create_archive()
        inspection = (
            self.env["cs.archive.inspection"]
            .with_user(self.specialist)
            .create(
                {
                    "archive_ids": [(6, 0, archive.ids)],
                    "finding_ids": [
                        (
                            0,
                            0,
                            {
                                "archive_id": archive.id,
                                "kind": "misfiled",
                                "description": "放错柜",
                                "responsible_id": self.specialist.id,
                            },
                        )
                    ],
                }
            )
        )
        finding = inspection.finding_ids
        with self.assertRaises(UserError):  # no fix proposed
            inspection.action_submit()
        finding.proposed_fix = "移回A1柜"
        finding.department_support = "行政部提供新档案柜"
        inspection.with_user(self.specialist).action_submit()
        self.assertEqual(inspection.state, "to_approve")
        with self.assertRaises(UserError):
            finding.with_user(self.specialist).action_done()
        with self.assertRaises(UserError):
            finding.with_user(self.specialist).write({"proposed_fix": "不用改"})
        inspection.with_user(self.manager).validate_tier()
        self.assertEqual(inspection.state, "approved")
        self.assertTrue(finding.activity_ids)
        with self.assertRaises(UserError):
            inspection.with_user(self.specialist).action_done()
        with self.assertRaises(AccessError):
            finding.with_user(self.specialist).write({"state": "done"})
        finding.with_user(self.specialist).action_done()
        self.assertEqual(finding.state, "done")
        inspection.with_user(self.specialist).action_done()
        self.assertEqual(inspection.state, "done")

    def test_nothing_found(self):
        inspection = self.env["cs.archive.inspection"].with_user(self.specialist).create({})
        inspection.action_done()
        self.assertEqual(inspection.state, "done")

    def test_cron_plans(self):
        Inspection = self.env["cs.archive.inspection"]
        Inspection.search([]).sudo().write({"state": "cancel"})
        archive = self.create_archive()
        planned = Inspection._cron_plan_inspection()
        self.assertIn(self.env.company, planned.company_id)
        self.assertIn(archive, planned.archive_ids)
        self.assertFalse(Inspection._cron_plan_inspection())
