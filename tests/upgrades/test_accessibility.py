"""upgrade_accessibility: a site made before the bundle gets it, as a new site has it."""

from plone import api
from plone.registry.interfaces import IRegistry
from threeb.opgavegrupper.upgrades.accessibility import BUNDLE
from threeb.opgavegrupper.upgrades.accessibility import upgrade_accessibility
from threeb.opgavegrupper.upgrades.accessibility import VALUES
from zope.component import getUtility


def bundle_records(registry):
    return {
        name: registry.get(f"{BUNDLE}.{name}")
        for name in VALUES
        if f"{BUNDLE}.{name}" in registry.records
    }


def test_a_new_site_has_the_bundle_as_the_upgrade_writes_it(portal):
    assert bundle_records(getUtility(IRegistry)) == VALUES


def test_the_upgrade_adds_the_bundle_and_leaves_other_records(portal):
    registry = getUtility(IRegistry)
    for name in VALUES:
        del registry.records[f"{BUNDLE}.{name}"]
    api.portal.set_registry_record("plone.site_title", "Boligforeningen 3B")
    assert bundle_records(registry) == {}

    upgrade_accessibility(api.portal.get_tool("portal_setup"))

    assert bundle_records(registry) == VALUES
    assert api.portal.get_registry_record("plone.site_title") == "Boligforeningen 3B"


def test_the_upgrade_runs_twice_without_harm(portal):
    upgrade_accessibility(None)
    upgrade_accessibility(None)
    assert bundle_records(getUtility(IRegistry)) == VALUES


def test_the_upgrade_puts_the_skip_link_first_in_the_header(portal):
    from plone.app.viewletmanager.interfaces import IViewletSettingsStorage

    storage = getUtility(IViewletSettingsStorage)
    skin = portal.getCurrentSkinName()
    order = [
        name
        for name in storage.getOrder("plone.portalheader", skin)
        if name != "threeb.opgavegrupper.skiplink"
    ]
    storage.setOrder("plone.portalheader", skin, tuple(order))

    upgrade_accessibility(None)

    assert storage.getOrder("plone.portalheader", skin)[0] == (
        "threeb.opgavegrupper.skiplink"
    )
