from . import cs_credit_override_wizard
