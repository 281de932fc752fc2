"""The overview page reads as much of the database at 2,000 groups as at 100.

Counted as in tests/services/test_listing_loads.py, through the publisher,
anonymous and as an administrator.
"""

from .conftest import browser_for
from importlib import util
from pathlib import Path
from plone import api

import pytest


def _listing_data():
    # The fast fixture and the load counter are shared with the REST test.
    path = Path(__file__).parents[2] / "services" / "listing_data.py"
    spec = util.spec_from_file_location("listing_data", path)
    module = util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


listing_data = _listing_data()
SIZES = (100, 2000)


@pytest.mark.slow
@pytest.mark.parametrize("user_id", [None, "staff1"])
def test_overview_page_loads_the_same_at_100_and_2000_groups(
    functional_app, folder, monkeypatch, user_id
):
    db = folder._p_jar.db()
    browser = browser_for(functional_app, user_id)
    loads, built = {}, 0
    for size in SIZES:
        with api.env.adopt_roles(["Manager"]):
            listing_data.add_groups(folder, built, size)
        built = size
        loads[size] = listing_data.count_loads(
            monkeypatch, db, lambda: browser.open(folder.absolute_url())
        )
        assert "opgavegrupper-card" in browser.contents
    small, large = loads[SIZES[0]], loads[SIZES[-1]]
    assert large.content == small.content == 0
    # The page frame around the cards (portlets, actions, settings) reads a
    # few PersistentMappings more or less between runs (198 and 202 seen);
    # a woken group or per-group object would show as hundreds.
    assert abs(large.objects - small.objects) <= 10
    assert large.metadata <= 20
