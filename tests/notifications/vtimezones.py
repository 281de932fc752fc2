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


def observances(timezone, until):
    """[(onset, observance)] of the VTIMEZONE up to ``until``, in order."""
    found = []
    for observance in timezone.subcomponents:
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        found.extend((onset, observance) for onset in _onsets(observance, until))
    return sorted(found, key=lambda item: item[0])


def observance_at(timezone, local, known=None):
    """The STANDARD/DAYLIGHT component in force at the naive local time.

    ``known``: observances(timezone, until) for an ``until`` not before local.
    """
    known = observances(timezone, local) if known is None else known
    before = [item for item in known if item[0] <= local]
    if not before:
        raise NotCovered(f"{timezone['TZID']} has no rule for {local}")
    return before[-1][1]


def utc_instant(calendar, prop, known=None):
    """The UTC instant of a DTSTART/DTEND property, read with the file's
    VTIMEZONE of the property's TZID (``known``: its observances, by TZID)."""
    value = prop.dt
    tzid = prop.params.get("TZID")
    if tzid is None:
        assert value.tzinfo is not None, "floating time"
        return value.astimezone(UTC)
    local = value.replace(tzinfo=None)
    if known is None:
        (timezone,) = [
            zone for zone in calendar.walk("VTIMEZONE") if str(zone["TZID"]) == tzid
        ]
        known = {tzid: observances(timezone, local)}
    before = [item for item in known[tzid] if item[0] <= local]
    if not before:
        raise NotCovered(f"{tzid} has no rule for {local}")
    offset = before[-1][1].decoded("TZOFFSETTO")
    return (local - offset).replace(tzinfo=UTC)


def event_instants(calendar):
    """{summary: (start, end) in UTC} of every VEVENT, by the file's rules."""
    events = calendar.walk("VEVENT")
    latest = max(
        (
            event[key].dt.replace(tzinfo=None)
            for event in events
            for key in ("DTSTART", "DTEND")
            if key in event
        ),
        default=None,
    )
    known = {
        str(zone["TZID"]): observances(zone, latest)
        for zone in calendar.walk("VTIMEZONE")
    }
    found = {}
    for event in events:
        start = utc_instant(calendar, event["DTSTART"], known)
        end = utc_instant(calendar, event["DTEND"], known) if "DTEND" in event else None
        found[str(event["SUMMARY"])] = (start, end)
    return found


def utc(*args):
    return datetime(*args, tzinfo=UTC)


HOUR = timedelta(hours=1)
