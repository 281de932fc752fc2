"""Every link a board member is offered on the pages they review leads to a
page they may open, not to the login page.

The pages: a mandate waiting for the board's approval, the board member's
own record of a direct addition to a group they chair, and that group's
applications page. Each link of the page (toolbar, menus, content, footer)
is opened as the board member: it answers 200, or redirects somewhere that
answers 200, never to the login form. Links that change something
(a workflow transition, logging out) are not followed.
"""

from plone import api
from plone.testing.zope import Browser
from urllib.parse import urljoin
from zope.component.hooks import setSite

import lxml.html
import pytest


pytestmark = pytest.mark.slow

PASSWORD = "opgave-demo"
PENDING_MANDATE = "opgavegrupper/faellesskab-paa-tvaers/kommissorium"
CHAIRED_GROUP = "opgavegrupper/groenne-gaarde"
NOT_FOLLOWED = ("content_status_modify", "/logout")


@pytest.fixture
def demo(acceptance):
    setSite(acceptance["portal"])
    return acceptance


def browser_for(layer, user_id):
    browser = Browser(layer["app"])
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.addHeader("Authorization", f"Basic {user_id}:{PASSWORD}")
    browser.addHeader("Accept-Language", "da")
    return browser


def own_record(portal, user_id):
    """The path of ``user_id``'s accepted record in the chaired group."""
    catalog = api.portal.get_tool("portal_catalog")
    group = portal.unrestrictedTraverse(CHAIRED_GROUP)
    for brain in catalog.unrestrictedSearchResults(
        portal_type="Application", path="/".join(group.getPhysicalPath())
    ):
        if brain._unrestrictedGetObject().applicant == user_id:
            return f"{CHAIRED_GROUP}/{brain.getId}"
    raise AssertionError(f"no record of {user_id}")


def links(html, page_url, site_url):
    found = {}
    for anchor in lxml.html.fromstring(html).iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        url = urljoin(page_url, href).split("#", 1)[0]
        if not url.startswith(site_url) or any(part in url for part in NOT_FOLLOWED):
            continue
        found.setdefault(url, " ".join(anchor.text_content().split()))
    return found


def is_login(url):
    return "require_login" in url or "/login" in url


def answer(layer, user_id, url):
    """(final status, where it ended), following redirects that are not to
    the login page."""
    browser = browser_for(layer, user_id)
    browser.followRedirects = False
    for _step in range(5):
        browser.open(url)
        status = browser.headers["status"]
        if not status.startswith(("301", "302", "303")):
            return status, url
        url = urljoin(url, browser.headers["Location"])
        if is_login(url):
            return status, url
    return status, url


def walk(layer, user_id, path):
    site_url = layer["portal"].absolute_url()
    browser = browser_for(layer, user_id)
    browser.open(f"{site_url}/{path}")
    assert browser.headers["status"].startswith("200")
    found = links(browser.contents, browser.url, site_url)
    refused = {}
    for url, text in found.items():
        status, where = answer(layer, user_id, url)
        if not status.startswith("200"):
            refused[f"{text}: {url}"] = f"{status} {where}"
    return browser.contents, found, refused


def test_a_mandate_waiting_for_approval(demo):
    html, found, refused = walk(demo, "ole", PENDING_MANDATE)
    assert refused == {}
    # The board still approves or sends back from the menu.
    assert "workflow_action=approve" in html
    assert "workflow_action=send_back" in html
    assert not any("content_status_history" in url for url in found)


def test_the_board_member_s_own_direct_addition_record(demo):
    path = own_record(demo["portal"], "ole")
    _html, found, refused = walk(demo, "ole", path)
    assert refused == {}
    assert not any("historyview" in url for url in found)
    assert not any("object_rename" in url for url in found)


def test_the_applications_page_of_a_group_the_board_member_chairs(demo):
    _html, found, refused = walk(demo, "ole", f"{CHAIRED_GROUP}/@@manage-applications")
    assert refused == {}
    assert not any("add-member" in url for url in found)


def test_staff_keep_the_links_they_may_follow(demo):
    html, found, refused = walk(demo, "mette", f"{CHAIRED_GROUP}/@@manage-applications")
    assert refused == {}
    assert any(url.endswith("/@@add-member") for url in found)
    site_url = demo["portal"].absolute_url()
    browser = browser_for(demo, "mette")
    browser.open(f"{site_url}/opgavegrupper/energi-i-opgangene/kommissorium")
    # Staff may edit a draft mandate: its "Advanced…" page is theirs.
    assert "content_status_history" in browser.contents
