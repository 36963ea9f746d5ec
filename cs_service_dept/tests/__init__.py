from . import test_res_partner
from . import test_security
from . import test_tour
from . import test_assignment
from . import test_dormancy
from . import test_confidentiality
from . import test_settings
from . import test_tour_followup
