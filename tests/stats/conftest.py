"""The stats tests' data set (tests/stats/dataset.py).

Other test folders import the same module (``from ..stats import dataset``),
so there is one data set.
"""

from . import dataset as dataset_module

import pytest


@pytest.fixture
def dataset():
    return dataset_module
