"""The stats tests' data set (tests/stats/dataset.py) and the brute-force count.

Other test folders import the same module (``from ..stats import dataset``),
so there is one data set.
"""

from . import brute as brute_module
from . import dataset as dataset_module

import pytest


@pytest.fixture
def dataset():
    return dataset_module


@pytest.fixture
def brute():
    return brute_module


@pytest.fixture
def same():
    """``same(*contexts)``: the kept figures equal a brute-force count."""
    from threeb.opgavegrupper.stats.figures import figures

    def check(*contexts):
        for context in contexts:
            assert figures(context) == brute_module.figures(context), context.getId()

    return check
