"""A task group with its people, and helpers to move content through states."""

from .. import helpers
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


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
    return helpers.make_folder(portal, "opgavegrupper", title="Opgavegrupper")


@pytest.fixture
def group(folder):
    # A draft: the tests move it through the workflow themselves.
    return helpers.make_group(folder, title="Udlejning", state="draft", id="udlejning")


@pytest.fixture
def people(group):
    helpers.make_people(
        {user_id: (None, group_id) for user_id, (group_id, _) in PEOPLE.items()}
    )
    for user_id, (_, local_role) in PEOPLE.items():
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
