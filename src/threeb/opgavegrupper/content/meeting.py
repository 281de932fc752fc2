"""Møde: a meeting of the group, its agenda and minutes."""

from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from threeb.opgavegrupper import _
from zope import schema
from zope.interface import implementer


class IMeeting(model.Schema):
    """Start and end come from plone.app.event's behaviors."""

    location = schema.TextLine(title=_("Location"), required=False)

    agenda = RichText(title=_("Agenda"), required=False)

    minutes = RichText(
        title=_("Minutes"),
        description=_("The minutes (referat), published with the meeting."),
        required=False,
    )

    attendees = schema.List(
        title=_("Attendees"),
        description=_("One name per line."),
        value_type=schema.TextLine(),
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IMeeting)
class Meeting(Container):
    """Møde."""
