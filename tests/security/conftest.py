"""A folder and a group to test on, content in any state, a user per role."""

from .. import helpers
from Acquisition import aq_parent
from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest


# The Plone groups that give the global roles (created at install).
GROUP_OF_ROLE = {
    "Resident": "beboere",
    "DepartmentBoardMember": "afdelingsbestyrelser",
    "BoardMember": "organisationsbestyrelse",
    "Staff": "medarbejdere",
}
LOCAL_ROLES = ("TaskGroupChair", "TaskGroupMember")
# Plone's editorial roles, given where a site administrator gives them: on the
# sharing page of the task-group folder.
FOLDER_ROLES = ("Contributor", "Editor", "Reviewer")


@pytest.fixture
def folder(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return helpers.make_folder(portal, "opgavegrupper", title="Opgavegrupper")


@pytest.fixture
def group(folder):
    # A draft: the tests put it in the state they test.
    return helpers.make_group(folder, title="Udlejning", state="draft", id="udlejning")


@pytest.fixture
def user_with_role():
    """Create a user who has ``role`` the way real users get it; None: Anonymous."""

    def make(role, group, username="someone"):
        if role == "Anonymous":
            return None
        # A global role of the package through its Plone group, as the site gives it.
        helpers.make_people({username: (None, GROUP_OF_ROLE.get(role))})
        if role in LOCAL_ROLES:
            api.user.grant_roles(username=username, obj=group, roles=[role])
        elif role in FOLDER_ROLES:
            api.user.grant_roles(username=username, obj=aq_parent(group), roles=[role])
        elif role not in GROUP_OF_ROLE and role != "Authenticated":
            api.user.grant_roles(username=username, roles=[role])
        return username

    return make
