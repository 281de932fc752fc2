"""Møde: a meeting of the group, its agenda and minutes."""

from plone.app.textfield import RichText
from plone.dexterity.content import Container
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import LIST_MAX_ITEMS
from threeb.opgavegrupper.content.limits import MINUTES_MAX_LENGTH
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from zope import schema
from zope.interface import implementer


class IMeeting(model.Schema):
    """Start and end come from plone.app.event's behaviors."""

    location = schema.TextLine(
        title=_("Location"), max_length=LINE_MAX_LENGTH, required=False
    )

    agenda = RichText(title=_("Agenda"), max_length=RICHTEXT_MAX_LENGTH, required=False)

    minutes = RichText(
        title=_("Minutes"),
        description=_("The minutes (referat), published with the meeting."),
        max_length=MINUTES_MAX_LENGTH,
        required=False,
    )

    attendees = schema.List(
        title=_("Attendees"),
        description=_("One name per line."),
        value_type=schema.TextLine(max_length=LINE_MAX_LENGTH),
        max_length=LIST_MAX_ITEMS,
        required=False,
        default=[],
        missing_value=[],
    )


@implementer(IMeeting)
class Meeting(Container):
    """Møde."""
