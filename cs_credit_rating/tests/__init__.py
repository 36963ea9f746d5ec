from . import test_credit_figures
from . import test_credit_policy
from . import test_credit_evaluation
from . import test_credit_limit_request
from . import test_credit_anomaly
from . import test_sale_order
from . import test_security
from . import test_tour
