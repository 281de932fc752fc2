"""The views of mandate, meeting and recommendation, and the default views."""

from .conftest import browser_for
from plone import api

import pytest
import re


@pytest.mark.parametrize(
    ("portal_type", "view"),
    [
        ("TaskGroupFolder", "overview"),
        ("TaskGroup", "taskgroup-view"),
        ("Mandate", "mandate-view"),
        ("Meeting", "meeting-view"),
        ("Recommendation", "recommendation-view"),
    ],
)
def test_default_views(functional_portal, portal_type, view):
    fti = api.portal.get_tool("portal_types")[portal_type]
    assert fti.default_view == view
    assert view in fti.view_methods


def test_mandate_view(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.open(trail_group["kommissorium"].absolute_url())
    page = browser.contents
    assert "Find bedre regler." in page
    assert "<li>Hvad koster det?</li>" in page
    assert "Første udkast" in page
    assert "150.000" in page
    assert "Recommends to the organisation board" in page
    assert "Approved on" in page


def test_meeting_view_with_time_zone(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.open(trail_group["moede-1"].absolute_url())
    page = browser.contents
    assert 'datetime="2026-02-10T17:00:00+01:00"' in page
    assert "(CET)" in page
    # The wall-clock time in Copenhagen, not the server's zone.
    assert ">10 February 2026 at 17:00</time>" in page
    # It ends the same day: the end is a time alone.
    assert ">19:00</time>" in page
    assert "Fælleshuset" in page
    assert "Dagsorden: tider" in page
    assert 'id="minutes"' in page
    assert "Referat: vi blev enige" in page
    assert "<li>Resident1 Hansen</li>" in page


def test_internal_meeting_is_not_for_anonymous(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.handleErrors = True
    browser.raiseHttpErrors = False
    browser.open(trail_group["moede-2"].absolute_url())
    assert "Referat: vi blev enige" not in browser.contents


def test_recommendation_view(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.open(trail_group["booking"].absolute_url())
    page = browser.contents
    assert "Indfør online booking." in page
    assert "Koster 20.000 kr." in page
    assert "<li>Hvordan booker vi tider?</li>" in page
    assert 'class="opgavegrupper-minority"' in page
    assert "Mindretallet ønsker papirlister." in page
    assert "Bestyrelsen vedtager online booking." in page
    assert 'datetime="2026-05-12"' in page
    assert 'aria-valuenow="40"' in page
    assert "System valgt" in page


def test_draft_recommendation_has_no_decision_section(functional_app, trail_group):
    browser = browser_for(functional_app, "chair1")
    browser.open(trail_group["kladde"].absolute_url())
    assert "Hemmelig kladde" in browser.contents
    assert "The board's decision" not in browser.contents
    assert "Implementation progress" not in browser.contents


def test_pages_load_their_stylesheet(functional_app, trail_group):
    browser = browser_for(functional_app)
    browser.open(trail_group.absolute_url())
    # From the resource registry's bundle (profiles/default/registry), once.
    (href,) = re.findall(
        r'<link data-bundle="threeb-opgavegrupper" href="([^"]+)"', browser.contents
    )
    assert href.endswith("/++resource++threeb.opgavegrupper/opgavegrupper.css")
    browser.open(href)
    assert ".opgavegrupper-trail" in browser.contents
