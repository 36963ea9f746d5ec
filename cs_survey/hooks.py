# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def post_init_hook(env):
    """The repairs accepted before this module was installed: their planned
    "revisit" follow-ups become their revisits (one revisit per repair)."""
    env["repair.order"]._cs_convert_revisit_followups()
