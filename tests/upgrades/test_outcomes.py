"""upgrade_outcomes: an existing site gets the type, the roles' rights and the feed."""

from plone import api
from plone.base.interfaces.syndication import IFeedSettings
from threeb.opgavegrupper.outcomes.feed import feed_collection
from threeb.opgavegrupper.upgrades.outcomes import upgrade_outcomes

import pytest


@pytest.fixture
def old_site(portal, in_state):
    """As a site from before outcomes: no type, workflow, feed or new rights."""
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(folder, "TaskGroup", id="vaskeriet", title="V")
        in_state(group, "concluded")
        api.content.delete(feed_collection(portal))
    api.portal.get_tool("portal_types").manage_delObjects(["Outcome"])
    wftool = api.portal.get_tool("portal_workflow")
    wftool.manage_delObjects(["outcome_workflow"])
    # The group's permissions as the old workflow set them.
    group.manage_permission("Modify portal content", ["Manager", "Staff"], 0)
    group.manage_permission("threeb.opgavegrupper: Add Outcome", ["Manager"], 0)
    portal.manage_permission("threeb.opgavegrupper: Publish outcome", ["Manager"], 1)
    return group


def roles(obj, permission):
    return {s["name"] for s in obj.rolesOfPermission(permission) if s["selected"]}


def test_upgrade_outcomes(old_site):
    portal = api.portal.get()
    upgrade_outcomes(None)
    assert "Outcome" in api.portal.get_tool("portal_types").objectIds()
    wftool = api.portal.get_tool("portal_workflow")
    assert wftool.getChainForPortalType("Outcome") == ("outcome_workflow",)
    assert "Editor" in roles(old_site, "Modify portal content")
    assert "Contributor" in roles(old_site, "threeb.opgavegrupper: Add Outcome")
    assert "Reviewer" in roles(portal, "threeb.opgavegrupper: Publish outcome")
    assert "Staff" in roles(portal, "threeb.opgavegrupper: Edit group set-up")
    collection = feed_collection(portal)
    assert IFeedSettings(collection).enabled
    # Outcomes may be added to the concluded group now.
    with api.env.adopt_roles(["Manager"]):
        allowed = [fti.getId() for fti in old_site.allowedContentTypes()]
    assert "Outcome" in allowed


def test_upgrade_outcomes_twice_changes_nothing(old_site):
    upgrade_outcomes(None)
    upgrade_outcomes(None)
    assert api.portal.get()["resultater"].portal_type == "Collection"
    assert "resultater-1" not in api.portal.get().objectIds()
