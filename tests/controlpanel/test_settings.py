from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from threeb.opgavegrupper.controlpanel.interfaces import IOpgavegrupperSettings
from zExceptions import Unauthorized
from zope.schema import getFieldNames

import pytest


PREFIX = "threeb.opgavegrupper"


@pytest.mark.parametrize(
    "name,default",
    [
        ("organisation_name", "Boligforeningen 3B"),
        ("public_transparency", True),
        ("email_from_address", ""),
        ("retention_days", 180),
    ],
)
def test_default(portal, name, default):
    assert api.portal.get_registry_record(f"{PREFIX}.{name}") == default


def test_every_setting_is_a_record(portal):
    registry = api.portal.get_tool("portal_registry")
    for name in getFieldNames(IOpgavegrupperSettings):
        assert f"{PREFIX}.{name}" in registry.records


def test_default_themes_fit_3b(portal):
    themes = api.portal.get_registry_record(f"{PREFIX}.themes")
    for theme in ("Udlejning", "Grøn omstilling", "Fællesskab og trivsel"):
        assert theme in themes


def test_form_renders_for_site_administrator(portal, http_request):
    setRoles(portal, TEST_USER_ID, ["Site Administrator"])
    view = api.content.get_view("opgavegrupper-settings", portal, http_request)
    html = view()
    assert "form.widgets.themes" in html
    assert "form.widgets.public_transparency" in html


@pytest.mark.parametrize("role", ["Site Administrator", "Manager"])
def test_may_manage_settings(portal, role):
    setRoles(portal, TEST_USER_ID, [role])
    assert api.user.has_permission("threeb.opgavegrupper: Manage settings", obj=portal)


@pytest.mark.parametrize("role", ["Member", "Resident", "BoardMember", "Staff"])
def test_may_not_manage_settings(portal, role):
    setRoles(portal, TEST_USER_ID, [role])
    assert not api.user.has_permission(
        "threeb.opgavegrupper: Manage settings", obj=portal
    )


def test_view_refuses_resident(portal, http_request):
    setRoles(portal, TEST_USER_ID, ["Resident"])
    with pytest.raises(Unauthorized):
        portal.restrictedTraverse("@@opgavegrupper-settings")
