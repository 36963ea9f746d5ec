# Copyright 2026 cs_suite contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import importlib.util
import io
import re
from pathlib import Path

from odoo.tools.pdf import PdfFileReader

from odoo.addons.base.tests.common import BaseCommon, new_test_user

GROUP_SPECIALIST = "cs_service_dept.group_cs_specialist"
GROUP_SUPERVISOR = "cs_service_dept.group_cs_supervisor"
GROUP_MANAGER = "cs_service_dept.group_cs_manager"
GROUP_GENERAL_MANAGER = "cs_service_dept.group_cs_general_manager"
GROUP_ENGINEER = "cs_service_dept.group_cs_engineer"


class CsCommon(BaseCommon):
    """Base class of the suite's tests: one user per department role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # One day for every test, whenever it runs: the department's day (the
        # company's time zone, else its administrator's: the demo's is
        # Europe/Brussels) and the day of dates computed in the user's time zone
        # agree. The company's partner is left alone: a test locks its row from
        # another connection.
        cls.env.ref("base.user_admin").tz = "UTC"
        cls.env = cls.env(context=dict(cls.env.context, tz="UTC"))
        cls.specialist = cls.cs_user("cs_specialist", GROUP_SPECIALIST)
        cls.specialist_2 = cls.cs_user("cs_specialist_2", GROUP_SPECIALIST)
        cls.supervisor = cls.cs_user("cs_supervisor", GROUP_SUPERVISOR)
        cls.manager = cls.cs_user("cs_manager", GROUP_MANAGER)
        cls.general_manager = cls.cs_user("cs_general_manager", GROUP_GENERAL_MANAGER)
        cls.internal_user = new_test_user(cls.env, login="cs_outsider", groups="base.group_user")

    @classmethod
    def cs_user(cls, login, group, **kw):
        return new_test_user(cls.env, login=login, groups=group, **kw)

    @classmethod
    def create_customer(cls, name="Customer", **vals):
        return cls.env["res.partner"].create({"name": name, "is_company": True, **vals})

    def run_migration(self, version, from_version):
        """Run ``migrations/<version>/post-migration.py`` on the test database,
        as the upgrade from ``from_version`` does."""
        path = Path(__file__).parent.parent / "migrations" / version / "post-migration.py"
        name = "cs_post_migration_" + version.replace(".", "_")
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.migrate(self.env.cr, from_version)

    def render_pdf_text(self, report_ref, res_ids):
        """Print a real PDF (wkhtmltopdf, not the HTML tests get by default) and
        return the text extracted from its pages, blanks removed (CJK text comes
        out with spaces between glyphs). The PDF must embed a CJK font, so that
        the Chinese text is drawn, not only present as invisible characters."""
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report_ref, res_ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"))
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        fonts = {
            str(font.get_object().get("/BaseFont"))
            for page in reader.pages
            for font in page["/Resources"].get("/Font", {}).values()
        }
        self.assertTrue(any("CJK" in font for font in fonts), f"no CJK font in {fonts}")
        return re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))


class RightsMatrixMixin:
    """Role × model × operation, against a table written out in the test.

    ``table`` maps each model of ``module`` to ``{role: "crwu"}`` (create, read,
    write, unlink; a missing role has no right). Every model the module defines
    must be in the table, so a new model without rights fails the test.
    """

    ROLES = ("portal", "internal", "specialist", "supervisor", "manager", "general_manager")
    OPERATIONS = {"c": "create", "r": "read", "w": "write", "u": "unlink"}

    def role_users(self):
        portal = new_test_user(self.env, login="cs_matrix_portal", groups="base.group_portal")
        return {
            "portal": portal,
            "internal": self.internal_user,
            "specialist": self.specialist,
            "supervisor": self.supervisor,
            "manager": self.manager,
            "general_manager": self.general_manager,
        }

    def assert_rights_matrix(self, module, table):
        own = {
            name
            for name, model in self.env.registry.items()
            if not model._abstract and model._original_module == module
        }
        self.assertEqual(own, set(table), f"models of {module} and the rights table differ")
        users = self.role_users()
        Access = self.env["ir.model.access"]
        for model, rights in table.items():
            for role in self.ROLES:
                expected = rights.get(role, "")
                for letter, operation in self.OPERATIONS.items():
                    with self.subTest(model=model, role=role, operation=operation):
                        allowed = Access.with_user(users[role]).check(
                            model, operation, raise_exception=False
                        )
                        self.assertEqual(
                            bool(allowed),
                            letter in expected,
                            f"{role} {operation} {model}",
                        )
