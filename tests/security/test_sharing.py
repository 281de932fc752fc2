"""The group's local roles on the sharing page: who may hand out which."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from zope.component import getMultiAdapter

import pytest
import transaction


PASSWORD = "secret-pw-1"


def offered_roles(group, http_request, username):
    with api.env.adopt_user(username=username):
        view = getMultiAdapter((group, http_request), name="sharing")
        return {role["id"] for role in view.roles()}


@pytest.fixture
def staff(group, user_with_role):
    return user_with_role("Staff", group, username="mette")


@pytest.fixture
def chair(group, user_with_role):
    return user_with_role("TaskGroupChair", group, username="tove")


def test_staff_are_offered_both_group_roles(group, staff, http_request):
    roles = offered_roles(group, http_request, staff)
    assert {"TaskGroupChair", "TaskGroupMember"} <= roles


def test_chair_is_offered_member_not_chair(group, chair, http_request):
    roles = offered_roles(group, http_request, chair)
    assert "TaskGroupMember" in roles
    assert "TaskGroupChair" not in roles


@pytest.mark.parametrize("role", ["Resident", "BoardMember", "TaskGroupMember"])
def test_others_cannot_use_the_sharing_page(group, user_with_role, in_state, role):
    in_state(group, "recruiting")
    username = user_with_role(role, group)
    assert not api.user.has_permission(
        "Sharing page: Delegate roles", username=username, obj=group
    )


# Over HTTP through plone.restapi's @sharing.


@pytest.fixture
def rest_group(functional_portal, user_with_role):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(
        functional_portal, "TaskGroupFolder", id="opgavegrupper", title="Opgavegrupper"
    )
    group = api.content.create(folder, "TaskGroup", id="udlejning", title="Udlejning")
    api.content.transition(obj=group, transition="open_signup")
    user_with_role("Staff", group, username="mette")
    user_with_role("TaskGroupChair", group, username="tove")
    user_with_role("Resident", group, username="jens")
    user_with_role("Resident", group, username="aisha")
    transaction.commit()
    return group


def available_roles(session):
    response = session.get("/opgavegrupper/udlejning/@sharing")
    assert response.status_code == 200, response.text
    return {role["id"] for role in response.json()["available_roles"]}


def test_rest_sharing_offers_staff_both_roles(rest_group, request_factory):
    staff = request_factory(basic_auth=("mette", PASSWORD))
    assert {"TaskGroupChair", "TaskGroupMember"} <= available_roles(staff)


def test_rest_sharing_offers_the_chair_only_member(rest_group, request_factory):
    roles = available_roles(request_factory(basic_auth=("tove", PASSWORD)))
    assert "TaskGroupMember" in roles
    assert "TaskGroupChair" not in roles


def test_rest_sharing_is_forbidden_to_a_resident(rest_group, request_factory):
    resident = request_factory(basic_auth=("jens", PASSWORD))
    assert resident.get("/opgavegrupper/udlejning/@sharing").status_code == 403


def test_chair_delegates_member_but_not_chair(rest_group, request_factory):
    chair = request_factory(basic_auth=("tove", PASSWORD))
    response = chair.post(
        "/opgavegrupper/udlejning/@sharing",
        json={
            "entries": [
                {"id": "jens", "type": "user", "roles": {"TaskGroupMember": True}},
                {"id": "aisha", "type": "user", "roles": {"TaskGroupChair": True}},
            ]
        },
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert "TaskGroupMember" in api.user.get_roles(username="jens", obj=rest_group)
    assert "TaskGroupChair" not in api.user.get_roles(username="aisha", obj=rest_group)
