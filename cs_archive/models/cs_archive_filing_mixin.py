# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.exceptions import AccessError, UserError

XMLID_PREFIX = "ir_actions_server_file_"


class CsArchiveFilingMixin(models.AbstractModel):
    """The archiving step (归档) of the other flows.

    A closed record of another flow (a complaint, a repair's acceptance, a
    credit file, a relationship plan…) is filed into its customer's archive of
    the matching type, with its printed forms as PDFs: the archive is created,
    or updated (new version in the chatter). The archive refers to its source
    generically (``res_model``/``res_id``), so cs_archive depends on no other
    flow's module. The "File into Archive" action is bound to every filing model present
    in the database (``_cs_bind_archive_actions``: at install, at each registry
    load, and callable by a module installed later)."""

    _name = "cs.archive.filing.mixin"
    _description = "Archiving Step"

    @api.model
    def _cs_filing_types(self):
        """Source model → archive type. Override to add a model, or set
        ``_cs_archive_type`` on the source model's class."""
        return {
            "helpdesk.ticket": "complaint",
            "repair.order": "service_record",
            "cs.credit.file": "credit_file",
            "cs.credit.evaluation": "credit_file",
            "cs.relationship.plan": "relationship_plan",
            "cs.information.summary": "info_summary",
        }

    @api.model
    def _cs_filing_models(self):
        """The filing models present in this database, with their type."""
        types = dict(self._cs_filing_types())
        for name in self.env.registry:
            archive_type = getattr(self.env.registry[name], "_cs_archive_type", None)
            if archive_type:
                types[name] = archive_type
        return {
            name: archive_type
            for name, archive_type in types.items()
            if name in self.env and not self.env[name]._abstract and not self.env[name]._transient
        }

    @api.model
    def _cs_bind_archive_actions(self):
        """Bind the "File into Archive" server action to each filing model that has none
        yet (idempotent: running it again creates nothing)."""
        IrModel = self.env["ir.model"].sudo()
        Data = self.env["ir.model.data"].sudo()
        created = self.env["ir.actions.server"]
        for name in sorted(self._cs_filing_models()):
            xml_name = XMLID_PREFIX + name.replace(".", "_")
            if Data.search_count([("module", "=", "cs_archive"), ("name", "=", xml_name)]):
                continue
            model = IrModel._get(name)
            action = (
                self.env["ir.actions.server"]
                .sudo()
                .create(
                    {
                        "name": "File into Archive",
                        "model_id": model.id,
                        "binding_model_id": model.id,
                        "binding_type": "action",
                        "binding_view_types": "form,list",
                        "state": "code",
                        "groups_id": [(4, self.env.ref("cs_service_dept.group_cs_specialist").id)],
                        "code": 'action = env["cs.archive"].action_file_records('
                        "model._name, records.ids)",
                    }
                )
            )
            self._cs_translate_action_name(action)
            Data.create(
                {
                    "module": "cs_archive",
                    "name": xml_name,
                    "model": "ir.actions.server",
                    "res_id": action.id,
                    "noupdate": True,
                }
            )
            created |= action
        return created

    @api.model
    def _cs_translate_action_name(self, action):
        langs = [code for code, __ in self.env["res.lang"].get_installed()]
        for lang in langs:
            name = self.with_context(lang=lang).env._("File into Archive")
            if name != "File into Archive":
                action.with_context(lang=lang).name = name

    def _register_hook(self):
        # A module installed later (with a filing model) reloads the registry:
        # bind the action to its models then.
        res = super()._register_hook()
        if self._name == "cs.archive" and self.env.registry.ready is False:
            module = (
                self.env["ir.module.module"]
                .sudo()
                .search([("name", "=", "cs_archive"), ("state", "=", "installed")])
            )
            if module:
                self._cs_bind_archive_actions()
        return res

    # ---------------------------------------------------------- filing

    @api.model
    def action_file_records(self, res_model, res_ids):
        """File the records (of a filing model) into their customers' archives."""
        if not self.env.su and not self.env.user.has_group("cs_service_dept.group_cs_specialist"):
            raise AccessError(
                self.env._("Only the customer service department files records into archives.")
            )
        types = self._cs_filing_models()
        if res_model not in types:
            raise UserError(
                self.env._("%(model)s records are not filed into archives.", model=res_model)
            )
        records = self.env[res_model].browse(res_ids).exists()
        records.check_access("read")
        not_closed = records.filtered(lambda r: not self._cs_filing_closed(r))
        if not_closed:
            raise UserError(
                self.env._(
                    "%(records)s: only a closed or completed record is filed into the "
                    "customer's archive.",
                    records=", ".join(not_closed.mapped("display_name")),
                )
            )
        partners = {record: self._cs_filing_partner(record) for record in records}
        without = [record for record, partner in partners.items() if not partner]
        if without:
            raise UserError(
                self.env._(
                    "%(records)s: no customer, nothing to file it under.",
                    records=", ".join(r.display_name for r in without),
                )
            )
        archives = self.env["cs.archive"]
        for record in records:
            archives |= self._cs_file_record(record, partners[record], types[res_model])
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Archives"),
            "res_model": "cs.archive",
            "view_mode": "list,form",
            "domain": [("id", "in", archives.ids)],
        }

    @api.model
    def _cs_filing_closed(self, record):
        """Whether ``record`` is closed, so that it may be filed. Override."""
        if record._name == "helpdesk.ticket":
            return record.stage_id.closed or record.cs_complaint_state == "closed"
        if "state" in record._fields:
            return record.state in ("done", "approved", "closed", "validated", "confirmed")
        return True

    @api.model
    def _cs_filing_partner(self, record):
        """The customer ``record`` is filed under. A record of the department
        itself (a periodic summary has no customer) is filed under its
        company's partner. A model whose records choose for themselves (a
        service plan for a whole customer category) says so with a method
        ``_cs_archive_partner``."""
        if hasattr(record, "_cs_archive_partner"):
            return record._cs_archive_partner()
        if "partner_id" in record._fields:
            return record.partner_id.commercial_partner_id
        if "company_id" in record._fields and record.company_id:
            return record.company_id.partner_id
        return self.env["res.partner"]

    @api.model
    def _cs_filing_reports(self, record):
        """The printed forms filed with ``record``: its model's PDF reports."""
        return (
            self.env["ir.actions.report"]
            .sudo()
            .search([("model", "=", record._name), ("report_type", "=", "qweb-pdf")])
        )

    @api.model
    def _cs_file_record(self, record, partner, archive_type):
        """Create or update ``partner``'s archive of ``archive_type`` with
        ``record``'s PDFs; returns the archive. Runs after the caller's checks:
        a filer may deposit into an archive above their own clearance."""
        files = []
        for report in self._cs_filing_reports(record):
            content, __ = (
                self.env["ir.actions.report"]
                .with_context(lang=partner.lang or self.env.lang)
                ._render_qweb_pdf(report, record.ids)
            )
            files.append((f"{report.name} - {record.display_name}.pdf", content))
        Archive = self.env["cs.archive"].sudo()
        company = record.company_id if "company_id" in record._fields else self.env.company
        company = company or partner.company_id or self.env.company
        archive = Archive.search(
            [
                ("partner_id", "=", partner.id),
                ("archive_type", "=", archive_type),
                ("medium", "=", "electronic"),
                ("state", "in", ("available", "on_loan")),
                ("company_id", "=", company.id),
            ],
            order="id desc",
            limit=1,
        )
        type_label = dict(Archive._fields["archive_type"]._description_selection(self.env))[
            archive_type
        ]
        if archive:
            archive.write(
                {
                    "version": archive.version + 1,
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        else:
            archive = Archive.create(
                {
                    "title": f"{partner.name} - {type_label}",
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "archive_type": archive_type,
                    "medium": "electronic",
                    "res_model": record._name,
                    "res_id": record.id,
                }
            )
        archive.message_post(
            body=self.env._(
                "Version %(version)s: %(record)s filed by %(user)s.",
                version=archive.version,
                record=record.display_name,
                user=self.env.user.name,
            ),
            attachments=files,
            subtype_xmlid="mail.mt_note",
        )
        return archive.sudo(False)
