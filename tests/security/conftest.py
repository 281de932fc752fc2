"""A folder and a group to test on, content in any state, a user per role."""

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
PASSWORD = "secret-pw-1"


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
def user_with_role():
    """Create a user who has ``role`` the way real users get it; None: Anonymous."""

    def make(role, group, username="someone"):
        if role == "Anonymous":
            return None
        api.user.create(
            username=username, email=f"{username}@example.org", password=PASSWORD
        )
        if role in GROUP_OF_ROLE:
            api.group.add_user(groupname=GROUP_OF_ROLE[role], username=username)
        elif role in LOCAL_ROLES:
            api.user.grant_roles(username=username, obj=group, roles=[role])
        elif role in FOLDER_ROLES:
            api.user.grant_roles(username=username, obj=aq_parent(group), roles=[role])
        elif role != "Authenticated":
            api.user.grant_roles(username=username, roles=[role])
        return username

    return make
