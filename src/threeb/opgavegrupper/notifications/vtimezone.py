"""VTIMEZONE components that hold for every event they serve.

A calendar program reads an event's local time (``DTSTART;TZID=...``) with
the rules of the file's own VTIMEZONE, not with its own time zone database.
So the rules must cover every event in the file, in every year, on both sides
of each change to and from summer time.

The rules are written the way calendar programs write them themselves: one
DAYLIGHT and one STANDARD component, each with a yearly RRULE ("the last
Sunday of March at 02:00"), which Outlook, Google and Apple all read. They are
found from the zone's own transitions in the years of the events; where a
zone changed its rules, each rule gets its own component, bounded by UNTIL.
The rule still in force a year after the last event is left open, as the
zone's current rule.

The transitions are Python's own (``zoneinfo``, the IANA rules), the ones
the stored times, pages and mails use (serializers/datetimes.py): its yearly
rule goes on after 2037, where pytz's tables end in standard time. Years are
clipped to 1900-2999, the years a meeting can have: a value stored before
that limit (year 1, 9999) still gives a file, never an error.
"""

from calendar import monthrange
from datetime import datetime
from datetime import timedelta
from datetime import UTC
from zoneinfo import ZoneInfo

import icalendar


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Transitions are never closer than this; probing at this step finds them all.
STEP = timedelta(days=7)
# The years followed: those a meeting can have (serializers/fields.py).
FIRST_YEAR = 1900
LAST_YEAR = 2999


def _state(zone, instant):
    """(UTC offset, is summer time, name) of the zone at a naive UTC instant."""
    local = instant.replace(tzinfo=UTC).astimezone(zone)
    return local.utcoffset(), bool(local.dst()), local.tzname()


def _transitions(zone, first_year, last_year):
    """[(naive UTC instant, state before, state after)] in the years."""
    found = []
    instant = datetime(first_year, 1, 1)
    end = datetime(last_year + 1, 1, 1)
    state = _state(zone, instant)
    while instant < end:
        following = min(instant + STEP, end)
        after = _state(zone, following)
        if after != state:
            # Bisect to the second: the first instant with the new state.
            low, high = instant, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if _state(zone, middle) == state:
                    low = middle
                else:
                    high = middle
            found.append((high, state, after))
            state = after
        instant = following
    return found


def _byday(day):
    """The weekday of the month the day is: "-1SU" (last), "2SU" (second)."""
    weekday = WEEKDAYS[day.weekday()]
    if day.day + 7 > monthrange(day.year, day.month)[1]:
        return f"-1{weekday}"
    return f"{(day.day - 1) // 7 + 1}{weekday}"


def _subcomponent(is_dst, onset, offset_from, offset_to, name):
    component = icalendar.TimezoneDaylight() if is_dst else icalendar.TimezoneStandard()
    # DTSTART is the local time of the onset before the change (TZOFFSETFROM).
    component.add("dtstart", onset)
    component.add("tzoffsetfrom", offset_from)
    component.add("tzoffsetto", offset_to)
    component.add("tzname", name)
    return component


def _spans(years):
    """The years to follow, as [(first, last)]: each event's year with the
    one before (the event lies after that year's changes) and after."""
    clipped = {min(max(year, FIRST_YEAR), LAST_YEAR) for year in years}
    wanted = sorted({near for year in clipped for near in (year - 1, year, year + 1)})
    spans = []
    for year in wanted:
        if spans and spans[-1][1] == year - 1:
            spans[-1][1] = year
        else:
            spans.append([year, year])
    return spans


def vtimezone(tzid, years):
    """The VTIMEZONE of ``tzid`` for events in the given years.

    Only the years around the events are followed, so a meeting in a far
    year costs little; between them no event needs a rule.
    """
    zone = ZoneInfo(tzid)
    spans = _spans(years)
    last_year = spans[-1][1]
    timezone = icalendar.Timezone()
    timezone.add("tzid", tzid)
    timezone.add("x-lic-location", tzid)

    # Consecutive years with the same change on the same weekday of the
    # month at the same time form one yearly rule.
    runs = {}
    for first, last in spans:
        # What holds at the start, for a zone without changes in the years too.
        offset, is_dst, name = _state(zone, datetime(first, 1, 1))
        timezone.add_component(
            _subcomponent(is_dst, datetime(first, 1, 1), offset, offset, name)
        )
        for instant, before, after in _transitions(zone, first, last):
            onset = instant + before[0]
            rule = (after[1], before[0], after[0], after[2], onset.month)
            rule += (_byday(onset), onset.time())
            same = runs.setdefault(rule, [])
            if same and same[-1][-1][0].year == onset.year - 1:
                same[-1].append((onset, instant))
            else:
                same.append([(onset, instant)])

    for rule, sequences in runs.items():
        is_dst, offset_from, offset_to, name, month, byday, _time = rule
        for run in sequences:
            onset = run[0][0]
            component = _subcomponent(is_dst, onset, offset_from, offset_to, name)
            if len(run) > 1:
                recurrence = {"freq": "yearly", "bymonth": month, "byday": byday}
                if run[-1][0].year < last_year:
                    # The rule ended, or no event needs it later: UNTIL is
                    # its last onset, in UTC.
                    recurrence["until"] = run[-1][1].replace(tzinfo=UTC)
                # Still changing so a year after the last event: the zone's
                # current rule, left open as calendar programs write it.
                component.add("rrule", recurrence)
            timezone.add_component(component)
    return timezone


def zone_name(value):
    """The IANA name of an aware datetime's zone, None for UTC or naive."""
    tzinfo = getattr(value, "tzinfo", None)
    if tzinfo is None:
        return None
    name = getattr(tzinfo, "zone", None) or getattr(tzinfo, "key", None)
    if not name or name.upper() in ("UTC", "ETC/UTC", "GMT"):
        return None
    return name


def timezones_for(events):
    """One VTIMEZONE per zone the events name, covering all of them."""
    years = {}
    for event in events:
        for key in ("DTSTART", "DTEND"):
            if key not in event:
                continue
            value = event[key].dt
            name = zone_name(value)
            if name:
                years.setdefault(name, set()).add(value.year)
    return [vtimezone(name, seen) for name, seen in sorted(years.items())]
