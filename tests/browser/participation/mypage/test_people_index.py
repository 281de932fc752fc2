"""The taskgroup_people index: a person's groups without reading every group."""

from datetime import date
from plone import api

import pytest


def _group(folder, group_id):
    group = api.content.create(
        folder,
        "TaskGroup",
        id=group_id,
        title=group_id.capitalize(),
        summary="S",
        theme="Udlejning",
        start=date(2026, 1, 1),
        deadline=date(2026, 6, 1),
        seats_resident=3,
    )
    api.content.transition(group, transition="open_signup")
    return group


@pytest.fixture
def four_groups(portal):
    for user_id in ("ulla", "vagn"):
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password="secret-pw-1"
        )
        api.group.add_user(groupname="beboere", username=user_id)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        return [_group(folder, f"g{number}") for number in range(4)]


def _indexed(user_id):
    from threeb.opgavegrupper.participation.following import index_key

    catalog = api.portal.get_tool("portal_catalog")
    key = index_key(user_id)
    if key is None:
        return []
    return sorted(
        brain.getId for brain in catalog.unrestrictedSearchResults(taskgroup_people=key)
    )


def test_a_chair_follows_with_the_groups_security(four_groups):
    # plone.api's grant and revoke leave reindexing to the caller; the sharing
    # page and every road of the add-on reindex the group's security.
    group = four_groups[1]
    api.user.grant_roles(username="ulla", obj=group, roles=["TaskGroupChair"])
    group.reindexObjectSecurity()
    assert _indexed("ulla") == ["g1"]
    api.user.revoke_roles(username="ulla", obj=group, roles=["TaskGroupChair"])
    group.reindexObjectSecurity()
    assert _indexed("ulla") == []


def test_accepting_and_withdrawing_move_the_member(four_groups):
    from threeb.opgavegrupper.participation import applications

    ulla = api.user.get(userid="ulla")
    with api.env.adopt_user(user=ulla):
        application = applications.apply(
            four_groups[2], ulla, {"constituency": "resident"}
        )
    assert _indexed("ulla") == []  # pending: not a member yet
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="accept")
    assert _indexed("ulla") == ["g2"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="remove")
    assert _indexed("ulla") == []


def test_the_index_holds_no_user_ids(four_groups):
    from Products.CMFCore.indexing import processQueue

    api.user.grant_roles(username="ulla", obj=four_groups[0], roles=["TaskGroupChair"])
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    values = set(catalog._catalog.indexes["taskgroup_people"].uniqueValues())
    assert values and "ulla" not in values
    assert all(len(value) == 64 for value in values)


def test_memberships_name_the_groups_of_the_roles(four_groups):
    from threeb.opgavegrupper.participation.roster import memberships

    api.user.grant_roles(username="ulla", obj=four_groups[3], roles=["TaskGroupChair"])
    api.user.grant_roles(username="vagn", obj=four_groups[0], roles=["TaskGroupChair"])
    found = memberships("ulla")
    assert [(group["title"], group["roles"]) for group in found] == [("G3", ["chair"])]


def test_an_index_entry_without_the_role_names_no_group(four_groups):
    """A role taken away without a reindex is not believed: roles are read."""
    from threeb.opgavegrupper.participation.roster import memberships

    api.user.grant_roles(username="ulla", obj=four_groups[3], roles=["TaskGroupChair"])
    assert _indexed("ulla") == ["g3"]
    four_groups[3].manage_delLocalRoles(["ulla"])
    assert _indexed("ulla") == ["g3"]
    assert memberships("ulla") == []


def test_an_expired_group_is_not_visible_to_the_person(four_groups):
    """As in the catalog's own date check: the person's groups are checked by date."""
    from DateTime import DateTime
    from threeb.opgavegrupper.participation.roster import memberships

    group = four_groups[2]
    api.user.grant_roles(username="ulla", obj=group, roles=["TaskGroupChair"])
    group.reindexObjectSecurity()
    assert memberships("ulla")[0]["visible"] is True
    group.setExpirationDate(DateTime() - 1)
    group.reindexObject()
    (found,) = memberships("ulla")
    assert found["visible"] is False
    assert found["roles"] == ["chair"]
