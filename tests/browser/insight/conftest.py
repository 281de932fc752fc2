"""The data set of tests/stats, its people, and HTTP sessions as each of them."""

from pathlib import Path

import importlib.util
import pytest
import sys
import transaction


STATS = Path(__file__).resolve().parents[2] / "stats"


def load(name):
    # Tests run in importlib mode, without tests/ on sys.path: load by path,
    # once, so every folder shares the one data set.
    module_name = f"opgavegrupper_stats_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, STATS / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        sys.modules[module_name] = module
    return sys.modules[module_name]


@pytest.fixture
def dataset():
    return load("dataset")


@pytest.fixture
def folder(functional_portal, dataset):
    load("people").make_people()
    folder = dataset.build(functional_portal, meetings=True)
    transaction.commit()
    return folder


@pytest.fixture
def browser_as(request_factory, folder):
    """A Classic UI session (no ++api++) as a user, or anonymous with None."""

    def session(user_id=None):
        auth = (user_id, load("people").PASSWORD) if user_id else None
        browser = request_factory(api=False, basic_auth=auth)
        browser.headers["Accept"] = "text/html"
        return browser

    return session
