"""Pages write dates in the site's time zone, in Danish: "30. november 2026".

An application sent at 00:59 on 30 November in Copenhagen is 23:59 UTC on
the 29th; the pages that list it say 30 November.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api

import pytest
import pytz
import re
import transaction


PASSWORD = "secret-pw-1"
SENT = DateTime("2026/11/29 23:59:00 UTC")
COPENHAGEN = pytz.timezone("Europe/Copenhagen")


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def group(functional_portal):
    from threeb.opgavegrupper.participation import applications

    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    for user_id, plone_group in (("staff1", "medarbejdere"), ("anna", "beboere")):
        api.user.create(
            email=f"{user_id}@example.org",
            username=user_id,
            password=PASSWORD,
            properties={"fullname": user_id.capitalize()},
        )
        api.group.add_user(groupname=plone_group, username=user_id)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeriet",
            title="Vaskeriet",
            summary="Om vaskeriet",
            theme="Udlejning",
            start=date(2026, 12, 1),
            deadline=date(2027, 6, 1),
        )
        api.content.transition(group, transition="open_signup")
        application = applications.apply(
            group,
            api.user.get(username="anna"),
            {"constituency": "resident", "consent_public": True},
        )
        application.creation_date = SENT
        application.reindexObject()
        meeting = api.content.create(
            group,
            "Meeting",
            id="moede",
            title="Møde",
            start=COPENHAGEN.localize(datetime(2026, 7, 1, 17, 0)),
            end=COPENHAGEN.localize(datetime(2026, 7, 1, 19, 0)),
        )
        api.content.transition(meeting, transition="publish")
    transaction.commit()
    return group


@pytest.fixture
def page(group, request_factory):
    def get(path, user_id):
        session = request_factory(api=False, basic_auth=(user_id, PASSWORD))
        session.headers["Accept"] = "text/html"
        response = session.get(path)
        assert response.status_code == 200
        return text(response.text)

    return get


def test_staff_listing_shows_the_copenhagen_day(page):
    body = page("/grupper/vaskeriet/@@manage-applications", "staff1")
    assert "30. november 2026" in body
    assert "29. november" not in body
    assert "29/11" not in body


def test_my_page_shows_the_copenhagen_day(page):
    body = page("/@@mine-opgavegrupper", "anna")
    assert "30. november 2026" in body
    assert "29. november" not in body


def test_group_page_writes_its_days_in_danish(page):
    body = page("/grupper/vaskeriet", "anna")
    assert "1. december 2026" in body
    assert "1. juni 2027" in body


def test_meeting_page_writes_the_wall_clock_time(page):
    body = page("/grupper/vaskeriet/moede", "anna")
    # Summer time: 17.00 in Copenhagen is 15.00 UTC.
    assert "1. juli 2026 kl. 17.00 – 19.00 (CEST)" in body
