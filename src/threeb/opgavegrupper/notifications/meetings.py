"""A meeting's members keep it in their calendars: they are sent it when it
is made public, again when its time or place changes, and told to take it out
when it is made internal again or deleted.

Each mail carries an iTIP calendar file (ics.py) with the meeting's UID and a
SEQUENCE higher than the one before (sequence.py): REQUEST puts the meeting
in or moves it, CANCEL takes it out.

A meeting that has ended is left as it is in the calendars: deleting it (or
its concluded group), withdrawing it or correcting its time sends nothing,
or people would lose the past entries of their calendars.
"""

from datetime import datetime
from datetime import UTC
from email.utils import formataddr
from plone import api
from plone.app.event.dx.behaviors import IEventBasic
from plone.base.interfaces import IPloneSiteRoot
from plone.event.interfaces import IEventAccessor
from threeb.opgavegrupper import _
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.notifications import sequence
from threeb.opgavegrupper.notifications.ics import CANCEL
from threeb.opgavegrupper.notifications.ics import itip_invitation
from threeb.opgavegrupper.notifications.ics import REQUEST
from threeb.opgavegrupper.notifications.mails import guarded
from threeb.opgavegrupper.notifications.mails import localized_time
from threeb.opgavegrupper.notifications.mails import Mail
from threeb.opgavegrupper.notifications.mails import send
from threeb.opgavegrupper.participation.applications import group_of
from zope.i18nmessageid import Message


PUBLISHED = "published"
# The fields whose change moves the meeting in the members' calendars.
CALENDAR_FIELDS = {"start", "end", "whole_day", "open_end", "location"}
REASON = _("You get this e-mail because you are a member of the group.")
SEE_MEETING = _("See the meeting, its agenda and minutes")


def meeting_time(meeting, language):
    """When the meeting is, in the site's time zone: "10. marts 2026 kl. 17.00–19.00"."""
    accessor = IEventAccessor(meeting)
    start, end = accessor.start, accessor.end
    if accessor.whole_day:
        return localized_time(start.date(), language)
    written = localized_time(start, language, long_format=True)
    if accessor.open_end:
        return written
    if localized_time(start, language) == localized_time(end, language):
        return f"{written}–{localized_time(end, language, time_only=True)}"
    return f"{written} – {localized_time(end, language, long_format=True)}"


def _facts(meeting):
    facts = [(_("When"), meeting_time(meeting, api.portal.get_default_language()))]
    location = IEventAccessor(meeting).location
    if location:
        facts.append((_("Location"), location))
    return facts


def _mapping(meeting, group):
    return {"group": group.Title(), "meeting": meeting.Title()}


def _meeting_mail(meeting, group, subject, paragraph, link=True):
    """A mail to the members about the meeting, with its time and place.

    ``subject`` and ``paragraph`` may name ``${group}`` and ``${meeting}``;
    ``link``: to the meeting's page (not for a meeting that is gone).
    """
    mapping = _mapping(meeting, group)
    return Mail(
        subject=Message(subject, mapping=mapping),
        paragraphs=[Message(paragraph, mapping=mapping)],
        facts=_facts(meeting),
        link=(meeting.absolute_url(), SEE_MEETING) if link else None,
        reason=REASON,
    )


def published_mail(meeting, group):
    return _meeting_mail(
        meeting,
        group,
        _("Meeting in ${group}: ${meeting}"),
        _(
            "The task group ${group} has made a meeting public. The "
            "attached calendar file puts it in your calendar."
        ),
    )


def moved_mail(meeting, group):
    return _meeting_mail(
        meeting,
        group,
        _("Meeting changed in ${group}: ${meeting}"),
        _(
            "The meeting ${meeting} of the task group ${group} has a new "
            "time or place. The attached calendar file moves it in your "
            "calendar."
        ),
    )


def withdrawn_mail(meeting, group):
    """Made internal again: members may still open it, the public may not."""
    return _meeting_mail(
        meeting,
        group,
        _("Meeting withdrawn in ${group}: ${meeting}"),
        _(
            "The task group ${group} has withdrawn the meeting ${meeting}; "
            "it is internal again. The attached calendar file takes it out "
            "of your calendar."
        ),
    )


