"""@@opgavegrupper-forside: the association's entrance, the site root's layout.

What task groups are (the site's own text, written by the association), the
groups open for sign-up now, the next meetings and the latest decisions of
the board, with the ways on: the overview, the årshjul and the calendar.
Every list is a restricted catalog search of a few brains (overview/entrance),
so each visitor sees what they may see and a large site costs no more.
"""

from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import dates
from threeb.opgavegrupper.browser.counts import open_groups_link_message
from threeb.opgavegrupper.browser.pages.common import html
from threeb.opgavegrupper.browser.pages.common import state_title
from threeb.opgavegrupper.overview import entrance


OPEN_GROUPS = 4
MEETINGS = 5
DECISIONS = 5


def organisation_name():
    """The organisation's name from the add-on's settings."""
    return api.portal.get_registry_record(
        "threeb.opgavegrupper.organisation_name", default=""
    )


def webcal(url):
    """The same feed for calendar programs that subscribe (webcal://)."""
    return "webcal" + url[url.index(":") :]


class FrontPageView(BrowserView):
    index = ViewPageTemplateFile("templates/frontpage.pt")

    def __call__(self):
        return self.index()

    @property
    @memoize
    def folder(self):
        """The brain of the site's folder of task groups, or None."""
        return entrance.task_group_folder()

    def organisation(self):
        return organisation_name() or self.context.Title()

    def intro(self):
        """The site's own text (the template falls back on the folder's
        description)."""
        return html(getattr(self.context, "text", None))

    def folder_description(self):
        return self.folder.Description if self.folder is not None else ""

    def links(self):
        """Where a visitor goes on from here, when the site has a folder."""
        if self.folder is None:
            return {}
        url = self.folder.getURL()
        feed = f"{url}/calendar.ics"
        return {
            "overview": url,
            "open": f"{url}?open=1",
            "aarshjul": f"{url}/@@aarshjul",
            "calendar": feed,
            "webcal": webcal(feed),
        }

    def open_groups(self):
        """(cards of the first groups open for sign-up, how many are open)."""
        if self.folder is None:
            return [], 0
        brains, total = entrance.open_groups(self.folder.getObject(), OPEN_GROUPS)
        cards = [
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "summary": brain.Description,
                "theme": brain.theme,
                "signup_deadline": dates.date_text(brain.signup_deadline),
                "signup_deadline_iso": (
                    brain.signup_deadline.ISO8601() if brain.signup_deadline else ""
                ),
            }
            for brain in brains
        ]
        return cards, total

    def open_groups_link_message(self, total):
        return open_groups_link_message(total)

    def meetings(self):
        return entrance.meeting_rows(entrance.upcoming_meetings(MEETINGS))

    def decisions(self):
        brains = entrance.latest_decisions(DECISIONS)
        groups = entrance.parents(brains)
        rows = []
        for brain in brains:
            group = groups.get(brain.getPath().rsplit("/", 1)[0])
            day = entrance.decided_on(brain)
            rows.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "summary": brain.Description,
                    "state": brain.review_state,
                    "state_title": state_title(
                        self.request, "Recommendation", brain.review_state
                    ),
                    "date": dates.date_text(day),
                    "date_iso": day.isoformat(),
                    "group": group.Title if group is not None else "",
                    "group_url": group.getURL() if group is not None else "",
                }
            )
        return rows
