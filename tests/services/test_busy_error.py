"""A conflict that outlives Zope's retries: "busy, try again", no internals.

The conflict is forced: the code a request runs raises ConflictError every
time, as ZODB would if every retry lost, with the oid, serials and class in
its text as ZODB writes them.
"""

from BTrees.OOBTree import OOBTree
from datetime import date
from plone import api
from threeb.opgavegrupper.browser.pages.taskgroup import TaskGroupView
from threeb.opgavegrupper.participation import following
from ZODB.POSException import ConflictError

import pytest
import requests
import transaction


PASSWORD = "secret-pw-1"
# What must not reach anyone: ZODB's words for what conflicted.
INTERNALS = (
    "0x2a",
    "oid",
    "serial",
    "OOBTree",
    "BTrees",
    "ConflictError",
    "POSException",
    "Traceback",
    "0x03",
)


def always_conflicts(*args, **kwargs):
    raise ConflictError(
        oid=b"\0" * 7 + b"*", serials=(b"\3" * 8, b"\4" * 8), object=OOBTree()
    )


def assert_no_internals(text):
    assert [word for word in INTERNALS if word in text] == []


@pytest.fixture
def group(functional_portal):
    api.user.create(
        email="resident1@example.org", username="resident1", password=PASSWORD
    )
    api.group.add_user(groupname="beboere", username="resident1")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeriet",
            title="Vaskeriet",
            summary="Nye regler i vaskeriet",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )
        api.content.transition(group, transition="open_signup")
    transaction.commit()
    return group


def test_the_forced_error_shows_internals_itself():
    # So that the tests below check something: the raw text has them all.
    with pytest.raises(ConflictError) as info:
        always_conflicts()
    assert "oid 0x2a" in str(info.value)
    assert "OOBTree" in str(info.value)


@pytest.mark.parametrize("basic_auth", [("resident1", PASSWORD), None])
def test_rest_answers_busy(group, request_factory, monkeypatch, basic_auth):
    monkeypatch.setattr(following, "follow", always_conflicts)
    if basic_auth is None:
        session = request_factory(role="Manager")  # Managers see tracebacks
    else:
        session = request_factory(basic_auth=basic_auth)

    response = session.post("/grupper/vaskeriet/@follow")

    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    error = response.json()["error"]
    assert error["type"] == "ServiceUnavailable"
    assert "try again" in error["message"]
    assert "traceback" not in response.json()
    assert_no_internals(response.text)
    transaction.begin()
    assert following.followers(group) == ()


def test_rest_answers_busy_in_danish(group, request_factory, monkeypatch):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    monkeypatch.setattr(following, "follow", always_conflicts)
    session = request_factory(basic_auth=("resident1", PASSWORD))
    response = session.post("/grupper/vaskeriet/@follow")
    assert response.status_code == 503
    assert "prøv igen" in response.json()["error"]["message"].lower()


@pytest.mark.parametrize("auth", [("resident1", PASSWORD), None])
def test_classic_ui_page_says_busy(group, functional_portal, monkeypatch, auth):
    monkeypatch.setattr(TaskGroupView, "__call__", always_conflicts)
    if auth is None:
        from plone.app.testing import SITE_OWNER_NAME
        from plone.app.testing import SITE_OWNER_PASSWORD

        auth = (SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    response = requests.get(
        group.absolute_url(),
        auth=auth,
        headers={"Accept": "text/html"},
        timeout=60,
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "5"
    assert "The site was busy" in response.text
    assert "try again" in response.text
    assert_no_internals(response.text)
