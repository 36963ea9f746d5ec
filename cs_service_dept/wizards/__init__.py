from . import cs_assign_wizard
