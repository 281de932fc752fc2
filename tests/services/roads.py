"""A site with one of each add-on type, and sessions of the people on it.

Shared by the tests of bad bodies, workflow dates and sharing principals:
each imports the fixtures it needs from here (``site_fixture`` provides the
fixture ``site``, ``as_user_fixture`` the fixture ``as_user``).
"""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from datetime import datetime
from plone import api

import pytest
import transaction


PASSWORD = "secret-pw-1"


@pytest.fixture(name="site")
def site_fixture(functional_portal):
    """Paths of a group in draft and a mandate, meeting and recommendation in it."""
    make_people()
    group = make_group(functional_portal, state="draft")
    with api.env.adopt_roles(["Manager"]):
        mandate = api.content.create(
            group,
            "Mandate",
            id="kommissorium",
            title="Kommissorium",
            questions=["Hvor?"],
        )
        meeting = api.content.create(
            group,
            "Meeting",
            id="moede",
            title="Første møde",
            start=datetime(2026, 3, 10, 17, 0),
            end=datetime(2026, 3, 10, 19, 0),
        )
        recommendation = api.content.create(
            group,
            "Recommendation",
            id="anbefaling",
            title="Stativer",
            summary="Ti nye stativer",
        )
    transaction.commit()
    base = "/grupper/" + group.getId()
    return {
        "folder": "/grupper",
        "TaskGroup": base,
        "Mandate": base + "/" + mandate.getId(),
        "Meeting": base + "/" + meeting.getId(),
        "Recommendation": base + "/" + recommendation.getId(),
    }


@pytest.fixture(name="as_user")
def as_user_fixture(request_factory):
    """A REST session authenticated by Basic auth (not the cookie)."""

    def session(user_id):
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session


def fresh(path):
    """The object at ``path`` as the server committed it."""
    transaction.begin()
    return api.portal.get().unrestrictedTraverse(path.lstrip("/"))
