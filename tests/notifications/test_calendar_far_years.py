"""Calendar files for meetings in far years: after 2037 summer time goes on
(zoneinfo's rule; pytz's tables end there), 1900 is CET, and a meeting stored
with an odd year (1, 9999) never takes the feed down."""

from .vtimezones import event_instants
from .vtimezones import utc
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from datetime import UTC
from plone import api
from threeb.opgavegrupper.notifications.vtimezone import timezones_for
from threeb.opgavegrupper.notifications.vtimezone import vtimezone
from threeb.opgavegrupper.overview.feed import calendar_feed
from zoneinfo import ZoneInfo

import icalendar
import pytest
import pytz
import transaction


COPENHAGEN = pytz.timezone("Europe/Copenhagen")


@pytest.mark.parametrize(
    "tzid,years",
    [
        ("Europe/Copenhagen", [2040, 2041]),
        ("Europe/Copenhagen", [1900, 1901]),
        ("America/New_York", [2050]),
        ("Australia/Sydney", [2045]),
        ("Europe/Copenhagen", [2999]),
    ],
)
def test_the_rules_agree_with_zoneinfo_on_every_day(tzid, years):
    """Noon of every day, and every half hour of the days the clocks change."""
    zone = ZoneInfo(tzid)
    events, wanted = [], {}
    for year in years:
        day = date(year, 1, 1)
        while day.year == year:
            noon = datetime.combine(day, time(12, 0), tzinfo=zone)
            changes = (
                datetime.combine(day, time(0, 0), tzinfo=zone).utcoffset()
                != datetime.combine(day, time(23, 59), tzinfo=zone).utcoffset()
            )
            hours = (
                [time(hour, minute) for hour in range(24) for minute in (0, 30)]
                if changes
                else [noon.time()]
            )
            for hour in hours:
                local = datetime.combine(day, hour, tzinfo=zone)
                if (
                    local.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
                    != local.replace(tzinfo=None)
                    or local.utcoffset() != local.replace(fold=1).utcoffset()
                ):
                    continue  # skipped or twice: no single moment
                event = icalendar.Event()
                event.add("summary", local.isoformat())
                event.add("dtstart", local)
                events.append(event)
                wanted[local.isoformat()] = (local.astimezone(UTC), None)
            day += timedelta(days=1)
    calendar = icalendar.Calendar()
    for component in timezones_for(events) + events:
        calendar.add_component(component)
    calendar = icalendar.Calendar.from_ical(calendar.to_ical())
    assert event_instants(calendar) == wanted


def test_summer_2040_has_a_daylight_rule():
    zone = vtimezone("Europe/Copenhagen", {2040})
    names = {str(part["TZNAME"]) for part in zone.subcomponents}
    assert names == {"CET", "CEST"}


@pytest.mark.parametrize("years", [{1}, {9999}, {1, 2027, 9999}])
def test_odd_years_give_a_zone_not_an_error(years):
    zone = vtimezone("Europe/Copenhagen", years)
    assert str(zone["TZID"]) == "Europe/Copenhagen"


def make_meeting(group, meeting_id, start, do_transition):
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id=meeting_id,
            title=meeting_id,
            start=start,
            end=start + timedelta(hours=2),
        )
    do_transition(meeting, "publish", "chair1")
    return meeting


def test_a_meeting_in_2040_reads_as_written_in_the_feed_and_the_mail(
    group, outbox, do_transition
):
    """Stored by pytz's rules (before zoneinfo's), 17:00 in June 2040 was
    "17:00 +01:00": the file still says the moment it holds."""
    moment = utc(2040, 6, 10, 15, 0)
    make_meeting(
        group,
        "sommer-2040",
        COPENHAGEN.normalize(moment.astimezone(COPENHAGEN)),
        do_transition,
    )
    calendar = icalendar.Calendar.from_ical(calendar_feed(group))
    assert event_instants(calendar) == {
        "Vaskeriet: sommer-2040": (moment, moment + timedelta(hours=2))
    }
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].to_ical() == b"20400610T170000"
    mail = outbox.mails[0]
    assert "10. juni 2040 kl. 17.00" in mail.text
    invitation = icalendar.Calendar.from_ical(mail.calendar.get_content())
    assert event_instants(invitation)["Vaskeriet: sommer-2040"][0] == moment


def test_a_meeting_stored_in_year_1_is_left_out_of_the_feed(
    group, outbox, do_transition, caplog
):
    make_meeting(
        group, "rigtig", COPENHAGEN.localize(datetime(2027, 6, 10, 17)), do_transition
    )
    odd = make_meeting(
        group, "aar-1", COPENHAGEN.localize(datetime(2027, 6, 10, 17)), do_transition
    )
    # As the Classic form stored it before it refused such years.
    odd.start = COPENHAGEN.localize(datetime(1, 1, 1, 10, 0))
    odd.end = COPENHAGEN.localize(datetime(1, 1, 1, 12, 0))
    odd.reindexObject()
    for context in (group, api.portal.get()):
        calendar = icalendar.Calendar.from_ical(calendar_feed(context))
        assert set(event_instants(calendar)) == {"Vaskeriet: rigtig"}
    assert "left out of the calendar feed" in caplog.text


def test_the_feed_over_http_answers_with_a_year_1_meeting(rest_group, request_factory):
    group, _outbox = rest_group
    with api.env.adopt_user(username="chair1"):
        meeting = api.content.create(
            group,
            "Meeting",
            id="aar-1",
            title="År 1",
            start=COPENHAGEN.localize(datetime(2027, 6, 10, 17)),
            end=COPENHAGEN.localize(datetime(2027, 6, 10, 19)),
        )
        api.content.transition(meeting, transition="publish")
    meeting.start = COPENHAGEN.localize(datetime(1, 1, 1, 10, 0))
    meeting.end = COPENHAGEN.localize(datetime(1, 1, 1, 12, 0))
    meeting.reindexObject()
    transaction.commit()
    anonymous = request_factory(api=False)
    for path in (
        "/calendar.ics",
        "/grupper/calendar.ics",
        "/grupper/vaskeriet/calendar.ics",
    ):
        response = anonymous.get(path)
        assert response.status_code == 200, (path, response.text[:500])
        assert b"BEGIN:VCALENDAR" in response.content
    response = request_factory().get("/grupper/vaskeriet/@calendar")
    assert response.status_code == 200, response.text[:500]
