# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """Bind the "File into Archive" action to the filing models present now (a module
    installed later gets it at the next registry load)."""
    env["cs.archive"]._cs_bind_archive_actions()
