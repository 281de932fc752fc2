"""The group's local roles on the sharing page: who may hand out which.

Members come from the applications (participation/sharing.py): the sharing
page does not offer ``TaskGroupMember`` and ``@sharing`` refuses to give or
take it.
"""

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


def test_staff_are_offered_the_chair_role_not_member(group, staff, http_request):
    roles = offered_roles(group, http_request, staff)
    assert "TaskGroupChair" in roles
    assert "TaskGroupMember" not in roles


def test_chair_is_offered_neither_group_role(group, chair, http_request):
    roles = offered_roles(group, http_request, chair)
    assert "TaskGroupMember" not in roles
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


def test_rest_sharing_offers_staff_the_chair_role_only(rest_group, request_factory):
    staff = request_factory(basic_auth=("mette", PASSWORD))
    roles = available_roles(staff)
    assert "TaskGroupChair" in roles
    assert "TaskGroupMember" not in roles


def test_rest_sharing_is_forbidden_to_a_resident(rest_group, request_factory):
    resident = request_factory(basic_auth=("jens", PASSWORD))
    assert resident.get("/opgavegrupper/udlejning/@sharing").status_code == 403


def share(session, *entries):
    return session.post(
        "/opgavegrupper/udlejning/@sharing",
        json={
            "entries": [
                {"id": user_id, "type": "user", "roles": roles}
                for user_id, roles in entries
            ]
        },
    )


def local_roles(group, user_id):
    transaction.begin()
    return set(group.get_local_roles_for_userid(user_id))


@pytest.mark.parametrize("username", ["mette", "tove"])
def test_rest_sharing_refuses_to_make_a_member(rest_group, request_factory, username):
    session = request_factory(basic_auth=(username, PASSWORD))
    response = share(session, ("jens", {"TaskGroupMember": True}))
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == "entries"
    assert "applications" in error["message"]
    assert "TaskGroupMember" not in local_roles(rest_group, "jens")


def test_rest_sharing_refuses_to_unmake_a_member(rest_group, request_factory):
    from threeb.opgavegrupper.participation import applications

    with api.env.adopt_roles(["Manager"]):
        applications.add_member(
            rest_group,
            {"fullname": "Jens", "constituency": "resident"},
            user_id="jens",
        )
    transaction.commit()
    assert "TaskGroupMember" in local_roles(rest_group, "jens")
    staff = request_factory(basic_auth=("mette", PASSWORD))
    response = share(staff, ("jens", {"TaskGroupMember": False}))
    assert response.status_code == 400, response.text
    assert "TaskGroupMember" in local_roles(rest_group, "jens")
    # Sending a member's role unchanged (as a client that echoes GET does) is fine.
    response = share(staff, ("jens", {"TaskGroupMember": True, "TaskGroupChair": True}))
    assert response.status_code == 204, response.text
    assert {"TaskGroupMember", "TaskGroupChair"} <= local_roles(rest_group, "jens")


def test_chair_may_not_hand_out_the_chair_role(rest_group, request_factory):
    chair = request_factory(basic_auth=("tove", PASSWORD))
    response = share(chair, ("aisha", {"TaskGroupChair": True}))
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == "entries"
    assert "TaskGroupChair" not in local_roles(rest_group, "aisha")


def test_staff_hand_out_the_chair_role(rest_group, request_factory):
    staff = request_factory(basic_auth=("mette", PASSWORD))
    response = share(staff, ("aisha", {"TaskGroupChair": True}))
    assert response.status_code == 204, response.text
    assert "TaskGroupChair" in local_roles(rest_group, "aisha")


@pytest.mark.parametrize(
    "body",
    [
        {"entries": "x"},
        {"entries": [{"type": "user", "roles": {"TaskGroupChair": True}}]},
        {"entries": [{"id": "aisha", "roles": "TaskGroupChair"}]},
        {"entries": [{"id": "aisha", "roles": {"TaskGroupMember": "yes"}}]},
    ],
)
def test_malformed_sharing_is_400(rest_group, request_factory, body):
    staff = request_factory(basic_auth=("mette", PASSWORD))
    response = staff.post("/opgavegrupper/udlejning/@sharing", json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "entries"


def test_a_member_role_given_behind_the_rules_is_taken_back(group, staff):
    """Whatever reaches the local roles is put right by the event."""
    from plone.app.workflow.events import LocalrolesModifiedEvent
    from zope.event import notify

    group.manage_setLocalRoles(staff, ["TaskGroupMember"])
    notify(LocalrolesModifiedEvent(group, group.REQUEST))
    assert "TaskGroupMember" not in group.get_local_roles_for_userid(staff)
