"""What the members' calendars hold of a meeting: its SEQUENCE and the time
and place last sent.

Every calendar message about a meeting (invitation, update, cancellation)
carries the same UID and a SEQUENCE higher than the one before; a calendar
program applies a message only if its SEQUENCE is higher than the one of the
entry it holds. The counter and the facts last sent live in an annotation of
the meeting, so that an edit can tell whether the time or place changed.
"""

from persistent.mapping import PersistentMapping
from plone import api
from plone.event.interfaces import IEventAccessor
from threeb.opgavegrupper.annotations import annotation
from zope.annotation.interfaces import IAnnotations


KEY = "threeb.opgavegrupper.calendar"


def _record(meeting, create=False):
    return annotation(meeting, KEY, PersistentMapping, create)


def _publications(meeting):
    history = getattr(meeting, "workflow_history", {}).get("meeting_workflow", ())
    return sum(1 for entry in history if entry.get("action") == "publish")


def facts(meeting):
    """The time and place as calendars hold them, comparable as text."""
    accessor = IEventAccessor(meeting)
    start, end = accessor.start, accessor.end
    return {
        # The zone too: 17:00 in another zone is another moment.
        "start": f"{start.isoformat()} {start.tzinfo}" if start else "",
        "end": f"{end.isoformat()} {end.tzinfo}" if end else "",
        "whole_day": bool(accessor.whole_day),
        "open_end": bool(accessor.open_end),
        "location": accessor.location or "",
    }


def current(meeting):
    """The SEQUENCE of the last message sent about the meeting (0 if none)."""
    record = _record(meeting)
    if record is not None and "sequence" in record:
        return record["sequence"]
    # Before the counter, a meeting's n-th publication was sent as n - 1.
    return max(_publications(meeting) - 1, 0)


def next_sequence(meeting, publishing=False):
    """Count on and return the SEQUENCE of the message about to be sent.

    ``publishing``: called for the publish transition, which the workflow
    history already holds.
    """
    record = _record(meeting, create=True)
    if "sequence" in record:
        record["sequence"] += 1
    else:
        # A meeting from before the counter: one more than its mails had.
        record["sequence"] = _publications(meeting) - (1 if publishing else 0)
        record["sequence"] = max(record["sequence"], 0)
    return record["sequence"]


def sent(meeting):
    """The facts the members' calendars hold, None if they hold no entry."""
    record = _record(meeting)
    return None if record is None else record.get("sent")


def remember(meeting):
    """The members were sent the meeting as it is now."""
    _record(meeting, create=True)["sent"] = PersistentMapping(facts(meeting))


def forget(meeting):
    """The members' calendars were told to drop the meeting."""
    record = _record(meeting)
    if record is not None:
        record["sent"] = None


def has_record(meeting):
    return _record(meeting) is not None


def clear(meeting):
    """A copy is a new meeting: it starts without a calendar record."""
    IAnnotations(meeting).pop(KEY, None)


def seed(meeting):
    """Start the record of a meeting from before it: a published meeting's
    members hold it as it is now, with the SEQUENCE of its last mail."""
    if has_record(meeting) or not _publications(meeting):
        return
    record = _record(meeting, create=True)
    record["sequence"] = current(meeting)
    if api.content.get_state(meeting) == "published":
        remember(meeting)
    else:
        record["sent"] = None
