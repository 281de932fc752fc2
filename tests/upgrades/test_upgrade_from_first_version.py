"""From the first profile version to the one with applications and material."""

from .test_upgrades import metadata_version
from datetime import date
from plone import api
from threeb.opgavegrupper.participation import following

import pytest


PROFILE = "threeb.opgavegrupper:default"


@pytest.fixture
def old_site(portal):
    """A site as the first version left it: no followers index, old version."""
    catalog = api.portal.get_tool("portal_catalog")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeri",
            title="Vaskeri",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 2, 1),
        )
    following.follow(group, "someone")
    catalog.delIndex("followers")
    setup = api.portal.get_tool("portal_setup")
    setup.setLastVersionForProfile(PROFILE, "20261127001")
    return group


def test_upgrade_is_offered(old_site):
    setup = api.portal.get_tool("portal_setup")
    # listUpgrades gives one entry per step, or a list per block of steps.
    steps = setup.listUpgrades(PROFILE)
    flat = [s for step in steps for s in (step if isinstance(step, list) else [step])]
    assert [step["title"] for step in flat] == [
        "Applications, material workflow, new indexes",
        "Pages, figures and decision metadata",
        "Membership follows the applications",
        "Cross-site and privacy defences",
        "Permissions of the workflow's own fields",
        "Meetings in people's calendars",
        "Index of each group's people",
        "Participation figures kept as counters",
        "Self-registration for residents",
        "Verified registrations",
        "A way in: actions, portlet and tab",
        "Whole pages accessible",
        "One source for each fact",
        "Outcomes and Plone's editorial roles",
        "People indexes answer exact questions only",
        "Overview cards: seats left, outcome, order",
        "Latest decisions by decision date",
        "Readability (LIX)",
        "Applications' description for search pages",
        "Minority statements at the board's decision",
        "TinyMCE without its branding",
    ]


def test_upgrade_brings_site_up_to_date(old_site):
    setup = api.portal.get_tool("portal_setup")
    setup.upgradeProfile(PROFILE)
    assert setup.getLastVersionForProfile(PROFILE) == (metadata_version(),)
    assert setup.listUpgrades(PROFILE) == []
    catalog = api.portal.get_tool("portal_catalog")
    assert "followers" in catalog.indexes()
    for name in ("followers", "taskgroup_people"):
        assert catalog._catalog.getIndex(name).meta_type == "HashedKeywordIndex"
    # Existing content is in the new index without anyone touching it.
    assert [
        b.getId
        for b in catalog.unrestrictedSearchResults(
            followers=following.index_key("someone")
        )
    ] == ["vaskeri"]
