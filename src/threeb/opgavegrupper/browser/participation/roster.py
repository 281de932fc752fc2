"""Classic UI: the roster of a task group.

``@@roster`` is a page of its own; the group page includes the same list
with ``context/@@roster/fragment``. What each person sees is decided by
participation/roster.py, not here.
"""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper.participation import roster
from zope.i18n import translate


class RosterView(BrowserView):
    index = ViewPageTemplateFile("templates/roster.pt")
    fragment_template = ViewPageTemplateFile("templates/roster_fragment.pt")

    _data = None

    def data(self):
        if self._data is None:
            self._data = roster.roster(self.context)
        return self._data

    def seats_text(self, section):
        """ "0 af 1 plads besat": the plural form follows the seats."""
        return translate(roster.seats_message(section), context=self.request)

    def fragment(self):
        """The roster alone, without the page around it."""
        return self.fragment_template()

    def __call__(self):
        return self.index()
