"""A sender address that is no address is refused, in Plone's mail settings too."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from zope.globalrequest import getRequest
from zope.schema.interfaces import ValidationError

import pytest
import transaction


BAD = "ikke-en-adresse"
MESSAGE = "Skriv en e-mailadresse som navn@example.org, eller lad feltet stå tomt."
PANELS = {
    # (REST panel, Classic UI form, record)
    "plone": ("mail", "@@mail-controlpanel", "plone.email_from_address"),
    "addon": (
        "opgavegrupper-settings",
        "@@opgavegrupper-settings",
        "threeb.opgavegrupper.email_from_address",
    ),
}


def record(name):
    transaction.begin()
    # plone.registry caches values for the rest of the (test's) request.
    request = getRequest()
    if request is not None:
        request.other.pop("_plone_registry_cache", None)
    return api.portal.get_registry_record(name)


@pytest.fixture
def admin(functional_portal, request_factory):
    api.portal.set_registry_record("plone.email_from_address", "site@example.org")
    api.portal.set_registry_record("plone.email_from_name", "3B")
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


@pytest.mark.parametrize("panel", PANELS)
def test_rest_refuses_a_sender_that_is_no_address(admin, panel):
    rest, _form, name = PANELS[panel]
    before = record(name)
    response = admin.patch(f"/@controlpanels/{rest}", json={"email_from_address": BAD})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["type"], error["field"]) == ("BadRequest", "email_from_address")
    assert error["message"] == MESSAGE
    assert record(name) == before


@pytest.mark.parametrize("panel", PANELS)
def test_rest_stores_a_real_address(admin, panel):
    rest, _form, name = PANELS[panel]
    response = admin.patch(
        f"/@controlpanels/{rest}", json={"email_from_address": "besked@3b.dk"}
    )
    assert response.status_code == 204, response.text
    assert record(name) == "besked@3b.dk"


def form(functional_app, functional_portal, view):
    browser = Browser(functional_app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.addHeader("Accept-Language", "da")
    browser.open(f"{functional_portal.absolute_url()}/{view}")
    return browser


@pytest.mark.parametrize("panel", PANELS)
def test_the_form_refuses_a_sender_that_is_no_address(
    admin, functional_app, functional_portal, panel
):
    _rest, view, name = PANELS[panel]
    before = record(name)
    browser = form(functional_app, functional_portal, view)
    browser.getControl(name="form.widgets.email_from_address").value = BAD
    browser.getControl(name="form.buttons.save").click()
    assert MESSAGE in browser.contents
    assert "Ændringer gemt" not in browser.contents
    assert record(name) == before


def test_plones_form_stores_a_real_address(admin, functional_app, functional_portal):
    browser = form(functional_app, functional_portal, "@@mail-controlpanel")
    browser.getControl(name="form.widgets.email_from_address").value = "a@3b.dk"
    browser.getControl(name="form.buttons.save").click()
    # Plone's mail form says nothing on saving; it shows no error either.
    assert MESSAGE not in browser.contents
    assert record("plone.email_from_address") == "a@3b.dk"


def test_no_road_stores_it(portal):
    with pytest.raises(ValidationError):
        api.portal.set_registry_record("plone.email_from_address", BAD)
    # Empty means "not set": nothing is sent, and staff are told so.
    api.portal.set_registry_record("plone.email_from_address", "")
    assert api.portal.get_registry_record("plone.email_from_address") == ""
