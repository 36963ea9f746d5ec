# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models
from odoo.exceptions import UserError


class CsDocumentMixin(models.AbstractModel):
    """What the department's documents with a ``state`` share: the check that
    an action is allowed in the state they are in (scorecards, training
    sessions, reward/penalty notices, service plans...)."""

    _name = "cs.document.mixin"
    _description = "Customer Service Document"

    def _cs_check_state(self, states):
        """Refuse the action unless every record of ``self`` is in one of
        ``states``, naming those that are not."""
        state_field = getattr(self, "_state_field", "state")
        wrong = self.filtered(lambda record: record[state_field] not in states)
        if wrong:
            raise UserError(
                self.env._(
                    "%(document)s %(names)s: not in a state allowing this action.",
                    document=self.env["ir.model"]._get(self._name).name,
                    names=", ".join(wrong.mapped("display_name")),
                )
            )
