"""The stats tests' data set (tests/stats/dataset.py), loaded by path.

Tests are imported in importlib mode, without tests/ on sys.path; other test
folders load the same file the same way, so there is one data set.
"""

from pathlib import Path

import importlib.util
import pytest
import sys


def load_dataset():
    name = "opgavegrupper_stats_dataset"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).with_name("dataset.py")
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[name] = module
    return sys.modules[name]


@pytest.fixture
def dataset():
    return load_dataset()
