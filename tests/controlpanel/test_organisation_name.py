"""A change of the organisation's name reaches the site's title, the logo's
alt text and the drawn logo: on the Classic control panel, through
PATCH @controlpanels and PATCH @registry."""

from lxml import html as lxml_html
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.formwidget.namedfile.converter import b64decode_file
from plone.formwidget.namedfile.converter import b64encode_file
from plone.testing.zope import Browser
from zope.globalrequest import getRequest

import pytest
import transaction


RECORD = "threeb.opgavegrupper.organisation_name"
NEW_NAME = "Boligselskabet Nord & Syd"
UPLOADED = b64encode_file("eget.png", b"\x89PNG own logo")


def registry_value(name):
    transaction.begin()
    # plone.registry caches values for the rest of the (test's) request.
    request = getRequest()
    if request is not None:
        request.other.pop("_plone_registry_cache", None)
    return api.portal.get_registry_record(name)


@pytest.fixture
def site(functional_portal):
    """A site as the demo profile leaves it: title and drawn logo from the
    organisation's name."""
    from threeb.opgavegrupper.setuphandlers import frontpage

    frontpage.set_title(functional_portal)
    frontpage.set_logo()
    transaction.commit()
    return functional_portal


@pytest.fixture
def admin(site, request_factory):
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


def browser_for(app):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def seen_name(app, portal):
    """(the page's <title>, the logo's alt text, the served logo's text)."""
    browser = browser_for(app)
    browser.open(portal.absolute_url())
    page = lxml_html.fromstring(browser.contents)
    title = page.findtext(".//title")
    (logo,) = page.xpath('//a[@id="portal-logo"]/img')
    browser.open(logo.get("src"))
    svg = browser.contents
    return title, logo.get("alt"), svg.decode() if isinstance(svg, bytes) else svg


def logo_data():
    return b64decode_file(registry_value("plone.site_logo"))[1]


def test_the_demo_site_starts_with_the_name(functional_app, site):
    title, alt, svg = seen_name(functional_app, site)
    assert "Boligforeningen 3B" in title
    assert alt == "Boligforeningen 3B"
    assert "Boligforeningen" in svg
    assert "Drawn by threeb.opgavegrupper" in svg


def test_the_classic_control_panel(functional_app, site):
    browser = browser_for(functional_app)
    browser.open(site.absolute_url() + "/@@opgavegrupper-settings")
    browser.getControl(name="form.widgets.organisation_name").value = NEW_NAME
    browser.getControl(name="form.buttons.save").click()
    assert registry_value(RECORD) == NEW_NAME
    title, alt, svg = seen_name(functional_app, site)
    assert NEW_NAME in title
    assert "Boligforeningen" not in title
    assert alt == NEW_NAME
    # The name is text of the SVG, escaped as XML wants it.
    assert "Boligselskabet Nord &amp;" in svg
    assert "Boligforeningen" not in svg
    assert site.Title() == NEW_NAME


def test_patch_controlpanels(functional_app, site, admin):
    response = admin.patch(
        "/@controlpanels/opgavegrupper-settings", json={"organisation_name": NEW_NAME}
    )
    assert response.status_code == 204
    assert registry_value("plone.site_title") == NEW_NAME
    assert b"Boligselskabet Nord &amp; Syd" in logo_data()
    title, alt, _svg = seen_name(functional_app, site)
    assert NEW_NAME in title
    assert alt == NEW_NAME


def test_patch_registry(functional_app, site, admin):
    response = admin.patch("/@registry", json={RECORD: NEW_NAME})
    assert response.status_code == 204
    assert registry_value("plone.site_title") == NEW_NAME
    assert b"Boligselskabet Nord &amp; Syd" in logo_data()
    title, alt, _svg = seen_name(functional_app, site)
    assert NEW_NAME in title
    assert alt == NEW_NAME


def test_an_uploaded_logo_is_kept(site, admin):
    api.portal.set_registry_record("plone.site_logo", UPLOADED)
    transaction.commit()
    response = admin.patch("/@registry", json={RECORD: NEW_NAME})
    assert response.status_code == 204
    assert registry_value("plone.site_logo") == UPLOADED
    assert registry_value("plone.site_title") == NEW_NAME


def test_the_demo_s_first_logo_is_redrawn(site, admin):
    """A site from before the drawn logo still has the demo's file."""
    from threeb.opgavegrupper.controlpanel.organisation import FIRST_LOGO

    first = b64encode_file("logo.svg", FIRST_LOGO.read_bytes())
    api.portal.set_registry_record("plone.site_logo", first)
    transaction.commit()
    assert admin.patch("/@registry", json={RECORD: NEW_NAME}).status_code == 204
    assert b"Boligselskabet Nord &amp; Syd" in logo_data()


def test_saving_the_same_name_keeps_a_title_set_by_hand(site, admin):
    api.portal.set_registry_record("plone.site_title", "Vores intranet")
    transaction.commit()
    response = admin.patch(
        "/@controlpanels/opgavegrupper-settings",
        json={"organisation_name": "Boligforeningen 3B"},
    )
    assert response.status_code == 204
    assert registry_value("plone.site_title") == "Vores intranet"


def test_an_empty_name_is_refused_and_changes_nothing(site, admin):
    response = admin.patch(
        "/@controlpanels/opgavegrupper-settings", json={"organisation_name": ""}
    )
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "BadRequest"
    assert registry_value("plone.site_title") == "Boligforeningen 3B"


@pytest.mark.parametrize(
    "path,body",
    [
        ("/@controlpanels/opgavegrupper-settings", {"organisation_name": "   "}),
        ("/@registry", {RECORD: "   "}),
        ("/@registry", {RECORD: "\t\u00a0"}),
    ],
)
def test_a_name_of_spaces_is_refused_on_every_road(site, admin, path, body):
    response = admin.patch(path, json=body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["message"] == "Enter the organisation's name."
    assert error["field"] in ("organisation_name", RECORD)
    assert registry_value(RECORD) == "Boligforeningen 3B"
    assert registry_value("plone.site_title") == "Boligforeningen 3B"


def test_the_logo_escapes_the_name():
    from threeb.opgavegrupper.controlpanel.organisation import logo_svg

    svg = logo_svg('A <b> & "C"')
    root = lxml_html.etree.fromstring(svg)
    assert root.get("aria-label") == 'A <b> & "C"'
    texts = [el.text for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["A <b> &", '"C"']
