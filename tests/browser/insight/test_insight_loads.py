"""The board desk and the årshjul read as much at 2,000 groups as at 100.

Counted as in tests/services/test_listing_loads.py: objects loaded from the
database through the publisher after every cache was emptied, not time. The
groups added between the counts all run in the year the årshjul shows, and
none waits for the board, so neither page has more to show at 2,000.
"""

from importlib import util
from pathlib import Path
from plone import api
from plone.testing.zope import Browser

import pytest
import re


SIZES = (100, 2000)


def _listing_data():
    # The fast groups and the load counter of the REST listing's test.
    path = Path(__file__).parents[2] / "services" / "listing_data.py"
    spec = util.spec_from_file_location("listing_data", path)
    module = util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


listing_data = _listing_data()


def _browser(app, user_id=None):
    from ...stats.people import PASSWORD

    browser = Browser(app)
    browser.handleErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    return browser


def _desk_loads(folder, monkeypatch):
    """Index pages the desk's own sections read, without the page frame."""
    request = folder.REQUEST
    with api.env.adopt_user(username="board1"):
        view = api.content.get_view("board-desk", folder, request)
        found = listing_data.count_loads(
            monkeypatch, folder._p_jar.db(), view.desk_sections
        )
    return found.index + found.metadata + found.objects


@pytest.mark.slow
def test_desk_and_aarshjul_load_the_same_at_100_and_2000_groups(
    functional_app, folder, monkeypatch
):
    db = folder._p_jar.db()
    pages = {
        "desk": (_browser(functional_app, "board1"), "@@board-desk"),
        "aarshjul": (_browser(functional_app), "@@aarshjul?year=2026"),
    }
    loads, desk, built = {}, {}, 0
    for size in SIZES:
        with api.env.adopt_roles(["Manager"]):
            listing_data.add_groups(folder, built, size)
        built = size
        for name, (browser, view) in pages.items():
            url = f"{folder.absolute_url()}/{view}"
            loads[name, size] = listing_data.count_loads(
                monkeypatch, db, lambda browser=browser, url=url: browser.open(url)
            )
            assert browser.headers["status"].startswith("200")
        desk[size] = _desk_loads(folder, monkeypatch)
    # The desk still shows what waited before the groups came.
    assert "Anbefaling r4" in pages["desk"][0].contents
    # The årshjul shows a page of the year's groups: at 2,000 all of them
    # run in 2026 and anonymous finds four states of five.
    shown = re.search(r"Groups 1 to 20 of (\d+)", pages["aarshjul"][0].contents)
    assert shown and int(shown[1]) >= 1600
    for name in pages:
        small, large = loads[name, SIZES[0]], loads[name, SIZES[-1]]
        # The desk wakes the group of the recommendation it shows.
        assert large.content == small.content <= 1, (name, small, large)
        # The page frame reads a few settings more or less between runs; a
        # woken group, or an index or metadata read per group, would show
        # as hundreds.
        assert abs(large.objects - small.objects) <= 10, (name, small, large)
        assert large.metadata <= small.metadata + 5, (name, small, large)
    # The desk starts from what waits: its own index reads do not grow
    # either (the page frame's portlets search the whole site).
    assert desk[SIZES[-1]] <= desk[SIZES[0]] + 5, desk
