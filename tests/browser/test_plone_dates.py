"""Plone's own pages write dates as the add-on's pages do: "5. december 2026".

plone.app.locales' Danish short format is "${d}/${m} ${Y}" ("05/12 2026");
the byline, the search page and folder listings go through ``@@plone``'s
``toLocalizedTime``, which the add-on's layer writes in its one format.
"""

from DateTime import DateTime
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import re
import transaction


# 10:30 UTC on 5 December is 11:30 in Copenhagen (winter time).
MODIFIED = DateTime("2026/12/05 10:30:00 UTC")


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def plone_view(portal):
    from threeb.opgavegrupper.interfaces import IBrowserLayer
    from zope.interface import alsoProvides

    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    request["LANGUAGE"] = "da"
    request.LANGUAGE_TOOL.LANGUAGE = "da"
    return api.content.get_view("plone", portal, request)


def test_short_long_and_time_only(plone_view):
    assert plone_view.toLocalizedTime(MODIFIED) == "5. december 2026"
    assert plone_view.toLocalizedTime(MODIFIED, long_format=1) == (
        "5. december 2026 kl. 11.30"
    )
    assert plone_view.toLocalizedTime(MODIFIED, time_only=1) == "11.30"


def test_dateTime_text_and_iso_text(plone_view):
    assert plone_view.toLocalizedTime("2026/12/05 10:30:00 UTC") == "5. december 2026"
    assert (
        plone_view.toLocalizedTime("2026-07-01T15:00:00+00:00", long_format=True)
        == "1. juli 2026 kl. 17.00"
    )


def test_a_naive_datetime_is_the_servers_clock_as_plone_reads_it(plone_view):
    from datetime import date
    from datetime import datetime

    # Plone's own mails pass utcnow()-based expiry times; DateTime reads a
    # naive datetime in the server's zone, whatever the process runs in.
    naive = datetime(2026, 12, 7, 11, 42)
    expected = DateTime(naive).toZone("Europe/Copenhagen")
    assert plone_view.toLocalizedTime(naive, long_format=1) == (
        f"7. december 2026 kl. {expected.hour():02d}.{expected.minute():02d}"
    )
    # A day without a time stays that day.
    assert plone_view.toLocalizedTime(date(2026, 12, 7)) == "7. december 2026"


def test_what_is_no_date_gets_plones_answer(plone_view):
    # Plone's toLocalizedTime returns None for text it cannot read.
    assert plone_view.toLocalizedTime("not a date") is None
    # An explicit format is Plone's to fill.
    assert plone_view.toLocalizedTime(MODIFIED, long_format="${Y}") == "2026"


@pytest.fixture
def page(functional_portal, request_factory):
    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    with api.env.adopt_roles(["Manager"]):
        document = api.content.create(
            functional_portal, "Document", id="om", title="Om vaskerierne"
        )
        document.setModificationDate(MODIFIED)
        # Only the index: a whole reindex would make it modified now.
        document.reindexObject(idxs=["modified"])
    transaction.commit()

    def get(path):
        session = request_factory(
            api=False, basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
        )
        session.headers["Accept"] = "text/html"
        response = session.get(path)
        assert response.status_code == 200
        return text(response.text)

    return get


def test_byline_in_the_one_format(page):
    body = page("/om")
    assert "Sidst opdateret 5. december 2026" in body
    assert "05/12 2026" not in body


def test_search_results_in_the_one_format(page):
    body = page("/@@search?SearchableText=vaskerierne")
    assert "Om vaskerierne" in body
    assert "Sidst opdateret 5. december 2026 kl. 11.30" in body
    assert not re.search(r"\b\d\d/\d\d \d{4}\b", body)
