"""A task group with its people, and helpers to move content through states."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


PASSWORD = "secret-pw-1"

# user id: (Plone group giving a global role, local role on the group)
PEOPLE = {
    "mette": ("medarbejdere", None),  # staff
    "ole": ("organisationsbestyrelse", None),  # organisation board
    "jens": ("beboere", None),  # resident, not in the group
    "tove": ("beboere", "TaskGroupChair"),  # the group's chair
    "mads": ("beboere", "TaskGroupMember"),  # a member
    "lise": ("beboere", "TaskGroupMember"),  # another member
}


@pytest.fixture
def folder(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return api.content.create(
        portal, "TaskGroupFolder", id="opgavegrupper", title="Opgavegrupper"
    )


@pytest.fixture
def group(folder):
    return api.content.create(folder, "TaskGroup", id="udlejning", title="Udlejning")


@pytest.fixture
def people(group):
    for user_id, (group_id, local_role) in PEOPLE.items():
        api.user.create(
            username=user_id, email=f"{user_id}@example.org", password=PASSWORD
        )
        api.group.add_user(groupname=group_id, username=user_id)
        if local_role:
            api.user.grant_roles(username=user_id, obj=group, roles=[local_role])
    return PEOPLE


@pytest.fixture
def mandate(group):
    return api.content.create(
        group,
        "Mandate",
        id="kommissorium",
        title="Kommissorium",
        questions=["Hvordan gør vi udlejningen enklere?"],
    )


@pytest.fixture
def recommendation(group):
    return api.content.create(
        group,
        "Recommendation",
        id="anbefaling",
        title="Ét ventelistesystem",
        summary="Saml ventelisterne i ét system.",
    )
