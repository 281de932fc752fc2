"""upgrade_one_source: a site from before gets the permissions, actions and bundles."""

from plone import api
from plone.registry.interfaces import IRegistry
from threeb.opgavegrupper.lifecycle.transparency import RECORD
from threeb.opgavegrupper.upgrades.one_source import ACTIONS
from threeb.opgavegrupper.upgrades.one_source import BUNDLES
from threeb.opgavegrupper.upgrades.one_source import upgrade_one_source
from zope.component import getUtility

import pytest


ROSTER = "threeb.opgavegrupper: View full roster"
FIGURES = "threeb.opgavegrupper: View participation figures"
OLD_ACTION_PERMISSIONS = (
    "threeb.opgavegrupper: Decide",
    "threeb.opgavegrupper: Manage task group lifecycle",
)


def roles_of(obj, permission):
    return {
        setting["name"]
        for setting in obj.rolesOfPermission(permission)
        if setting["selected"]
    }


def bundle_records(registry):
    return {
        prefix: {
            name: registry.get(f"{prefix}.{name}")
            for name in values
            if f"{prefix}.{name}" in registry.records
        }
        for prefix, values in BUNDLES.items()
    }


def action_permissions():
    category = api.portal.get_tool("portal_actions")["user"]
    return {name: tuple(category[name].permissions) for name in ACTIONS}


def as_before(portal):
    """The site as an older version left it."""
    for permission in (ROSTER, FIGURES):
        portal.manage_permission(permission, roles=["Manager"], acquire=True)
    category = api.portal.get_tool("portal_actions")["user"]
    for name in ACTIONS:
        category[name]._setPropValue("permissions", OLD_ACTION_PERMISSIONS)
    registry = getUtility(IRegistry)
    for prefix, values in BUNDLES.items():
        for name in values:
            del registry.records[f"{prefix}.{name}"]


def test_a_new_site_has_what_the_upgrade_writes(portal):
    assert roles_of(portal, FIGURES) == {
        "Manager",
        "Site Administrator",
        "Staff",
        "BoardMember",
    }
    assert roles_of(portal, ROSTER) == {
        "Manager",
        "Site Administrator",
        "Staff",
        "BoardMember",
        "TaskGroupChair",
        "TaskGroupMember",
    }
    assert action_permissions() == dict.fromkeys(ACTIONS, (FIGURES,))
    assert bundle_records(getUtility(IRegistry)) == BUNDLES


def test_the_upgrade_brings_an_old_site_up_to_date(portal):
    as_before(portal)
    api.portal.set_registry_record("plone.site_title", "Boligforeningen 3B")
    assert roles_of(portal, FIGURES) == {"Manager"}

    upgrade_one_source(api.portal.get_tool("portal_setup"))

    assert roles_of(portal, FIGURES) == {
        "Manager",
        "Site Administrator",
        "Staff",
        "BoardMember",
    }
    assert "TaskGroupMember" in roles_of(portal, ROSTER)
    assert action_permissions() == dict.fromkeys(ACTIONS, (FIGURES,))
    assert bundle_records(getUtility(IRegistry)) == BUNDLES
    assert api.portal.get_registry_record("plone.site_title") == "Boligforeningen 3B"


def test_the_upgrade_runs_twice_without_harm(portal):
    upgrade_one_source(None)
    upgrade_one_source(None)
    assert bundle_records(getUtility(IRegistry)) == BUNDLES


@pytest.mark.parametrize("public", [True, False])
def test_closed_folders_open_to_every_role_but_anonymous(portal, public):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
    api.portal.set_registry_record(RECORD, public)
    # As the old code closed it: a list of roles that left Editor out.
    folder.manage_permission("View", roles=["Authenticated", "Staff"], acquire=False)

    upgrade_one_source(None)

    if public:
        # An open site's folders are left as they are.
        assert roles_of(folder, "View") == {"Authenticated", "Staff"}
    else:
        assert "Anonymous" not in roles_of(folder, "View")
        assert {"Authenticated", "Editor", "Staff"} <= roles_of(folder, "View")
