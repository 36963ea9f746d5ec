from . import cs_survey_figures
