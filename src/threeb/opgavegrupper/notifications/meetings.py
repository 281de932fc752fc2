"""A meeting made public: its members get the time, the place and a calendar file."""

from plone import api
from plone.event.interfaces import IEventAccessor
from threeb.opgavegrupper import _
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.notifications.ics import meeting_attachment
from threeb.opgavegrupper.notifications.mails import guarded
from threeb.opgavegrupper.notifications.mails import localized_time
from threeb.opgavegrupper.notifications.mails import Mail
from threeb.opgavegrupper.notifications.mails import send
from threeb.opgavegrupper.participation.applications import group_of


def meeting_time(meeting, language):
    """When the meeting is, in its own time zone: "10/03 2026 17:00–19:00"."""
    accessor = IEventAccessor(meeting)
    start, end = accessor.start, accessor.end
    if accessor.whole_day:
        return localized_time(start, language)
    written = localized_time(start, language, long_format=True)
    if accessor.open_end:
        return written
    if start.date() == end.date():
        return f"{written}–{localized_time(end, language, time_only=True)}"
    return f"{written} – {localized_time(end, language, long_format=True)}"


def published_mail(meeting, group):
    facts = [
        (_("When"), meeting_time(meeting, api.portal.get_default_language())),
    ]
    if getattr(meeting, "location", None):
        facts.append((_("Location"), meeting.location))
    return Mail(
        subject=_(
            "Meeting in ${group}: ${meeting}",
            mapping={"group": group.Title(), "meeting": meeting.Title()},
        ),
        paragraphs=[
            _(
                "The task group ${group} has made a meeting public. The "
                "attached calendar file puts it in your calendar.",
                mapping={"group": group.Title()},
            )
        ],
        facts=facts,
        link=(meeting.absolute_url(), _("See the meeting, its agenda and minutes")),
        reason=_("You get this e-mail because you are a member of the group."),
        attachments=[meeting_attachment(meeting)],
    )


@guarded
def after_transition(meeting, event):
    """Only publishing tells anyone: an internal meeting stays internal."""
    if event.transition is None or event.transition.getId() != "publish":
        return
    group = group_of(meeting)
    if group is None:
        return
    # Members only, not followers: a meeting is the members' appointment.
    to = recipients.who_may_see(meeting, recipients.members(group))
    send(published_mail(meeting, group), to)
