"""The calendar feed: GET @calendar and calendar.ics, published meetings only."""

from ..notifications.vtimezones import event_instants
from ..notifications.vtimezones import HOUR
from ..notifications.vtimezones import utc
from ..stats import dataset as stats_dataset
from ..stats import people
from datetime import datetime
from plone import api

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


# Published in the "gaarde" group besides m1 (March 2026): a winter and a
# summer meeting in each of the two years after, 17:00 Copenhagen time.
LATER = {
    "vinter-2027": (datetime(2027, 1, 10, 17, 0), utc(2027, 1, 10, 16, 0)),
    "sommer-2027": (datetime(2027, 6, 10, 17, 0), utc(2027, 6, 10, 15, 0)),
    "vinter-2028": (datetime(2028, 1, 10, 17, 0), utc(2028, 1, 10, 16, 0)),
    "sommer-2028": (datetime(2028, 6, 10, 17, 0), utc(2028, 6, 10, 15, 0)),
}


@pytest.fixture
def later_meetings(session_as, functional_portal):
    group = functional_portal["grupper"]["gaarde"]
    with api.env.adopt_roles(["Manager"]):
        for meeting_id, (start, _instant) in LATER.items():
            stats_dataset.add_meeting(group, meeting_id, True, start)
    transaction.commit()
    return session_as


@pytest.mark.parametrize("path", ["/grupper/gaarde/@calendar", "/@calendar"])
def test_the_feed_s_own_time_zone_rules_hold_for_every_year(later_meetings, path):
    response = later_meetings().get(path)
    calendar = icalendar.Calendar.from_ical(response.content)
    instants = event_instants(calendar)
    # m1: 10 March 2026, 17:00 CET, the first meeting of the feed.
    assert instants["Gaarde: Møde m1"][0] == utc(2026, 3, 10, 16, 0)
    for meeting_id, (_start, instant) in LATER.items():
        assert instants[f"Gaarde: Møde {meeting_id}"] == (instant, instant + 2 * HOUR)


def test_the_classic_ui_feed_too(later_meetings):
    response = later_meetings(api=False).get("/grupper/gaarde/@@calendar.ics")
    instants = event_instants(icalendar.Calendar.from_ical(response.content))
    assert instants["Gaarde: Møde sommer-2027"][0] == utc(2027, 6, 10, 15, 0)
    assert instants["Gaarde: Møde vinter-2028"][0] == utc(2028, 1, 10, 16, 0)
