"""Each page and form of the add-on, rendered in Danish, shows no English.

What counts as English is read from the catalogues themselves (catalogues.py):
a text on the page that is the English text of a message of any installed
domain (plone, z3c.form, zope, the datagrid, ...) without a Danish
translation. So a new untranslated widget, portlet or validation message
fails here without anyone listing its words.
"""

from importlib.util import module_from_spec
from importlib.util import spec_from_file_location
from pathlib import Path
from plone import api
from plone.testing.zope import Browser
from zope.component.hooks import setSite

import pytest
import transaction


pytestmark = pytest.mark.slow


def _catalogues():
    # The tests are imported with --import-mode=importlib: no folder of
    # theirs is on sys.path, so the helper beside this file is loaded by path.
    spec = spec_from_file_location(
        "danish_catalogues", Path(__file__).with_name("catalogues.py")
    )
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogues = _catalogues()
english_on = catalogues.english_on
untranslated_english = catalogues.untranslated_english

PASSWORD = "opgave-demo"
ACTIVE = "opgavegrupper/groenne-gaarde"
RECRUITING = "opgavegrupper/faellesskab-paa-tvaers"
DECIDED = f"{ACTIVE}/vild-natur-i-en-tredjedel-af-gardene"

PAGES = [
    (None, "opgavegrupper"),
    (None, ACTIVE),
    (None, RECRUITING),
    (None, f"{ACTIVE}/kommissorium"),
    (None, f"{ACTIVE}/moede-1"),
    (None, DECIDED),
    (None, f"{ACTIVE}/@@roster"),
    (None, "opgavegrupper/@@aarshjul"),
    ("jens", ACTIVE),
    ("jens", f"{RECRUITING}/@@apply"),
    ("jens", "@@mine-opgavegrupper"),
    ("mette", f"{RECRUITING}/@@manage-applications"),
    ("mette", f"{RECRUITING}/@@add-member"),
    ("mette", f"{ACTIVE}/@@sharing"),
    ("mette", f"{ACTIVE}/edit"),
    ("mette", "opgavegrupper/++add++TaskGroup"),
    ("mette", "opgavegrupper/energi-i-opgangene/kommissorium/edit"),
    ("ole", f"{ACTIVE}/++add++Meeting"),
    ("ole", f"{ACTIVE}/moede-1/edit"),
    ("ole", f"{ACTIVE}/++add++Recommendation"),
    ("fatima", "opgavegrupper/klar-tale/sms-for-varsling/edit"),
    ("ole", "@@board-desk"),
    ("ole", "@@participation-dashboard"),
    # Plone's own pages a resident meets (issue #12).
    ("jens", "@@personal-information"),
    ("jens", "@@change-password"),
    (None, "mail_password_form"),
    # The way to signing up: the login page, its help, the dashboard.
    (None, "login"),
    (None, "@@login-help"),
    ("jens", "dashboard"),
    (None, "@@register"),
]
# A resident's own document in their group: its state and address pages.
OWN_DOCUMENT = f"{ACTIVE}/jens-notat"
OWN_PAGES = ["", "/edit", "/content_status_history", "/@@manage-aliases"]


@pytest.fixture
def danish_site(acceptance):
    setSite(acceptance["portal"])
    api.portal.set_registry_record("plone.default_language", "da")
    # As the demo site is made (scripts/create_site.py): Danish only.
    api.portal.set_registry_record("plone.available_languages", ["da"])
    transaction.commit()
    return acceptance


def browser_for(layer, user_id):
    browser = Browser(layer["app"])
    browser.handleErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    browser.addHeader("Accept-Language", "da")
    return browser


def test_the_catalogues_know_english_without_danish():
    """The check is not empty: Plone has English messages without Danish, and
    those the add-on translates are not among them."""
    missing = untranslated_english()
    assert "Upcoming Events" not in missing  # the add-on's plone.po
    assert "Add row" not in missing  # the add-on's datagrid catalogue
    assert "Required input is missing." not in missing  # the add-on's zope.po
    assert len(missing) > 100


