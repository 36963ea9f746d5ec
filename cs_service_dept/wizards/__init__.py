from . import cs_assign_wizard
from . import cs_handover_wizard
from . import cs_return_wizard
from . import cs_log_call_wizard
from . import cs_scorecard_compute_wizard
from . import helpdesk_ticket_merge
