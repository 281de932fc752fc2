"""Uninstalling removes the workflows and their bindings; reinstalling restores."""

from plone import api

import pytest


PACKAGE = "threeb.opgavegrupper"
WORKFLOWS = (
    "taskgroup_workflow",
    "mandate_workflow",
    "recommendation_workflow",
    "meeting_workflow",
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


def test_reinstall_restores_the_workflows(uninstalled, installer):
    installer.install_product(PACKAGE)
    assert uninstalled.getChainForPortalType("TaskGroup") == ("taskgroup_workflow",)
    assert uninstalled.getChainForPortalType("TaskGroupFolder") == ()
