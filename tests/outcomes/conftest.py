"""A concluded group with members and a follower, and Plone's editorial roles.

The communications person ("skribent") has Contributor and Editor on the
task-group folder, the reviewer ("redaktoer") Reviewer there: given on the
folder's sharing page, as a site administrator would.
"""

from ..helpers import notification_helpers
from datetime import date
from plone import api

import pytest
import transaction


PASSWORD = "secret-pw-1"
WRITER = "skribent"
REVIEWER = "redaktoer"
EDITORIAL = {WRITER: ["Contributor", "Editor"], REVIEWER: ["Reviewer"]}
MEMBERS_AND_FOLLOWER = [
    "chair1@example.org",
    "follower1@example.org",
    "member1@example.org",
    "member2@example.org",
]
# As a REST client sends it (``next_date`` as ISO text); STORED as Python has it.
STORY = {
    "title": "Faste vasketider i alle opgange",
    "summary": "Fra august har hver opgang sine egne faste vasketider.",
    "proposed": "Gruppen foreslog faste tider pr. opgang.",
    "decided": "Bestyrelsen sagde ja og afsatte penge til nye låse.",
    "next_steps": "Driften sætter nye låse op.",
    "next_date": "2026-08-01",
}
STORED = {**STORY, "next_date": date(2026, 8, 1)}


helpers = notification_helpers()
Outbox = helpers.Outbox


def make_editorial(folder):
    for user_id, roles in EDITORIAL.items():
        api.user.create(
            username=user_id,
            email=f"{user_id}@example.org",
            password=PASSWORD,
            properties={"fullname": user_id.capitalize()},
        )
        api.user.grant_roles(username=user_id, obj=folder, roles=roles)


def concluded_group(portal):
    """The notifications' group (members, a follower), worked and concluded."""
    helpers.make_people()
    group = helpers.make_group(portal)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(group, transition="start_work")
        api.content.transition(group, transition="conclude")
    make_editorial(group.__parent__)
    return group


@pytest.fixture
def mailhost(portal):
    with helpers.sink_mailhost(portal) as kept:
        yield kept


@pytest.fixture
def outbox(mailhost):
    return Outbox(mailhost)


@pytest.fixture
def group(portal, mailhost):
    group = concluded_group(portal)
    helpers.deliver_pending()
    mailhost.reset()
    return group


@pytest.fixture
def rest_group(functional_portal):
    """The same group on the functional site, committed for the web server."""
    with helpers.sink_mailhost(functional_portal) as kept:
        group = concluded_group(functional_portal)
        transaction.commit()
        kept.reset()
        yield group, Outbox(kept)
        transaction.abort()


@pytest.fixture
def as_user(request_factory):
    def session(user_id):
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session
