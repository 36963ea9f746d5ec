from . import test_cs_archive
