"""Every cell of the permission matrix, checked against a real site.

One test per (type, state, role): the actions the role may take there,
computed as that user, must equal the matrix row in
threeb.opgavegrupper.lifecycle.matrix (which docs/permissions.md shows).
"""

from AccessControl import getSecurityManager
from Acquisition import aq_inner
from Acquisition import aq_parent
from contextlib import contextmanager
from plone import api
from plone.app.testing import logout
from threeb.opgavegrupper.lifecycle.material import POLICY
from threeb.opgavegrupper.lifecycle.matrix import ACTIONS
from threeb.opgavegrupper.lifecycle.matrix import ADD_PREFIX
from threeb.opgavegrupper.lifecycle.matrix import DELETE
from threeb.opgavegrupper.lifecycle.matrix import expected
from threeb.opgavegrupper.lifecycle.matrix import MATERIAL
from threeb.opgavegrupper.lifecycle.matrix import MATRIX
from threeb.opgavegrupper.lifecycle.matrix import NO_WORKFLOW
from threeb.opgavegrupper.lifecycle.matrix import PERMISSION_ACTIONS
from threeb.opgavegrupper.lifecycle.matrix import ROLES
from zExceptions import Unauthorized

import pytest


CASES = [
    pytest.param(portal_type, state, role, id=f"{portal_type}-{state}-{role}")
    for portal_type, states in MATRIX.items()
    for state in states
    for role in ROLES
]


@contextmanager
def acting_as(username):
    if username is None:
        logout()
        yield
    else:
        with api.env.adopt_user(username=username):
            yield


def can_add(container, portal_type):
    """What the add menu and the ++add++ view require."""
    if not getSecurityManager().checkPermission("Add portal content", container):
        return False
    return portal_type in {fti.getId() for fti in container.allowedContentTypes()}


def can_delete(obj):
    """Plone's delete action asks for Delete objects on the object and its
    parent. Then delete it for real, as plone.restapi and the delete form do
    (Dexterity checks the object, lifecycle/deletion.py a group's folder):
    the two must agree."""
    parent = aq_parent(aq_inner(obj))
    check = getSecurityManager().checkPermission
    allowed = bool(check("Delete objects", obj) and check("Delete objects", parent))
    try:
        parent.manage_delObjects([obj.getId()])
    except Unauthorized:
        deleted = False
    else:
        deleted = True
    assert deleted == allowed, "Plone's delete action and deleting disagree"
    return allowed


def actions_for(obj, portal_type):
    wftool = api.portal.get_tool("portal_workflow")
    transitions = {transition["id"] for transition in wftool.getTransitionsFor(obj)}
    actions = {}
    for action in ACTIONS[portal_type]:
        if action == DELETE:
            continue  # last: it deletes the object
        if action in PERMISSION_ACTIONS:
            permission = PERMISSION_ACTIONS[action]
            actions[action] = bool(
                getSecurityManager().checkPermission(permission, obj)
            )
        elif action.startswith(ADD_PREFIX):
            actions[action] = can_add(obj, action.removeprefix(ADD_PREFIX))
        else:
            actions[action] = action in transitions
    if DELETE in ACTIONS[portal_type]:
        actions[DELETE] = can_delete(obj)
    return actions


@pytest.fixture
def subject(folder, group, in_state):
    """The object of a matrix row; content inside a group sits in a working one."""

    def make(portal_type, state):
        if portal_type == "TaskGroupFolder":
            assert state == NO_WORKFLOW
            return folder
        if portal_type == "TaskGroup":
            in_state(group, state)
            return group
        in_state(group, "active")
        obj = api.content.create(group, portal_type, id="item", title="Item")
        in_state(obj, state)
        return obj

    return make


@pytest.mark.parametrize(("portal_type", "state", "role"), CASES)
def test_matrix_cell(subject, group, user_with_role, portal_type, state, role):
    obj = subject(portal_type, state)
    username = user_with_role(role, group)
    with acting_as(username):
        actions = actions_for(obj, portal_type)
    assert actions == expected(portal_type, state, role)


def chain_for(portal_type):
    """The chain of a type in a task group: material's comes from the policy."""
    if portal_type in MATERIAL:
        placeful = api.portal.get_tool("portal_placeful_workflow")
        return tuple(placeful.getWorkflowPolicyById(POLICY).getChainFor(portal_type))
    return api.portal.get_tool("portal_workflow").getChainForPortalType(portal_type)


def test_matrix_covers_every_workflow_state(portal):
    wftool = api.portal.get_tool("portal_workflow")
    for portal_type, states in MATRIX.items():
        chain = chain_for(portal_type)
        if not chain:
            assert list(states) == [NO_WORKFLOW]
            continue
        workflow = wftool.getWorkflowById(chain[0])
        assert set(states) == set(workflow.states.objectIds()), portal_type


def test_matrix_covers_every_transition(portal):
    wftool = api.portal.get_tool("portal_workflow")
    for portal_type, actions in ACTIONS.items():
        for workflow_id in chain_for(portal_type):
            transitions = wftool.getWorkflowById(workflow_id).transitions.objectIds()
            assert set(transitions) <= set(actions), portal_type
