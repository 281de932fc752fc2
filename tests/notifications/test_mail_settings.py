"""A sender address that is no address is refused, in Plone's mail settings too."""

from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from threeb.opgavegrupper.notifications.mails import sender
from zope.globalrequest import getRequest
from zope.schema.interfaces import ValidationError

import pytest
import transaction


BAD = "ikke-en-adresse"
MESSAGE = "Skriv en e-mailadresse som navn@example.org, eller lad feltet stå tomt."
# Plone's sender is required: leaving it empty is no way out there.
REQUIRED_MESSAGE = "Skriv en e-mailadresse som navn@example.org."
PANELS = {
    # (REST panel, Classic UI form, record)
    "plone": ("mail", "@@mail-controlpanel", "plone.email_from_address"),
    "addon": (
        "opgavegrupper-settings",
        "@@opgavegrupper-settings",
        "threeb.opgavegrupper.email_from_address",
    ),
}
MESSAGES = {"plone": REQUIRED_MESSAGE, "addon": MESSAGE}


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
    assert error["message"] == MESSAGES[panel]
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
    assert MESSAGES[panel] in browser.contents
    assert "Ændringer gemt" not in browser.contents
    assert record(name) == before


def test_plones_form_stores_a_real_address(admin, functional_app, functional_portal):
    browser = form(functional_app, functional_portal, "@@mail-controlpanel")
    browser.getControl(name="form.widgets.email_from_address").value = "a@3b.dk"
    browser.getControl(name="form.buttons.save").click()
    # Plone's mail form says nothing on saving; it shows no error either.
    assert REQUIRED_MESSAGE not in browser.contents
    assert record("plone.email_from_address") == "a@3b.dk"


def test_no_road_stores_it(portal):
    with pytest.raises(ValidationError):
        api.portal.set_registry_record("plone.email_from_address", BAD)
    # Empty means "not set": nothing is sent, and staff are told so.
    api.portal.set_registry_record("plone.email_from_address", "")
    assert api.portal.get_registry_record("plone.email_from_address") == ""


# Not a bare address: a name or angle brackets (went out as "From: <>" with
# an empty envelope sender), a list, spaces, non-ASCII, no dot in the domain.
NOT_ADDRESSES = [
    "<x@y.dk>",
    "3B <x@y.dk>",
    "a@3b.dk, b@3b.dk",
    "a b@3b.dk",
    "ø@3b.dk",
    "a@3b",
    "a@.dk",
    "a@@3b.dk",
]


def expected_message(panel, value):
    if panel == "plone" and not value.isascii():
        # Plone's field takes ASCII only; it refuses before the add-on looks.
        return "Ugyldig værdi"
    return MESSAGES[panel]


@pytest.mark.parametrize("value", NOT_ADDRESSES)
@pytest.mark.parametrize("panel", PANELS)
def test_rest_refuses_what_is_no_bare_address(admin, panel, value):
    rest, _form, name = PANELS[panel]
    before = record(name)
    response = admin.patch(
        f"/@controlpanels/{rest}", json={"email_from_address": value}
    )
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["field"], error["message"]) == (
        "email_from_address",
        expected_message(panel, value),
    )
    assert record(name) == before


@pytest.mark.parametrize("value", ["<x@y.dk>", "ø@3b.dk"])
@pytest.mark.parametrize("panel", PANELS)
def test_the_form_refuses_what_is_no_bare_address(
    admin, functional_app, functional_portal, panel, value
):
    _rest, view, name = PANELS[panel]
    before = record(name)
    browser = form(functional_app, functional_portal, view)
    browser.getControl(name="form.widgets.email_from_address").value = value
    browser.getControl(name="form.buttons.save").click()
    assert expected_message(panel, value) in browser.contents
    assert record(name) == before


@pytest.mark.parametrize("value", ["", BAD])
def test_registry_refuses_a_sender_that_is_no_address(admin, value):
    response = admin.patch("/@registry", json={"plone.email_from_address": value})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == "plone.email_from_address"
    assert record("plone.email_from_address") == "site@example.org"


def test_plones_sender_cannot_be_cleared_over_rest(admin):
    response = admin.patch("/@controlpanels/mail", json={"email_from_address": ""})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["field"], error["message"]) == (
        "email_from_address",
        REQUIRED_MESSAGE,
    )
    assert record("plone.email_from_address") == "site@example.org"


def test_plones_form_refuses_an_empty_sender(admin, functional_app, functional_portal):
    browser = form(functional_app, functional_portal, "@@mail-controlpanel")
    browser.getControl(name="form.widgets.email_from_address").value = ""
    browser.getControl(name="form.buttons.save").click()
    assert "Feltet skal udfyldes." in browser.contents
    assert record("plone.email_from_address") == "site@example.org"


@pytest.mark.parametrize("empty", ["", None])
def test_the_addon_s_settings_go_back_as_they_came(admin, empty):
    """GET the add-on's settings and PATCH the same data back: a 204."""
    panel = "/@controlpanels/opgavegrupper-settings"
    assert admin.patch(panel, json={"email_from_address": empty}).status_code == 204
    data = admin.get(panel).json()["data"]
    assert not data["email_from_address"]
    response = admin.patch(panel, json=data)
    assert response.status_code == 204, response.text
    assert not record("threeb.opgavegrupper.email_from_address")


def test_a_stored_sender_that_is_no_address_is_not_used(portal):
    """Stored before the check: the site's own address is used instead."""
    api.portal.set_registry_record("plone.email_from_address", "site@example.org")
    api.portal.set_registry_record("plone.email_from_name", "3B")
    # As an old site holds it: past the field's check.
    registry = api.portal.get_tool("portal_registry")
    registry.records._values["threeb.opgavegrupper.email_from_address"] = "<x@y.dk>"
    assert sender() == "3B <site@example.org>"
