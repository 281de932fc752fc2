"""The public-transparency switch: Anonymous sees public groups only when on."""

from contextlib import contextmanager
from plone import api
from plone.app.testing import logout
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from threeb.opgavegrupper.lifecycle.transparency import RECORD

import pytest
import transaction


@contextmanager
def acting_as(username):
    if username is None:
        logout()
        yield
    else:
        with api.env.adopt_user(username=username):
            yield


def sees(obj, username):
    """Whether the user may view ``obj`` and finds it in the catalog."""
    with acting_as(username):
        may_view = api.user.has_permission("View", obj=obj)
        found = [brain.UID for brain in api.content.find(UID=api.content.get_uuid(obj))]
    assert may_view == bool(found), "permission and catalog disagree"
    return may_view


@pytest.fixture
def recruiting(group, people, in_state):
    in_state(group, "recruiting")
    return group


def test_anonymous_sees_a_recruiting_group_by_default(recruiting):
    assert api.portal.get_registry_record(RECORD) is True
    assert sees(recruiting, None)


def test_anonymous_does_not_when_switched_off(recruiting):
    api.portal.set_registry_record(RECORD, False)
    assert not sees(recruiting, None)


@pytest.mark.parametrize("public", [True, False])
def test_resident_sees_a_recruiting_group_either_way(recruiting, public):
    api.portal.set_registry_record(RECORD, public)
    assert sees(recruiting, "jens")


def test_switching_back_on_shows_it_again(recruiting):
    api.portal.set_registry_record(RECORD, False)
    api.portal.set_registry_record(RECORD, True)
    assert sees(recruiting, None)


def test_public_content_inside_follows_the_switch(recruiting, mandate, in_state):
    in_state(mandate, "approved")
    assert sees(mandate, None)
    api.portal.set_registry_record(RECORD, False)
    assert not sees(mandate, None)
    assert sees(mandate, "jens")


def test_folder_added_while_off_is_closed_to_anonymous(portal, people):
    api.portal.set_registry_record(RECORD, False)
    later = api.content.create(portal, "TaskGroupFolder", id="flere", title="Flere")
    assert not sees(later, None)
    assert sees(later, "jens")


@pytest.mark.parametrize("public", [True, False])
def test_draft_group_stays_internal_either_way(group, people, public):
    api.portal.set_registry_record(RECORD, public)
    assert not sees(group, None)
    assert not sees(group, "jens")
    assert sees(group, "mads")


# Over HTTP, with the switch flipped where a site administrator flips it.


@pytest.fixture
def published_group(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(
        functional_portal, "TaskGroupFolder", id="opgavegrupper", title="Opgavegrupper"
    )
    group = api.content.create(folder, "TaskGroup", id="udlejning", title="Udlejning")
    api.content.transition(obj=group, transition="open_signup")
    api.user.create(username="jens", email="jens@example.org", password="secret-pw-1")
    api.group.add_user(groupname="beboere", username="jens")
    transaction.commit()
    return group


def test_rest_get_follows_the_switch(
    published_group, anon_request, manager_request, request_factory
):
    path = "/opgavegrupper/udlejning"
    resident = request_factory(basic_auth=("jens", "secret-pw-1"))
    assert anon_request.get(path).status_code == 200

    response = manager_request.patch(
        "/@controlpanels/opgavegrupper-settings", json={"public_transparency": False}
    )
    assert response.status_code == 204, response.text
    assert anon_request.get(path).status_code == 401
    assert resident.get(path).status_code == 200
    search = anon_request.get("/@search", params={"portal_type": "TaskGroup"})
    assert search.json()["items_total"] == 0
    assert (
        resident.get("/@search", params={"portal_type": "TaskGroup"}).json()[
            "items_total"
        ]
        == 1
    )
