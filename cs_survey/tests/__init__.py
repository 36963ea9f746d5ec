from . import test_invitation
from . import test_low_score
from . import test_survey_controller
