from . import test_figures
from . import test_invitation
from . import test_low_score
from . import test_plan
from . import test_revisit
from . import test_security
from . import test_survey_controller
from . import test_tour
