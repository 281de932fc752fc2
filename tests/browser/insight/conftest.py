"""The data set of tests/stats, its people, and HTTP sessions as each of them."""

from ...stats import dataset as stats_dataset
from ...stats import people

import pytest
import transaction


@pytest.fixture
def dataset():
    return stats_dataset


@pytest.fixture
def folder(functional_portal, dataset):
    people.make_people()
    folder = dataset.build(functional_portal, meetings=True)
    transaction.commit()
    return folder


@pytest.fixture
def browser_as(request_factory, folder):
    """A Classic UI session (no ++api++) as a user, or anonymous with None."""

    def session(user_id=None):
        auth = (user_id, people.PASSWORD) if user_id else None
        browser = request_factory(api=False, basic_auth=auth)
        browser.headers["Accept"] = "text/html"
        return browser

    return session
