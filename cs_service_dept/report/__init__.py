from . import cs_customer_card
from . import cs_customer_roster
