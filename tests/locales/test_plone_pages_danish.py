"""Plone's own pages reached from every page's footer and toolbar, in Danish.

The footer's signature, the accessibility page, the contact form, the lock
message and the no-permission page showed English on the Danish demo site
(issue #12): texts Plone's Danish catalogue leaves fuzzy or empty (the
add-on's plone.po gives them) or gives in English (the add-on's templates
on its layer say them in its own words: browser/plone_ui/texts.zcml).
"""

from importlib.util import module_from_spec
from importlib.util import spec_from_file_location
from pathlib import Path
from plone import api
from plone.locking.interfaces import ILockable
from plone.testing.zope import Browser
from zope.component.hooks import setSite

import pytest
import transaction


pytestmark = pytest.mark.slow

PASSWORD = "opgave-demo"
MEETING = "opgavegrupper/groenne-gaarde/moede-1"


def _catalogues():
    # Loaded by path: the tests are imported with --import-mode=importlib.
    spec = spec_from_file_location(
        "danish_catalogues", Path(__file__).with_name("catalogues.py")
    )
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogues = _catalogues()


@pytest.fixture
def danish_site(acceptance):
    setSite(acceptance["portal"])
    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.available_languages", ["da"])
    # The contact form shows only where the site can send mail.
    api.portal.set_registry_record("plone.email_from_address", "info@example.org")
    api.portal.set_registry_record("plone.smtp_host", "localhost")
    transaction.commit()
    return acceptance


def open_page(layer, path, user_id=None):
    browser = Browser(layer["app"])
    # Refused, Plone sends the person on to its no-permission page.
    browser.handleErrors = True
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    browser.addHeader("Accept-Language", "da")
    browser.open(f"{layer['portal'].absolute_url()}/{path}")
    assert browser.headers["status"] == "200 OK"
    return browser.contents


def texts(html):
    return " ".join(catalogues.visible_texts(html))


def text_of(html, element_id):
    """The words of one element, as a sentence reads across its links."""
    from lxml import html as lxml_html

    (element,) = lxml_html.fromstring(html).xpath(f'//*[@id="{element_id}"]')
    return " ".join(element.text_content().split())


def test_footer_names_plone_in_danish(danish_site):
    html = open_page(danish_site, "")
    assert "Open Source Content Management System" not in html
    assert (
        "Plone® open source-system til indholdsstyring er et registreret varemærke"
    ) in text_of(html, "portal-footer")


def test_accessibility_page_is_danish(danish_site):
    html = open_page(danish_site, "accessibility-info")
    assert catalogues.english_on(html) == {}
    text = text_of(html, "content") + " " + texts(html)
    for english in (
        "This site uses the open source Content Management System",
        "It is also accessible to content authors",
        "A number of checkpoints",
        "Voluntary Product Accessibility Template",
        "about VPAT",
    ):
        assert english not in text
    assert "Dette site bruger open source-systemet" in text
    assert "Plones tilgængelighedserklæring (VPAT)" in text


def test_contact_form_is_danish(danish_site):
    html = open_page(danish_site, "contact-info")
    assert "Skriv dit fulde navn." in texts(html)
    assert catalogues.english_on(html) == {}
    for english in ("Please enter your full name.", "Please enter your e-mail"):
        assert english not in html


def test_contact_forms_refusal_of_an_address_is_danish(danish_site):
    browser = Browser(danish_site["app"])
    browser.handleErrors = True
    browser.addHeader("Accept-Language", "da")
    browser.open(f"{danish_site['portal'].absolute_url()}/contact-info")
    browser.getControl(name="form.widgets.sender_fullname").value = "Test Person"
    browser.getControl(name="form.widgets.sender_from_address").value = "no-address"
    browser.getControl(name="form.widgets.subject").value = "Et emne"
    browser.getControl(name="form.widgets.message").value = "En besked."
    browser.getControl(name="form.buttons.send").click()
    assert "Den angivne e-mailadresse er ikke gyldig." in texts(browser.contents)
    assert "The specified email is not valid." not in browser.contents


@pytest.fixture
def locked_meeting(danish_site):
    meeting = danish_site["portal"].unrestrictedTraverse(MEETING)
    with api.env.adopt_user(username="mette"):
        ILockable(meeting).lock()
    transaction.commit()
    return meeting


def test_lock_message_is_one_danish_sentence(danish_site, locked_meeting):
    html = open_page(danish_site, MEETING, user_id="ole")
    text = text_of(html, "plone-lock-status")
    assert "Dette indhold blev låst af Mette Holm for " in text
    assert " siden." in text
    assert "ago" not in text.split()
    assert "ago." not in text
    # Whole without the button's name; the button follows the sentence.
    assert (
        "Hvis du er sikker på, at personen ikke længere arbejder med indholdet, "
        "kan du låse det op og derefter redigere det."
    ) in text
    assert "objektets ." not in text
    assert 'value="Lås op"' in html
    assert catalogues.english_on(html) == {}


def test_no_permission_page_names_the_site_administration_in_danish(danish_site):
    html = open_page(danish_site, "@@board-desk", user_id="jens")
    text = text_of(html, "content")
    assert "Site administration" not in text
    assert "send venligst en mail til sitets administration." in text
