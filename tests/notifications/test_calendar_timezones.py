"""Calendar files are read with their OWN VTIMEZONE rules (vtimezones.py):
each meeting's time must be the same moment there as on the site, in winter
and summer, this year and the next.
"""

from .vtimezones import event_instants
from .vtimezones import utc
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from plone import api
from threeb.opgavegrupper.notifications.vtimezone import timezones_for
from threeb.opgavegrupper.notifications.vtimezone import vtimezone
from threeb.opgavegrupper.overview.feed import calendar_feed

import icalendar
import pytest
import pytz


COPENHAGEN = pytz.timezone("Europe/Copenhagen")

# Meetings at 17:00 Copenhagen time: CET (+01:00) in winter, CEST in summer.
MEETINGS = {
    "vinter-2027": (datetime(2027, 1, 10, 17, 0), utc(2027, 1, 10, 16, 0)),
    "sommer-2027": (datetime(2027, 6, 10, 17, 0), utc(2027, 6, 10, 15, 0)),
    "vinter-2028": (datetime(2028, 1, 10, 17, 0), utc(2028, 1, 10, 16, 0)),
    "sommer-2028": (datetime(2028, 6, 10, 17, 0), utc(2028, 6, 10, 15, 0)),
    # The morning after the clocks go forward, and after they go back.
    "marts-2028": (datetime(2028, 3, 26, 9, 0), utc(2028, 3, 26, 7, 0)),
    "oktober-2028": (datetime(2028, 10, 29, 9, 0), utc(2028, 10, 29, 8, 0)),
}


@pytest.fixture
def meetings(group, outbox, do_transition):
    """The meetings, published one by one; the first is in winter 2027."""
    made = {}
    for meeting_id, (start, _instant) in MEETINGS.items():
        with api.env.adopt_user(username="chair1"):
            made[meeting_id] = api.content.create(
                group,
                "Meeting",
                id=meeting_id,
                title=meeting_id,
                start=COPENHAGEN.localize(start),
                end=COPENHAGEN.localize(start + timedelta(hours=2)),
            )
        do_transition(made[meeting_id], "publish", "chair1")
    return made


def expected(prefix="Vaskeriet: "):
    return {
        prefix + meeting_id: (instant, instant + timedelta(hours=2))
        for meeting_id, (_start, instant) in MEETINGS.items()
    }


def test_the_feed_s_own_rules_give_every_meeting_its_moment(meetings, group):
    calendar = icalendar.Calendar.from_ical(calendar_feed(group))
    # One zone, declared once, before the events.
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Copenhagen"
    assert calendar.subcomponents[0].name == "VTIMEZONE"
    assert event_instants(calendar) == expected()


def test_the_feed_of_the_whole_site_too(meetings, portal):
    calendar = icalendar.Calendar.from_ical(calendar_feed(portal))
    assert event_instants(calendar) == expected()


def test_each_invitation_s_own_rules_give_its_moment(meetings, outbox):
    mails = [mail for mail in outbox.mails if mail.to == "member1@example.org"]
    assert len(mails) == len(MEETINGS)
    found = {}
    for mail in mails:
        (attachment,) = mail.attachments
        found.update(
            event_instants(icalendar.Calendar.from_ical(attachment.get_content()))
        )
    assert found == expected()


def test_the_rules_are_yearly_rules_calendar_programs_read(meetings, group):
    calendar = icalendar.Calendar.from_ical(calendar_feed(group))
    (zone,) = calendar.walk("VTIMEZONE")
    rules = {
        (part.name, str(part["TZNAME"])): part["RRULE"].to_ical().decode()
        for part in zone.subcomponents
        if "RRULE" in part
    }
    assert rules == {
        ("DAYLIGHT", "CEST"): "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
        ("STANDARD", "CET"): "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    }


def test_the_resolver_catches_a_zone_built_for_one_year_only():
    """A file with rules for 2026 alone (the old export) gives 16:00Z for
    17:00 on 10 June 2027: the resolver reads the file, not a database."""
    calendar = icalendar.Calendar()
    event = icalendar.Event()
    event.add("summary", "sommer")
    event.add("dtstart", COPENHAGEN.localize(datetime(2027, 6, 10, 17, 0)))
    calendar.add_component(event)
    calendar.add_missing_timezones(
        first_date=date(2026, 1, 1), last_date=date(2027, 1, 1)
    )
    calendar = icalendar.Calendar.from_ical(calendar.to_ical())
    assert event_instants(calendar) == {"sommer": (utc(2027, 6, 10, 16, 0), None)}


@pytest.mark.parametrize(
    "tzid,years",
    [
        ("Europe/Copenhagen", [2026, 2027, 2028]),
        # The United States changed their rule in 2007.
        ("America/New_York", [2005, 2006, 2007, 2008]),
        # Moscow: summer time until 2010, all year 2011-2014, then none.
        ("Europe/Moscow", [2010, 2012, 2015]),
        # Summer time over the new year.
        ("Australia/Sydney", [2026, 2027]),
        ("Asia/Tokyo", [2026]),
        # Years apart: only the years around the events are followed.
        ("Europe/Copenhagen", [2026, 2031]),
    ],
)
def test_the_rules_agree_with_the_zone_on_every_day(tzid, years):
    """Noon of every day, and every half hour of the days the clocks change."""
    zone = pytz.timezone(tzid)
    events, wanted = [], {}
    for year in years:
        day = date(year, 1, 1)
        while day.year == year:
            midnight = zone.localize(datetime.combine(day, time(0, 0)))
            changes = (
                midnight.utcoffset()
                != zone.normalize(midnight + timedelta(hours=25)).utcoffset()
            )
            hours = (
                [time(hour, minute) for hour in range(24) for minute in (0, 30)]
                if changes
                else [time(12, 0)]
            )
            for hour in hours:
                try:
                    local = zone.localize(datetime.combine(day, hour), is_dst=None)
                except (pytz.AmbiguousTimeError, pytz.NonExistentTimeError):
                    continue
                event = icalendar.Event()
                name = local.isoformat()
                event.add("summary", name)
                event.add("dtstart", local)
                events.append(event)
                wanted[name] = (local.astimezone(pytz.utc), None)
            day += timedelta(days=1)
    calendar = icalendar.Calendar()
    for component in timezones_for(events) + events:
        calendar.add_component(component)
    calendar = icalendar.Calendar.from_ical(calendar.to_ical())
    assert event_instants(calendar) == wanted


def test_a_zone_without_summer_time_has_one_observance():
    zone = vtimezone("Asia/Tokyo", {2026})
    (observance,) = zone.subcomponents
    assert observance.name == "STANDARD"
    assert observance["TZOFFSETTO"].to_ical() == "+0900"
