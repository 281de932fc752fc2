"""Small helpers the pages share: state titles and dates for people."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone import api
from zope.i18n import translate


def state_title(request, portal_type, state):
    """The workflow state's title, translated (state titles are in `plone`)."""
    if not state:
        return ""
    wftool = api.portal.get_tool("portal_workflow")
    title = wftool.getTitleForStateOnType(state, portal_type) or state
    return translate(title, domain="plone", context=request)


def localized(value, long_format=False):
    """A date or time (ISO text, DateTime, date, datetime) as the site shows it.

    Times keep the wall-clock time of their own zone: a meeting at 17 in
    Copenhagen reads 17, whatever zone the server runs in.
    """
    if not value:
        return ""
    if isinstance(value, str):
        value = (
            datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        )
    elif isinstance(value, DateTime):
        value = value.asdatetime()
    # A naive DateTime of the same figures is formatted as it is written.
    pattern = "%Y/%m/%d %H:%M:%S" if isinstance(value, datetime) else "%Y/%m/%d"
    wall = DateTime(value.strftime(pattern))
    return api.portal.get_localized_time(datetime=wall, long_format=long_format)


def html(richtext):
    """The safe HTML of a rich-text field, or "" when empty."""
    output = getattr(richtext, "output", None) if richtext is not None else None
    return output if output and output.strip() else ""
