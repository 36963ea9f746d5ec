# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(env):
    """Unreconcile the demo invoices and their payments, and reset the demo
    payments to draft.

    Reconciled journal entries cannot be deleted, nor can a posted payment, so
    without this the demo entries, and the demo customers they belong to, would
    outlive the module. Only the module's own (demo) records are touched.
    """
    data = env["ir.model.data"].search(
        [("module", "=", "cs_credit_rating"), ("model", "in", ("account.move", "account.payment"))]
    )

    def records(model):
        res_ids = data.filtered(lambda d: d.model == model).mapped("res_id")
        return env[model].browse(res_ids).exists()

    payments = records("account.payment")
    (records("account.move").line_ids | payments.move_id.line_ids).remove_move_reconcile()
    payments.filtered(lambda p: p.state != "draft").action_draft()
