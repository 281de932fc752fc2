"""Settings through @controlpanels and the Classic UI form: limits, JSON types
and the vocabularies content uses; a 400 (or form error) naming the field,
nothing stored."""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.testing.zope import Browser
from zope.globalrequest import getRequest

import pytest
import transaction


PREFIX = "threeb.opgavegrupper"
PANEL = "/@controlpanels/opgavegrupper-settings"


@pytest.fixture
def admin(functional_portal, request_factory):
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


def record(name):
    transaction.begin()
    # plone.registry caches values for the rest of the (test's) request.
    request = getRequest()
    if request is not None:
        request.other.pop("_plone_registry_cache", None)
    return api.portal.get_registry_record(f"{PREFIX}.{name}")


BAD = [
    ("public_transparency", "maybe"),
    ("public_transparency", "yes"),
    ("public_transparency", "1"),
    ("public_transparency", 1),
    ("public_transparency", None),
    ("retention_days", 10**20),
    ("retention_days", 3651),
    ("retention_days", -1),
    ("retention_days", "30"),
    ("retention_days", True),
    ("email_from_address", "not an email"),
    ("email_from_address", "a@b"),
    ("email_from_address", 5),
    ("organisation_name", "x" * 201),
    ("organisation_name", ""),
    ("themes", []),
    ("themes", "Udlejning"),
    ("themes", [1]),
    ("themes", None),
    ("themes", ["x" * 101]),
    ("departments", []),
    ("departments", {"a": 1}),
    ("no_such_setting", 1),
]


@pytest.mark.parametrize("name,value", BAD)
def test_bad_value_is_refused_naming_the_field(admin, name, value):
    before = {n: record(n) for n, _value in BAD if n != "no_such_setting"}
    response = admin.patch(PANEL, json={name: value})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == name
    assert error["message"]
    assert {n: record(n) for n in before} == before


def test_a_bad_value_stores_none_of_the_good_ones(admin):
    response = admin.patch(
        PANEL, json={"retention_days": 30, "public_transparency": "no"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "public_transparency"
    assert record("retention_days") == 180
    assert record("public_transparency") is True


def test_good_values_are_stored(admin):
    response = admin.patch(
        PANEL,
        json={
            "public_transparency": False,
            "retention_days": 3650,
            "email_from_address": "opgavegrupper@3b.dk",
            "themes": ["Udlejning", "Nyt tema"],
            "organisation_name": "3B",
        },
    )
    assert response.status_code == 204, response.text
    assert record("public_transparency") is False
    assert record("retention_days") == 3650
    assert record("email_from_address") == "opgavegrupper@3b.dk"
    assert record("themes") == ["Udlejning", "Nyt tema"]
    assert admin.patch(PANEL, json={"email_from_address": ""}).status_code == 204


def test_limits_are_in_the_schema(admin):
    schema = admin.get(PANEL).json()["schema"]["properties"]
    assert schema["retention_days"]["maximum"] == 3650
    assert schema["retention_days"]["minimum"] == 0
    assert schema["organisation_name"]["maxLength"] == 200
    assert schema["themes"]["minItems"] == 1


@pytest.fixture
def used(functional_portal):
    """A group on "Udlejning" in Tingbjerg, an application from Hvidovre."""
    make_people()
    group = make_group(functional_portal, state="draft")
    group.departments = ["Tingbjerg"]
    group.reindexObject()
    with api.env.adopt_roles(["Manager"]):
        application = api.content.create(
            group, "Application", id="ansoegning", constituency="resident"
        )
    application.department = "Hvidovre"
    application.reindexObject()
    transaction.commit()


def test_theme_a_group_uses_cannot_be_removed(admin, used):
    themes = [t for t in record("themes") if t != "Udlejning"]
    response = admin.patch(PANEL, json={"themes": themes})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "themes"
    assert "Udlejning" in response.json()["error"]["message"]
    assert "Udlejning" in record("themes")


def test_theme_nobody_uses_can_be_removed(admin, used):
    themes = [t for t in record("themes") if t != "Økonomi"]
    assert admin.patch(PANEL, json={"themes": themes}).status_code == 204
    assert record("themes") == themes


@pytest.mark.parametrize("department", ["Tingbjerg", "Hvidovre"])
def test_department_in_use_cannot_be_removed(admin, used, department):
    departments = [d for d in record("departments") if d != department]
    response = admin.patch(PANEL, json={"departments": departments})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "departments"
    assert department in response.json()["error"]["message"]
    assert department in record("departments")


def test_department_nobody_uses_can_be_removed(admin, used):
    departments = [d for d in record("departments") if d != "Bellahøj"]
    assert admin.patch(PANEL, json={"departments": departments}).status_code == 204
    assert record("departments") == departments


def settings_form(app, portal):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    browser.open(portal.absolute_url() + "/@@opgavegrupper-settings")
    return browser


@pytest.mark.parametrize(
    "name,value,message",
    [
        ("email_from_address", "not an email", "name@example.org"),
        ("retention_days", "100000", "Value is too big"),
        ("themes", "", "Required input is missing"),
    ],
)
def test_form_refuses_bad_value(
    functional_app, functional_portal, name, value, message
):
    browser = settings_form(functional_app, functional_portal)
    before = record(name)
    browser.getControl(name=f"form.widgets.{name}").value = value
    browser.getControl(name="form.buttons.save").click()
    assert message in browser.contents
    assert record(name) == before


def test_form_refuses_removing_a_used_theme(functional_app, functional_portal, used):
    browser = settings_form(functional_app, functional_portal)
    themes = [t for t in record("themes") if t != "Udlejning"]
    browser.getControl(name="form.widgets.themes").value = "\n".join(themes)
    browser.getControl(name="form.buttons.save").click()
    assert "cannot be removed: Udlejning" in browser.contents
    assert "Udlejning" in record("themes")


def test_form_stores_good_values(functional_app, functional_portal):
    browser = settings_form(functional_app, functional_portal)
    browser.getControl(name="form.widgets.email_from_address").value = "a@3b.dk"
    browser.getControl(name="form.widgets.retention_days").value = "365"
    browser.getControl(name="form.buttons.save").click()
    assert record("email_from_address") == "a@3b.dk"
    assert record("retention_days") == 365


@pytest.mark.parametrize("method", ["GET", "PATCH", "POST", "DELETE"])
def test_an_unknown_control_panel_is_404_naming_it(admin, method):
    response = admin.request(
        method, "/@controlpanels/mail-controlpanel/x", json={"a": 1}
    )
    assert response.status_code == 404
    assert "mail-controlpanel" in response.json()["error"]["message"]


def test_a_known_control_panel_still_answers(admin):
    response = admin.get("/@controlpanels/mail")
    assert response.status_code == 200
    assert response.json()["title"]
