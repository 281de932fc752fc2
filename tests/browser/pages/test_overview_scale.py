"""The overview with 500 groups renders from the catalog: no group is woken."""

from .conftest import browser_for
from .conftest import make_group
from threeb.opgavegrupper.content.taskgroup import TaskGroup

import pytest
import transaction


@pytest.fixture
def many_groups(folder):
    for number in range(500):
        # A mix of states, so that facets and the open-first order have work.
        state = ("recruiting", "active", "draft")[number % 3]
        make_group(folder, f"Gruppe {number:03d}", state=state)
    transaction.commit()
    return folder


@pytest.fixture
def wakes(monkeypatch):
    """Count TaskGroup objects loaded from the database (ghost → object).

    ZODB loads a ghost's state by calling its class's __setstate__, so
    counting calls there counts real loads, whichever code asks for them.
    """
    woken = []
    original = TaskGroup.__setstate__

    def counting(self, state):
        # Only the state is safe to read here: the object is half loaded.
        woken.append(state.get("id") if isinstance(state, dict) else state)
        return original(self, state)

    monkeypatch.setattr(TaskGroup, "__setstate__", counting)
    return woken


def ghost_everything(app):
    # Every connection's cache drops its unmodified objects to ghosts, so a
    # group that a page touches must be loaded again, and is counted.
    transaction.commit()
    app._p_jar.db().cacheMinimize()


@pytest.mark.slow
def test_overview_of_500_groups_wakes_no_group(functional_app, many_groups, wakes):
    browser = browser_for(functional_app, "staff1")
    ghost_everything(functional_app)
    browser.open(many_groups.absolute_url())
    assert "500 task groups found" in browser.contents
    assert browser.contents.count('class="card h-100 opgavegrupper-card"') == 20
    browser.getLink("Next").click()
    assert browser.contents.count('class="card h-100 opgavegrupper-card"') == 20
    assert wakes == []

    # The count is real: the page of one group does load that group.
    ghost_everything(functional_app)
    browser.open(many_groups.absolute_url() + "/gruppe-007")
    assert len(wakes) >= 1
