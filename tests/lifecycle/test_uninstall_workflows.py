"""Uninstalling removes the workflows and their bindings; reinstalling restores."""

from plone import api

import pytest


PACKAGE = "threeb.opgavegrupper"
WORKFLOWS = (
    "taskgroup_workflow",
    "mandate_workflow",
    "recommendation_workflow",
    "meeting_workflow",
    "taskgroup_material_workflow",
)
TYPES = ("TaskGroupFolder", "TaskGroup", "Mandate", "Recommendation", "Meeting")


@pytest.fixture
def uninstalled(installer):
    installer.uninstall_product(PACKAGE)
    return api.portal.get_tool("portal_workflow")


@pytest.mark.parametrize("workflow_id", WORKFLOWS)
def test_workflow_removed(uninstalled, workflow_id):
    assert workflow_id not in uninstalled.objectIds()


@pytest.mark.parametrize("portal_type", TYPES)
def test_type_no_longer_bound(uninstalled, portal_type):
    assert portal_type not in dict(uninstalled.listChainOverrides())


def test_plone_workflows_kept(uninstalled):
    assert "simple_publication_workflow" in uninstalled.objectIds()


def test_material_policy_removed(uninstalled):
    placeful = api.portal.get_tool("portal_placeful_workflow")
    assert "taskgroup_material" not in placeful.objectIds()


def test_placeful_workflow_support_kept(uninstalled):
    # A dependency, which other add-ons may use too: only our policy goes.
    assert api.portal.get_tool("portal_placeful_workflow") is not None


def test_reinstall_restores_the_workflows(uninstalled, installer):
    installer.install_product(PACKAGE)
    assert uninstalled.getChainForPortalType("TaskGroup") == ("taskgroup_workflow",)
    assert uninstalled.getChainForPortalType("TaskGroupFolder") == ()
    placeful = api.portal.get_tool("portal_placeful_workflow")
    assert placeful.getWorkflowPolicyById("taskgroup_material").getChainFor(
        "Document"
    ) == ("taskgroup_material_workflow",)
