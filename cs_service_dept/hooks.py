# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def uninstall_hook(env):
    """Remove the reward/penalty notices before Odoo removes the module's data.

    The notices the demo scorecards propose are created by a function call,
    so they have no xmlid, and they point at the demo specialists with
    ``ondelete="restrict"``: Odoo would fail to delete those users (and their
    contacts) and leave them behind. The table is the module's own and is
    dropped right after.
    """
    env.cr.execute("DELETE FROM cs_reward_penalty")