def cancelled_mail(meeting, group):
    """Deleted: no link, the meeting's page is gone."""
    return _meeting_mail(
        meeting,
        group,
        _("Meeting cancelled in ${group}: ${meeting}"),
        _(
            "The task group ${group} has cancelled the meeting ${meeting}. "
            "The attached calendar file takes it out of your calendar."
        ),
        link=False,
    )


def _keep_sync_uid(meeting):
    """Store the UID calendars get, so every later message has the same.

    plone.app.event makes it from the UUID and the host of the request,
    which is not the same in every request (a proxy, a command line).
    """
    if not getattr(meeting.aq_base, "sync_uid", None):
        IEventBasic(meeting).sync_uid = IEventAccessor(meeting).sync_uid


def has_ended(meeting, now=None):
    """Whether the meeting is over (its end, or its day for a whole-day or
    open-ended one, lies before ``now``)."""
    end = IEventAccessor(meeting).end
    if end is None:
        return False
    if end.tzinfo is None:
        end = end.replace(tzinfo=UTC)
    return end < (now or datetime.now(UTC))


def tell(meeting, mail, method, number):
    """Send the mail with its calendar file to the members who may see the
    meeting; each gets a file naming them as the attendee."""
    group = group_of(meeting)
    if group is None:
        return 0
    _keep_sync_uid(meeting)
    message = mail(meeting, group)

    def invitation(user_id, address):
        user = api.user.get(userid=user_id)
        recipient = formataddr((user.getProperty("fullname") or "", address))
        return {"calendar": itip_invitation(meeting, method, number, recipient)}

    # Members only, not followers: a meeting is the members' appointment.
    people = recipients.who_may_see(meeting, recipients.members(group))
    return send(message, people, personal=invitation)


@guarded
def after_transition(meeting, event):
    """Made public: the invitation. Made internal again: the cancellation."""
    if event.transition is None:
        return
    old, new = event.old_state.getId(), event.new_state.getId()
    if new == PUBLISHED and old != PUBLISHED:
        number = sequence.next_sequence(meeting, publishing=True)
        tell(meeting, published_mail, REQUEST, number)
        sequence.remember(meeting)
    elif old == PUBLISHED and new != PUBLISHED:
        if has_ended(meeting):
            return
        number = sequence.next_sequence(meeting)
        tell(meeting, withdrawn_mail, CANCEL, number)
        sequence.forget(meeting)


def _named_changes(event):
    names = set()
    for description in getattr(event, "descriptions", ()) or ():
        for name in getattr(description, "attributes", ()) or ():
            # z3c.form names them "IEventBasic.start", REST "start".
            names.add(name.rpartition(".")[2])
    return names


@guarded
def modified(meeting, event):
    """A published meeting moved (time or place): the update."""
    if api.content.get_state(meeting, default=None) != PUBLISHED:
        return
    before = sequence.sent(meeting)
    if before is not None:
        changed = dict(before) != sequence.facts(meeting)
    else:
        # Published before the record was kept: the edit names what changed.
        changed = not sequence.has_record(meeting) and bool(
            _named_changes(event) & CALENDAR_FIELDS
        )
    if not changed or has_ended(meeting):
        return
    number = sequence.next_sequence(meeting)
    tell(meeting, moved_mail, REQUEST, number)
    sequence.remember(meeting)


@guarded
def will_be_removed(meeting, event):
    """A published meeting deleted, alone or with its group: the cancellation.

    Not when the whole site goes.
    """
    if IPloneSiteRoot.providedBy(event.object):
        return
    if api.content.get_state(meeting, default=None) != PUBLISHED:
        return
    if has_ended(meeting):
        return
    number = sequence.next_sequence(meeting)
    tell(meeting, cancelled_mail, CANCEL, number)
    sequence.forget(meeting)


def copied(meeting, event):
    """A copy is a new meeting: no calendar holds it yet, under its own UID."""
    sequence.clear(meeting)
    if "sync_uid" in meeting.__dict__:
        del meeting.sync_uid
