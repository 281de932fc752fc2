"""The entrance, the meetings portlet and the personal menu show no English."""

from importlib.util import module_from_spec
from importlib.util import spec_from_file_location
from pathlib import Path
from plone import api
from plone.testing.zope import Browser
from zope.component.hooks import setSite

import pytest
import transaction


pytestmark = pytest.mark.slow

PASSWORD = "opgave-demo"
NEXT_MEETING = "opgavegrupper/groenne-gaarde/moede-3"


def _english_on():
    # The locales tests' reading of the catalogues, loaded by path (the tests
    # are imported with --import-mode=importlib).
    path = Path(__file__).parents[2] / "locales" / "catalogues.py"
    spec = spec_from_file_location("danish_catalogues", path)
    module = module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.english_on


english_on = _english_on()


@pytest.fixture
def danish_site(acceptance):
    portal = acceptance["portal"]
    setSite(portal)
    api.portal.set_registry_record("plone.default_language", "da")
    # A meeting ahead, so that the lists and the portlet show one.
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(
            portal.unrestrictedTraverse(NEXT_MEETING), transition="publish"
        )
    transaction.commit()
    return acceptance


@pytest.mark.parametrize(
    "user_id,path",
    [(None, ""), (None, "opgavegrupper"), ("ole", ""), ("mette", "opgavegrupper")],
)
def test_no_english(danish_site, user_id, path):
    browser = Browser(danish_site["app"])
    browser.handleErrors = False
    if user_id:
        browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    browser.addHeader("Accept-Language", "da")
    browser.open(f"{danish_site['portal'].absolute_url()}/{path}")
    assert browser.headers["status"].startswith("200")
    if path:
        assert "Kommende møder" in browser.contents
    else:
        assert "Næste møder" in browser.contents
    assert english_on(browser.contents) == {}
