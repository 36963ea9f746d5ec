from . import res_partner
from . import cs_customer_category
from . import cs_specialist
from . import cs_followup
from . import cs_confidentiality_request
from . import tier_definition
from . import res_config_settings
from . import sale_order
