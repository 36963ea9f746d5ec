# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CsSpecialist(models.Model):
    """A customer service specialist (客服专员) and the load they can carry."""

    _name = "cs.specialist"
    _description = "Customer Service Specialist"
    _inherit = ["mail.thread"]
    _order = "name"

    user_id = fields.Many2one(
        "res.users",
        required=True,
        ondelete="cascade",
        domain=[("share", "=", False)],
        tracking=True,
    )
    name = fields.Char(related="user_id.name", store=True)
    # A helpdesk team rather than a sales team: specialists work tickets together in
    # helpdesk_mgmt teams, while crm.team belongs to the salespeople they take over from.
    team_id = fields.Many2one("helpdesk.ticket.team", tracking=True)
    skill_level = fields.Integer(default=3, tracking=True, help="From 1 (junior) to 5 (expert).")
    capacity = fields.Integer(
        default=50, tracking=True, help="Most customers this specialist follows up."
    )
    specialty_ids = fields.Many2many(
        "cs.customer.category",
        string="Specialties",
        help="Customers in these categories go to this specialist first.",
    )
    active = fields.Boolean(default=True, tracking=True)
    customer_count = fields.Integer(string="Customers", compute="_compute_load")
    load_ratio = fields.Float(string="Load (%)", compute="_compute_load")

    _sql_constraints = [
        ("user_uniq", "unique(user_id)", "This user is already a specialist."),
        (
            "skill_level_range",
            "CHECK(skill_level BETWEEN 1 AND 5)",
            "The skill level goes from 1 to 5.",
        ),
        ("capacity_positive", "CHECK(capacity > 0)", "The capacity must be positive."),
    ]

    @api.depends("user_id", "capacity")
    def _compute_load(self):
        loads = self._get_loads()
        for specialist in self:
            specialist.customer_count = loads.get(specialist.user_id.id, 0)
            specialist.load_ratio = (
                100.0 * specialist.customer_count / specialist.capacity
                if specialist.capacity
                else 0.0
            )

    def _get_loads(self):
        """Customers per specialist user, in one grouped query."""
        groups = (
            self.env["res.partner"]
            .sudo()
            .with_context(active_test=True)
            ._read_group(
                [("cs_specialist_id", "in", self.user_id.ids), ("parent_id", "=", False)],
                ["cs_specialist_id"],
                ["__count"],
            )
        )
        return {user.id: count for user, count in groups}

    @api.constrains("capacity", "skill_level")
    def _check_capacity(self):
        loads = self._get_loads()
        for specialist in self:
            if specialist.capacity <= 0:
                raise ValidationError(
                    self.env._("The capacity of %(name)s must be positive.", name=specialist.name)
                )
            if not 1 <= specialist.skill_level <= 5:
                raise ValidationError(
                    self.env._(
                        "The skill level of %(name)s goes from 1 to 5.",
                        name=specialist.name,
                    )
                )
            load = loads.get(specialist.user_id.id, 0)
            if specialist.capacity < load:
                raise ValidationError(
                    self.env._(
                        "%(name)s already follows up %(load)s customers: the capacity "
                        "cannot be lower.",
                        name=specialist.name,
                        load=load,
                    )
                )

    def action_view_customers(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "cs_service_dept.res_partner_action_customer"
        )
        action["domain"] = [
            ("cs_specialist_id", "=", self.user_id.id),
            ("parent_id", "=", False),
        ]
        action["context"] = {"default_cs_specialist_id": self.user_id.id}
        return action
