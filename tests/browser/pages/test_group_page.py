"""The group's page: challenge, facts and the trail, as each visitor may see it."""

from .conftest import browser_for
from plone import api

import transaction


def test_anonymous_sees_trail_with_decision_and_minority(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    page = browser.contents
    assert "Vaskeriet er altid optaget." in page
    assert "Hver anden tirsdag kl. 17" in page
    assert "Kommissorium for vaskeriet" in page
    assert "Hvordan booker vi tider?" in page
    assert "Møde 10. februar" in page
    assert "moede-1#minutes" in page
    assert "10 February 2026 at 17:00" in page
    assert "Bestyrelsen vedtager online booking." in page
    assert "Mindretallet ønsker papirlister." in page
    assert 'aria-valuenow="40"' in page
    assert "System valgt" in page
    # The trail is an ordered list: the mandate before the meeting before the
    # recommendation.
    assert (
        page.index("Kommissorium for vaskeriet")
        < page.index("Møde 10. februar")
        < page.index("Online booking")
    )


def test_anonymous_does_not_see_internal_items(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    assert "Hemmelig kladde" not in browser.contents
    assert "Møde 24. februar" not in browser.contents


def test_anonymous_sees_contact_name_not_address(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    assert "Staff1 Hansen" in browser.contents
    assert "staff1@example.org" not in browser.contents


def test_resident_outside_the_group_sees_no_address(functional_app, trail_group):
    browser = browser_for(functional_app, "resident1")
    browser.open(trail_group.absolute_url())
    assert "Staff1 Hansen" in browser.contents
    assert "staff1@example.org" not in browser.contents
    assert "Hemmelig kladde" not in browser.contents


def test_chair_sees_internal_items_and_address(functional_app, trail_group):
    browser = browser_for(functional_app, "chair1")
    browser.open(trail_group.absolute_url())
    assert "Hemmelig kladde" in browser.contents
    assert "Møde 24. februar" in browser.contents
    assert "mailto:staff1@example.org" in browser.contents


def test_state_titles_in_the_site_language(functional_app, trail_group):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    # Workflow state titles come from the `plone` domain's Danish catalogue.
    assert "Vedtaget" in browser.contents
    assert "Adopted" not in browser.contents
