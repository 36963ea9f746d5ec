# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(env):
    """Unreconcile the demo invoices and their payments.

    Reconciled journal entries cannot be deleted, so without this the demo
    entries, and the demo customers they belong to, would outlive the module.
    Only the module's own (demo) entries are touched.
    """
    data = env["ir.model.data"].search(
        [("module", "=", "cs_credit_rating"), ("model", "=", "account.move")]
    )
    moves = env["account.move"].browse(data.mapped("res_id")).exists()
    moves.line_ids.remove_move_reconcile()
