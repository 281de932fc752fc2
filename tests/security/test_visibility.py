"""Public content is only as public as its group; catalog results agree."""

from plone import api
from plone.app.testing import logout

import pytest


def visible(obj, username):
    """View permission and catalog result, which must agree, for a user."""
    uid = api.content.get_uuid(obj)
    if username is None:
        logout()
        may_view = api.user.has_permission("View", obj=obj)
        found = len(api.content.find(UID=uid)) == 1
    else:
        with api.env.adopt_user(username=username):
            may_view = api.user.has_permission("View", obj=obj)
            found = len(api.content.find(UID=uid)) == 1
    assert may_view == found
    return may_view


@pytest.fixture
def resident(group, user_with_role):
    return user_with_role("Resident", group, username="jens")


@pytest.fixture
def member(group, user_with_role):
    return user_with_role("TaskGroupMember", group, username="mads")


@pytest.mark.parametrize(
    "portal_type,state",
    [("Mandate", "approved"), ("Meeting", "published"), ("Recommendation", "adopted")],
)
def test_public_content_in_a_draft_group_stays_internal(
    group, in_state, resident, member, portal_type, state
):
    obj = api.content.create(group, portal_type, id="item", title="Item")
    in_state(obj, state)
    assert not visible(obj, None)
    assert not visible(obj, resident)
    assert visible(obj, member)


@pytest.mark.parametrize(
    "group_state,meeting_state,public",
    [
        ("active", "internal", False),
        ("active", "published", True),
        ("draft", "published", False),
    ],
)
def test_public_meeting_attachments_are_as_public_as_the_meeting(
    group, in_state, resident, group_state, meeting_state, public
):
    in_state(group, group_state)
    meeting = api.content.create(group, "Meeting", id="m1", title="Møde 1")
    in_state(meeting, meeting_state)
    attachment = api.content.create(meeting, "File", id="referat", title="Referat")
    # Material: internal until made public itself (lifecycle/material.py).
    assert not visible(attachment, None)
    assert not visible(attachment, resident)
    in_state(attachment, "published")
    assert visible(attachment, None) is public
    assert visible(attachment, resident) is public


def test_group_members_see_internal_material_of_their_group_only(
    folder, group, in_state, member
):
    other = api.content.create(folder, "TaskGroup", id="andet", title="Andet")
    for obj in (group, other):
        in_state(obj, "active")
    mine = api.content.create(group, "Meeting", id="m1", title="Møde")
    theirs = api.content.create(other, "Meeting", id="m1", title="Møde")
    assert visible(mine, member)
    assert not visible(theirs, member)
