"""Deleting: staff and the chair clean up open groups; the record stays.

The matrix checks deleting inside a working group; here the other group
states, the group itself, and what members may do.
"""

from Acquisition import aq_inner
from Acquisition import aq_parent
from plone import api
from zExceptions import Unauthorized

import pytest


@pytest.fixture
def chair(group, user_with_role):
    return user_with_role("TaskGroupChair", group, username="tove")


@pytest.fixture
def staff(group, user_with_role):
    return user_with_role("Staff", group, username="mette")


@pytest.fixture
def member(group, user_with_role):
    return user_with_role("TaskGroupMember", group, username="mads")


def delete(obj, username):
    """Delete as plone.restapi and the delete form do; True if it went."""
    parent = aq_parent(aq_inner(obj))
    with api.env.adopt_user(username=username):
        try:
            parent.manage_delObjects([obj.getId()])
        except Unauthorized:
            return False
    return True


def item(group, portal_type):
    if portal_type == "File in a meeting":
        meeting = api.content.create(group, "Meeting", id="m1", title="Møde")
        return api.content.create(meeting, "File", id="bilag", title="Bilag")
    return api.content.create(group, portal_type, id="item", title="Item")


TYPES = ["Meeting", "Mandate", "Recommendation", "Document", "File in a meeting"]


@pytest.mark.parametrize("portal_type", TYPES)
@pytest.mark.parametrize("group_state", ["draft", "recruiting", "active"])
@pytest.mark.parametrize("who", ["staff", "chair"])
def test_staff_and_chair_delete_in_an_open_group(
    request, group, in_state, group_state, portal_type, who
):
    username = request.getfixturevalue(who)
    in_state(group, group_state)
    assert delete(item(group, portal_type), username)


@pytest.mark.parametrize("portal_type", TYPES)
@pytest.mark.parametrize("group_state", ["concluded", "cancelled"])
@pytest.mark.parametrize("who", ["staff", "chair"])
def test_nobody_deletes_in_a_closed_group(
    request, group, in_state, group_state, portal_type, who
):
    username = request.getfixturevalue(who)
    in_state(group, group_state)
    obj = item(group, portal_type)
    # in_state does not reindex what is inside; the permission is live.
    assert not delete(obj, username)


@pytest.mark.parametrize(
    "portal_type,state",
    [
        ("Mandate", "approved"),
        ("Mandate", "pending_approval"),
        ("Recommendation", "submitted"),
        ("Recommendation", "adopted"),
        ("Recommendation", "rejected"),
        ("Recommendation", "implemented"),
    ],
)
def test_the_record_is_for_site_administrators_to_delete(
    group, in_state, staff, chair, user_with_role, portal_type, state
):
    in_state(group, "active")
    obj = item(group, portal_type)
    in_state(obj, state)
    assert not delete(obj, staff)
    assert not delete(obj, chair)
    admin = user_with_role("Site Administrator", group, username="admin2")
    assert delete(obj, admin)


@pytest.mark.parametrize("group_state", ["draft", "recruiting", "active"])
def test_chair_and_staff_cannot_delete_the_group_itself(
    group, in_state, staff, chair, user_with_role, group_state
):
    in_state(group, group_state)
    # They may delete in it, which is the same permission on the group...
    for username in (staff, chair):
        with api.env.adopt_user(username=username):
            assert api.user.has_permission("Delete objects", obj=group)
    # ...but deleting the group needs it in the folder as well.
    assert not delete(group, chair)
    assert not delete(group, staff)
    admin = user_with_role("Site Administrator", group, username="admin2")
    assert delete(group, admin)


def test_deleting_the_folder_takes_its_groups(folder, group, user_with_role):
    admin = user_with_role("Site Administrator", group, username="admin2")
    assert delete(folder, admin)


def test_members_delete_nothing_not_even_their_own(group, in_state, member):
    in_state(group, "active")
    with api.env.adopt_user(username=member):
        document = api.content.create(group, "Document", id="notat", title="Notat")
    assert not delete(document, member)


@pytest.mark.parametrize("group_state", ["draft", "recruiting", "active", "concluded"])
def test_members_list_the_contents_of_their_group(
    group, in_state, member, user_with_role, group_state
):
    in_state(group, group_state)
    outsider = user_with_role("Resident", group, username="jens")
    with api.env.adopt_user(username=member):
        assert group.restrictedTraverse("@@folder_contents")
    with api.env.adopt_user(username=outsider):
        assert not api.user.has_permission("List folder contents", obj=group)
