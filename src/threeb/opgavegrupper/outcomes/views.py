"""Outcomes shown where people look: on a concluded group's overview card
and under the front page's latest decisions.

Each is a small view that the page's template includes with one line, so the
pages' own code does not change with it.
"""

from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper.outcomes import display


FRONT_PAGE_OUTCOMES = 3


class CardOutcome(BrowserView):
    """The newest published outcome of the group at ``url``, for its card."""

    index = ViewPageTemplateFile("templates/card.pt")

    def __call__(self, url):
        path = "/".join(self.request.physicalPathFromURL(url))
        found = display.rows(display.latest(1, path=path))
        if not found:
            return ""
        return self.index(outcome=found[0])


class LatestOutcomes(BrowserView):
    """The outcomes published last on the site, for the front page."""

    index = ViewPageTemplateFile("templates/latest.pt")

    def __call__(self):
        found = display.rows(display.latest(FRONT_PAGE_OUTCOMES))
        if not found:
            return ""
        return self.index(outcomes=found)
