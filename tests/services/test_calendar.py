"""The calendar feed: GET @calendar and calendar.ics, published meetings only."""

from ..stats import dataset as stats_dataset
from ..stats import people

import icalendar
import pytest
import transaction


@pytest.fixture
def session_as(functional_portal, request_factory):
    people.make_people()
    stats_dataset.build(functional_portal, meetings=True)
    transaction.commit()

    def session(user_id=None, api=True):
        auth = (user_id, people.PASSWORD) if user_id else None
        return request_factory(basic_auth=auth, api=api)

    return session


def summaries(response):
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_anonymous_sees_published_meetings_of_public_groups(session_as):
    # m2 is internal; m3 is published but its group is still a draft.
    assert summaries(session_as().get("/@calendar")) == [
        "Energi: Møde m4",
        "Gaarde: Møde m1",
    ]


def test_staff_see_the_draft_group_s_published_meeting_too(session_as):
    response = session_as("staff1").get("/grupper/@calendar")
    assert summaries(response) == [
        "Breve: Møde m3",
        "Energi: Møde m4",
        "Gaarde: Møde m1",
    ]
    # Three events in one zone: the zone is declared once.
    calendar = icalendar.Calendar.from_ical(response.content)
    assert len(calendar.walk("VTIMEZONE")) == 1


def test_one_group_s_feed(session_as):
    assert summaries(session_as().get("/grupper/gaarde/@calendar")) == [
        "Gaarde: Møde m1"
    ]


@pytest.mark.parametrize(
    "path,expected",
    [
        ("/@@calendar.ics", ["Energi: Møde m4", "Gaarde: Møde m1"]),
        ("/grupper/@@calendar.ics", ["Energi: Møde m4", "Gaarde: Møde m1"]),
        ("/grupper/energi/@@calendar.ics", ["Energi: Møde m4"]),
    ],
)
def test_classic_ui_feed(session_as, path, expected):
    assert summaries(session_as(api=False).get(path)) == expected


def test_events_keep_their_time_zone_and_the_feed_declares_it(session_as):
    response = session_as().get("/grupper/gaarde/@calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["DTSTART"].dt.tzinfo) == "Europe/Copenhagen"
    assert event["DTSTART"].dt.hour == 17
    zones = [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")]
    assert zones == ["Europe/Copenhagen"]
    assert str(calendar["X-WR-CALNAME"]) == "Gaarde"


def test_a_calendar_program_needs_no_accept_header(session_as):
    # Calendar programs send no "Accept: application/json"; ++api++ routes
    # to the service anyway.
    session = session_as()
    del session.headers["Accept"]
    assert summaries(session.get("/grupper/gaarde/@calendar")) == ["Gaarde: Møde m1"]