@pytest.mark.parametrize(
    "user_id,path", PAGES, ids=[f"{user or 'anonymous'}:{path}" for user, path in PAGES]
)
def test_page_shows_no_english(danish_site, user_id, path):
    portal_url = danish_site["portal"].absolute_url()
    browser = browser_for(danish_site, user_id)
    browser.open(f"{portal_url}/{path}")
    assert browser.headers["status"].startswith("200"), browser.headers["status"]
    assert english_on(browser.contents) == {}


def test_validation_messages_are_danish(danish_site):
    """A form sent with a missing title and an overlong text: zope.schema's
    messages and Plone's error heading in Danish."""
    portal_url = danish_site["portal"].absolute_url()
    browser = browser_for(danish_site, "ole")
    browser.open(f"{portal_url}/{ACTIVE}/++add++Meeting")
    browser.getControl(name="form.buttons.save").click()
    assert "Feltet skal udfyldes." in browser.contents
    assert english_on(browser.contents) == {}

    browser = browser_for(danish_site, "jens")
    browser.open(f"{portal_url}/{RECRUITING}/@@apply")
    browser.getControl(name="form.widgets.motivation").value = "x" * 1001
    browser.getControl(name="form.buttons.apply").click()
    assert english_on(browser.contents) == {}


@pytest.fixture
def own_document(danish_site):
    with api.env.adopt_user(username="jens"):
        api.content.create(
            container=danish_site["portal"].unrestrictedTraverse(ACTIVE),
            type="Document",
            id="jens-notat",
            title="Jens' notat",
        )
    transaction.commit()
    return f"{danish_site['portal'].absolute_url()}/{OWN_DOCUMENT}"


@pytest.mark.parametrize("page", OWN_PAGES)
def test_a_resident_s_own_document_shows_no_english(danish_site, own_document, page):
    browser = browser_for(danish_site, "jens")
    browser.open(own_document + page)
    assert browser.headers["status"].startswith("200"), browser.headers["status"]
    assert english_on(browser.contents) == {}


def status_messages(html):
    """The text of each status message, as it is read (an SVG's title too)."""
    from lxml import html as lxml_html

    document = lxml_html.fromstring(html)
    return [
        " ".join(div.text_content().split())
        for div in document.xpath('//div[contains(@class, "portalMessage")]')
    ]


def test_setting_a_password_is_danish(danish_site):
    """The page of the mailed link (after registration or a reset) and the
    message on the page after it: Danish, the kind of message said once."""
    portal = danish_site["portal"]
    reset = api.portal.get_tool("portal_password_reset").requestReset("jens")
    transaction.commit()
    browser = browser_for(danish_site, None)
    browser.open(f"{portal.absolute_url()}/passwordreset/{reset['randomstring']}")
    assert "Vælg din adgangskode" in browser.contents
    assert english_on(browser.contents) == {}

    browser.getControl(name="userid").value = "jens"
    browser.getControl(name="password").value = "et-nyt-kodeord"
    browser.getControl(name="password2").value = "et-nyt-kodeord"
    browser.getForm(name="pwreset_action").submit()
    assert english_on(browser.contents) == {}
    assert status_messages(browser.contents) == [
        "Info: Din adgangskode er gemt, og du er logget ind."
    ]


def test_the_password_rule_is_one_danish_sentence(danish_site):
    portal_url = danish_site["portal"].absolute_url()
    browser = browser_for(danish_site, "jens")
    browser.open(f"{portal_url}/@@change-password")
    assert (
        "Indtast din nye adgangskode. Din adgangskode skal have mindst 8 tegn."
        in catalogues.visible_texts(browser.contents)
    )


def test_saving_personal_information_says_info_once(danish_site):
    portal_url = danish_site["portal"].absolute_url()
    browser = browser_for(danish_site, "jens")
    browser.open(f"{portal_url}/@@personal-information")
    browser.getControl(name="form.widgets.location").value = "Tingbjerg"
    browser.getControl(name="form.buttons.save").click()
    assert english_on(browser.contents) == {}
    assert status_messages(browser.contents) == ["Info: Ændringer gemt"]
