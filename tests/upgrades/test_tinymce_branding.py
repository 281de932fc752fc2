"""TinyMCE without "Build with TinyMCE": new sites, and existing ones upgraded."""

from plone import api
from threeb.opgavegrupper.upgrades.tinymce_branding import upgrade_tinymce_branding

import json
import pytest


RECORD = "plone.other_settings"


def tiny_config(portal):
    """TinyMCE's configuration as Plone hands it to the editor."""
    from Products.CMFPlone.patterns.tinymce import TinyMCESettingsGenerator

    return TinyMCESettingsGenerator(portal, portal.REQUEST).get_tiny_config()


def test_a_new_site_has_no_branding(portal):
    assert json.loads(api.portal.get_registry_record(RECORD)) == {
        "branding": False,
        "promotion": False,
    }
    config = tiny_config(portal)
    assert config["branding"] is False
    assert config["promotion"] is False


def test_the_upgrade_turns_branding_off_and_keeps_other_settings(portal):
    # A site from before: Plone's default, with a setting of its own.
    api.portal.set_registry_record(RECORD, json.dumps({"height": 400}))
    assert "branding" not in tiny_config(portal)

    upgrade_tinymce_branding(api.portal.get_tool("portal_setup"))

    assert json.loads(api.portal.get_registry_record(RECORD)) == {
        "height": 400,
        "branding": False,
        "promotion": False,
    }
    assert tiny_config(portal)["branding"] is False


@pytest.mark.parametrize("before", ["", "{}"])
def test_the_upgrade_fills_empty_settings(portal, before):
    api.portal.set_registry_record(RECORD, before)
    upgrade_tinymce_branding(None)
    assert json.loads(api.portal.get_registry_record(RECORD)) == {
        "branding": False,
        "promotion": False,
    }


def test_the_upgrade_leaves_settings_it_cannot_read(portal):
    api.portal.set_registry_record(RECORD, '["not", "an object"]')
    upgrade_tinymce_branding(None)
    assert api.portal.get_registry_record(RECORD) == '["not", "an object"]'


def test_the_upgrade_runs_twice_without_harm(portal):
    upgrade_tinymce_branding(None)
    once = api.portal.get_registry_record(RECORD)
    upgrade_tinymce_branding(None)
    assert api.portal.get_registry_record(RECORD) == once
