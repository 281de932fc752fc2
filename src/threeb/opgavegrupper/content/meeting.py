"""Møde: a meeting of the group, its agenda and minutes."""

from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import MINUTES_MAX_LENGTH
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from zope.interface import implementer


class IMeeting(model.Schema):
    """Start, end, location and attendees come from plone.app.event's
    behaviors (Meeting.xml), so its calendar export, its catalog indexes and
    calendar programs read them where they read any Plone event's."""

    agenda = RichText(title=_("Agenda"), max_length=RICHTEXT_MAX_LENGTH, required=False)

    minutes = RichText(
        title=_("Minutes"),
        description=_("The minutes (referat), published with the meeting."),
        max_length=MINUTES_MAX_LENGTH,
        required=False,
    )


@implementer(IMeeting)
class Meeting(Container):
    """Møde."""
