"""Small helpers the pages share: state titles and dates for people."""

from plone import api
from threeb.opgavegrupper.dates import date_text
from threeb.opgavegrupper.dates import datetime_text
from zope.i18n import translate


def state_title(request, portal_type, state):
    """The workflow state's title, translated (state titles are in `plone`)."""
    if not state:
        return ""
    wftool = api.portal.get_tool("portal_workflow")
    title = wftool.getTitleForStateOnType(state, portal_type) or state
    return translate(title, domain="plone", context=request)


def localized(value, long_format=False):
    """A date or time (ISO text, DateTime, date, datetime) as people read it.

    In the site's time zone, in the add-on's one format (dates.py): a day as
    "30. november 2026", with ``long_format`` a moment as
    "30. november 2026 kl. 17.00".
    """
    if long_format:
        return datetime_text(value)
    return date_text(value)


def html(richtext):
    """The safe HTML of a rich-text field, or "" when empty."""
    output = getattr(richtext, "output", None) if richtext is not None else None
    return output if output and output.strip() else ""
