"""The "Kommende møder" portlet: the next published meetings a visitor may see.

The add-on's own portlet where Plone's "Upcoming Events" would list the
meetings in English: a restricted catalog search of a few brains
(overview/entrance), so each visitor sees only meetings they may see.
"""

from plone.app.portlets.portlets import base
from plone.portlets.interfaces import IPortletDataProvider
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser.frontpage.view import webcal
from threeb.opgavegrupper.overview import entrance
from zope import schema
from zope.interface import implementer


MAX_COUNT = 20
FRONT_PAGE = "opgavegrupper-forside"


class IUpcomingMeetingsPortlet(IPortletDataProvider):
    count = schema.Int(
        title=_("Number of meetings"),
        description=_("How many of the next meetings the portlet lists."),
        required=True,
        default=5,
        min=1,
        max=MAX_COUNT,
    )


@implementer(IUpcomingMeetingsPortlet)
class Assignment(base.Assignment):
    def __init__(self, count=5):
        self.count = count

    @property
    def title(self):
        return _("Upcoming meetings")


class Renderer(base.Renderer):
    render = ViewPageTemplateFile("meetings.pt")

    @property
    def available(self):
        # The front page lists the next meetings itself.
        if getattr(self.view, "__name__", None) == FRONT_PAGE:
            return False
        return bool(self.meetings())

    def meetings(self):
        if not hasattr(self, "_meetings"):
            count = min(max(int(self.data.count or 0), 0), MAX_COUNT)
            brains = entrance.upcoming_meetings(count) if count else []
            self._meetings = entrance.meeting_rows(brains)
        return self._meetings

    def links(self):
        """The calendar subscription of the main folder, when there is one."""
        folder = entrance.task_group_folder()
        if folder is None:
            return {}
        feed = f"{folder.getURL()}/calendar.ics"
        return {"calendar": feed, "webcal": webcal(feed)}


class AddForm(base.AddForm):
    schema = IUpcomingMeetingsPortlet
    label = _("Add the upcoming meetings portlet")
    description = _("Lists the next published meetings of the task groups.")

    def create(self, data):
        return Assignment(count=data.get("count", 5))


class EditForm(base.EditForm):
    schema = IUpcomingMeetingsPortlet
    label = _("Edit the upcoming meetings portlet")
    description = _("Lists the next published meetings of the task groups.")
