"""The group's page offers sign-up, follow and the roster."""

from .test_story_browser import browser_for
from .test_story_browser import group  # noqa: F401 -- the fixture
from plone.testing.zope import Browser

import transaction


def test_anonymous_sees_sign_up_and_roster(functional_app, group):  # noqa: F811
    browser = Browser(functional_app)
    browser.open(group.absolute_url())
    assert "Sign up for this group" in browser.contents
    assert "Follow this group" not in browser.contents
    assert "participation-heading" in browser.contents
    browser.getLink("Sign up for this group").click()
    assert "login" in browser.url


def test_resident_follows_from_the_page(functional_app, group):  # noqa: F811
    browser = browser_for(functional_app, "resident1")
    browser.open(group.absolute_url())
    browser.getControl("Follow this group").click()
    assert "You now follow this group." in browser.contents
    assert "Stop following" in browser.contents
    transaction.begin()
    from threeb.opgavegrupper.participation import following

    assert following.is_following(group, "resident1")


def test_staff_see_the_applications_link(functional_app, group):  # noqa: F811
    browser = browser_for(functional_app, "staff1")
    browser.open(group.absolute_url())
    browser.getLink("Applications").click()
    assert "@@manage-applications" in browser.url
