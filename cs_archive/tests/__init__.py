from . import test_cs_archive
from . import test_cs_archive_concurrency
from . import test_cs_archive_loan
from . import test_cs_archive_overdue
from . import test_cs_archive_security
