"""Reading an iCalendar file's times the way a calendar program does: with
the rules of the file's OWN VTIMEZONE components, not with a time zone
database (imported by the calendar tests).

A local time lies in the observance (STANDARD or DAYLIGHT) with the latest
onset not after it; its TZOFFSETTO gives the UTC instant. The onsets of an
observance are its DTSTART, its RDATEs and what its RRULE makes of DTSTART
(UNTIL is in UTC, before the change: TZOFFSETFROM).
"""

from datetime import datetime
from datetime import timedelta
from datetime import UTC
from dateutil.rrule import rrulestr

import icalendar


class NotCovered(AssertionError):
    """The file's rules say nothing about the local time."""


def _onsets(observance, until):
    """The observance's onsets (naive local times) up to ``until``."""
    start = observance.decoded("DTSTART")
    assert start.tzinfo is None, "a VTIMEZONE's DTSTART is local time"
    offset_from = observance.decoded("TZOFFSETFROM")
    found = [start]
    rdates = observance.get("RDATE", [])
    for rdate in rdates if isinstance(rdates, list) else [rdates]:
        found.extend(value.dt.replace(tzinfo=None) for value in rdate.dts)
    if "RRULE" in observance:
        rule = dict(observance["RRULE"])
        rule_until = rule.pop("UNTIL", None)
        last = until
        if rule_until:
            (value,) = rule_until
            if isinstance(value, datetime) and value.tzinfo is not None:
                # UNTIL is UTC: the local time before the change.
                value = (value.astimezone(UTC) + offset_from).replace(tzinfo=None)
            last = min(until, value)
        text = icalendar.vRecur(rule).to_ical().decode()
        for onset in rrulestr(text, dtstart=start):
            if onset > last:
                break
            found.append(onset)
    return [onset for onset in found if onset <= until]


def observance_at(timezone, local):
    """The STANDARD/DAYLIGHT component in force at the naive local time."""
    best = None
    for observance in timezone.subcomponents:
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        for onset in _onsets(observance, local):
            if best is None or onset > best[0]:
                best = (onset, observance)
    if best is None:
        raise NotCovered(f"{timezone['TZID']} has no rule for {local}")
    return best[1]


def utc_instant(calendar, prop):
    """The UTC instant of a DTSTART/DTEND property, read with the file's
    VTIMEZONE of the property's TZID."""
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is None:
        assert value.tzinfo is not None, "floating time"
        return value.astimezone(UTC)
    (timezone,) = [
        zone for zone in calendar.walk("VTIMEZONE") if str(zone["TZID"]) == tzid
    ]
    local = value.replace(tzinfo=None)
    offset = observance_at(timezone, local).decoded("TZOFFSETTO")
    return (local - offset).replace(tzinfo=UTC)


def event_instants(calendar):
    """{summary: (start, end) in UTC} of every VEVENT, by the file's rules."""
    found = {}
    for event in calendar.walk("VEVENT"):
        end = utc_instant(calendar, event["DTEND"]) if "DTEND" in event else None
        found[str(event["SUMMARY"])] = (utc_instant(calendar, event["DTSTART"]), end)
    return found


def utc(*args):
    return datetime(*args, tzinfo=UTC)


HOUR = timedelta(hours=1)
