"""upgrade_way_in: the personal-menu actions, the meetings portlet, the tab."""

from plone import api
from plone.portlets.interfaces import IPortletType
from zope.component import queryUtility


ACTIONS = (
    "mine-opgavegrupper",
    "board-desk",
    "participation-dashboard",
    "anonymise-applications",
    "erase-person",
)
PORTLET = "threeb.opgavegrupper.UpcomingMeetings"


def as_before(portal):
    """A site from before the way in: none of it there."""
    category = api.portal.get_tool("portal_actions")["user"]
    category.manage_delObjects(list(ACTIONS))
    setup = api.portal.get_tool("portal_setup")
    setup.runImportStepFromProfile(
        "profile-threeb.opgavegrupper:uninstall", "portlets", run_dependencies=False
    )
    displayed = api.portal.get_registry_record("plone.displayed_types")
    api.portal.set_registry_record(
        "plone.displayed_types",
        tuple(name for name in displayed if name != "TaskGroupFolder"),
    )


def test_upgrade_brings_the_way_in(portal):
    from threeb.opgavegrupper.upgrades.way_in import upgrade_way_in

    as_before(portal)
    assert queryUtility(IPortletType, name=PORTLET) is None
    before = api.portal.get_registry_record("plone.displayed_types")

    upgrade_way_in(portal)

    category = api.portal.get_tool("portal_actions")["user"]
    ids = category.objectIds()
    for action_id in ACTIONS:
        assert ids.index(action_id) < ids.index("logout")
    assert queryUtility(IPortletType, name=PORTLET) is not None
    # The site's own navigation types stay; the folder is added.
    assert api.portal.get_registry_record("plone.displayed_types") == (
        *before,
        "TaskGroupFolder",
    )


def test_upgrade_twice_changes_nothing(portal):
    from threeb.opgavegrupper.upgrades.way_in import upgrade_way_in

    upgrade_way_in(portal)
    category = api.portal.get_tool("portal_actions")["user"]
    ids = category.objectIds()
    displayed = api.portal.get_registry_record("plone.displayed_types")
    upgrade_way_in(portal)
    assert category.objectIds() == ids
    assert api.portal.get_registry_record("plone.displayed_types") == displayed
    assert displayed.count("TaskGroupFolder") == 1
