"""upgrade_minority_statement: the board may record one on an existing site."""

from AccessControl.Permission import Permission
from plone import api
from Products.DCWorkflow.utils import modifyRolesForPermission
from threeb.opgavegrupper.upgrades.minority_statement import upgrade_minority_statement

import pytest


PERMISSION = "threeb.opgavegrupper: Edit minority statement"


def roles(obj, permission):
    # An item's rolesOfPermission knows only its class's permissions.
    return set(Permission(permission, (), obj).getRoles())


@pytest.fixture
def old_recommendation(portal, in_state):
    """A submitted recommendation as the old workflow left it."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(folder, "TaskGroup", id="vaskeriet", title="V")
        in_state(group, "active")
        rec = api.content.create(group, "Recommendation", id="r1", title="R")
        in_state(rec, "submitted")
    # Before: the permission did not exist in the workflow: acquired, admins.
    # (DCWorkflow's own setter: an item's manage_permission knows only the
    # permissions of its class.) A list acquires.
    modifyRolesForPermission(rec, PERMISSION, [])
    modifyRolesForPermission(group, PERMISSION, [])
    portal.manage_permission(PERMISSION, ["Manager"], 1)
    return rec


def test_the_board_may_record_it_after_the_upgrade(old_recommendation):
    assert "BoardMember" not in roles(old_recommendation, PERMISSION)
    upgrade_minority_statement(None)
    assert roles(old_recommendation, PERMISSION) == {
        "Manager",
        "Site Administrator",
        "BoardMember",
    }
    assert "Site Administrator" in roles(api.portal.get(), PERMISSION)
    # The active group's chair writes one in a new recommendation.
    group = old_recommendation.__parent__
    assert "TaskGroupChair" in roles(group, PERMISSION)


def test_twice_changes_nothing(old_recommendation):
    upgrade_minority_statement(None)
    upgrade_minority_statement(None)
    assert "BoardMember" in roles(old_recommendation, PERMISSION)
