from . import test_res_partner
from . import test_security
from . import test_tour
