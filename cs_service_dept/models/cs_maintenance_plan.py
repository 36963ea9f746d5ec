# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Maintenance plans (保养计划): a product with a maintenance interval gets its
next maintenance proposed to the customer, from the last delivery of the
product (of the lot, with a serial number) or the last maintenance done: a draft
maintenance repair and a follow-up of the customer's specialist, once per due
maintenance."""

from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, models
from odoo.tools import SQL, format_date

OPEN_STATES = ("draft", "confirmed", "under_repair")


class CsMaintenancePlan(models.AbstractModel):
    _name = "cs.maintenance.plan"
    _description = "Maintenance Plans"

    @api.model
    def _cs_due_maintenances(self, today):
        """The maintenances due by ``today`` plus the lead days and not proposed
        yet, as ``{(customer, product, lot): due date}``; a few queries whatever
        the number of customers."""
        lead = self.env["res.partner"]._cs_get_param("maintenance_lead_days", 14)
        products = (
            self.env["product.product"].sudo().search([("cs_maintenance_interval_months", ">", 0)])
        )
        if not products:
            return {}
        last = defaultdict(lambda: None)  # (customer, product, lot) -> last service day
        local_date = self.env["cs.followup"]._cs_local_date
        delivered = (
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                [
                    ("product_id", "in", products.ids),
                    ("state", "=", "done"),
                    ("location_dest_id.usage", "=", "customer"),
                    ("picking_id.partner_id", "!=", False),
                ],
                ["picking_id", "product_id", "lot_id"],
                ["date:max"],
            )
        )
        for picking, product, lot, date in delivered:
            key = (picking.partner_id.commercial_partner_id, product, lot)
            last[key] = max(filter(None, (last[key], local_date(date))))
        Repair = self.env["repair.order"].sudo()
        proposed = set()
        for partner, product, lot, state, done, due in Repair._read_group(
            [("cs_repair_kind", "=", "maintenance"), ("product_id", "in", products.ids)],
            ["partner_id", "product_id", "lot_id", "state"],
            ["cs_done_date:max", "cs_maintenance_due_date:max"],
        ):
            key = (partner.commercial_partner_id, product, lot)
            if state in OPEN_STATES:
                proposed.add(key)  # one open maintenance at a time
            elif state == "done" and done:
                last[key] = max(filter(None, (last[key], local_date(done))))
            if due:
                # proposed for this due date already (declined if cancelled)
                proposed.add((*key, due))
        horizon = today + relativedelta(days=lead)
        due_by_key = {}
        for key, day in last.items():
            customer, product, _lot = key
            if not customer or key in proposed:
                continue
            due = day + relativedelta(months=product.cs_maintenance_interval_months)
            if due <= horizon and (*key, due) not in proposed:
                due_by_key[key] = due
        return due_by_key

    @api.model
    def _cs_repair_names(self, picking_type, count):
        """``count`` references of the operation type's sequence in one query
        (Odoo draws them one by one)."""
        sequence = picking_type.sequence_id.sudo()
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence.next_by_id() for _index in range(count)]
        rows = self.env.execute_query(
            SQL(
                "SELECT nextval(%s) FROM generate_series(1, %s)",
                f"ir_sequence_{sequence.id:03d}",
                count,
            )
        )
        return [sequence.get_next_char(row[0]) for row in rows]

    @api.model
    def _cs_propose(self, due_by_key):
        """Draft maintenance repairs and follow-ups for these due maintenances (one
        ``create`` of each for the batch)."""
        Repair = self.env["repair.order"].sudo()
        types = {
            picking_type.company_id: picking_type
            for picking_type in self.env["stock.picking.type"]
            .sudo()
            .search(
                [("code", "=", "repair_operation"), ("cs_repair_kind", "=", "maintenance")],
                order="sequence desc, id desc",
            )
        }
        fault = self.env.ref("cs_service_dept.cs_repair_fault_type_maintenance", False)
        by_type = defaultdict(list)
        for key, due in due_by_key.items():
            customer = key[0]
            picking_type = types.get(customer.company_id) or types.get(self.env.company)
            if picking_type:
                by_type[picking_type].append((key, due))
        repairs = Repair
        for picking_type, items in by_type.items():
            names = self._cs_repair_names(picking_type, len(items))
            groups = self.env["procurement.group"].sudo().create([{"name": n} for n in names])
            vals_list = []
            for ((customer, product, lot), due), name, group in zip(
                items, names, groups, strict=True
            ):
                env = self.with_context(lang=customer.lang or self.env.lang).env
                vals_list.append(
                    {
                        "name": name,
                        "procurement_group_id": group.id,
                        "picking_type_id": picking_type.id,
                        "company_id": picking_type.company_id.id,
                        "partner_id": customer.id,
                        "product_id": product.id,
                        "lot_id": lot.id,
                        "user_id": customer.cs_specialist_id.id,
                        "cs_fault_type_id": fault.id if fault else False,
                        "cs_fault_description": env._(
                            "Maintenance due on %(date)s (every %(months)s months).",
                            date=format_date(env, due),
                            months=product.cs_maintenance_interval_months,
                        ),
                        "cs_maintenance_due_date": due,
                    }
                )
            # repair's create asks the default operation type of each order even
            # when it is given (a warehouse search per order), unless in the context
            repairs |= Repair.with_context(
                default_picking_type_id=picking_type.id, mail_create_nosubscribe=True
            ).create(vals_list)
        today = self.env["cs.followup"]._cs_today()
        lead = relativedelta(
            days=self.env["res.partner"]._cs_get_param("maintenance_lead_days", 14)
        )
        self.env["cs.followup"].sudo().create(
            [
                {
                    "partner_id": repair.partner_id.id,
                    "rule": "maintenance",
                    "method": "phone",
                    "planned_date": max(today, repair.cs_maintenance_due_date - lead),
                    "specialist_id": repair.partner_id.cs_specialist_id.id,
                    "repair_id": repair.id,
                    "company_id": repair.company_id.id,
                }
                for repair in repairs
            ]
        )
        return repairs

    @api.model
    def _cron_cs_plan_maintenance(self, batch_size=None):
        """Propose the due maintenances, one batch per call; what is proposed is
        not proposed again (a restart resumes)."""
        batch_size = batch_size or self.env["res.partner"]._cs_get_param("cron_batch_size", 2000)
        today = self.env["cs.followup"]._cs_today()
        due_by_key = self._cs_due_maintenances(today)
        batch = dict(list(due_by_key.items())[:batch_size])
        if batch:
            self._cs_propose(batch)
        remaining = len(due_by_key) - len(batch)
        self.env["ir.cron"]._notify_progress(done=len(batch), remaining=remaining)
        return remaining
