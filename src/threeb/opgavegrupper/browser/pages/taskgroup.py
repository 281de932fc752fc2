"""The group's page: the challenge, the facts and the trail as a timeline.

The trail's data comes from overview/trail.py (shared with `GET @trail`);
this view only turns it into what a template shows: translated state
titles, dates as people read them. Sign-up, follow and the roster come
from the participation viewlet below the content body.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import _
from threeb.opgavegrupper.browser.pages.common import html
from threeb.opgavegrupper.browser.pages.common import localized
from threeb.opgavegrupper.browser.pages.common import state_title
from threeb.opgavegrupper.content.recommendation import IMPLEMENTATION_STATUS
from threeb.opgavegrupper.overview.trail import trail
from threeb.opgavegrupper.participation.roster import sees_full_roster
from zope.i18n import translate


# The name of each kind of entry, shown before its title.
KINDS = {
    "Mandate": _("Mandate"),
    "Meeting": _("Meeting"),
    "Recommendation": _("Recommendation"),
}


class TaskGroupView(BrowserView):
    index = ViewPageTemplateFile("templates/taskgroup.pt")
    # The timeline is a template of its own to keep each file readable.
    trail_template = ViewPageTemplateFile("templates/trail.pt")

    def __call__(self):
        return self.index()

    def state_title(self):
        return state_title(
            self.request, "TaskGroup", api.content.get_state(self.context)
        )

    def challenge(self):
        return html(self.context.challenge)

    def facts(self):
        group = self.context
        return {
            "theme": group.theme,
            "departments": list(group.departments or ()),
            "start": localized(group.start),
            "deadline": localized(group.deadline),
            "signup_deadline": localized(group.signup_deadline),
            "meeting_cadence": group.meeting_cadence,
        }

    def contact(self):
        """The contact person's name; the address only for the group's insiders.

        People outside the group see whom to ask, not how to reach them
        directly (docs/design.md, "Roles and access": contact details are
        personal data).
        """
        user_id = self.context.contact
        if not user_id:
            return None
        user = api.user.get(userid=user_id)
        if user is None:
            return None
        contact = {"name": user.getProperty("fullname") or user_id, "email": None}
        if sees_full_roster(self.context):
            contact["email"] = user.getProperty("email") or None
        return contact

    def trail_html(self):
        return self.trail_template(entries=self.entries())

    def entries(self):
        """The trail in the order things happened, the deadline last.

        The shared trail puts an approved mandate first; a person reading
        the page reads a timeline, so a mandate approved after the first
        meeting stands after it. The deadline frames the list as its end.
        """
        entries = [self._entry(entry) for entry in trail(self.context)]
        # The deadline, then the outcomes: the story of what came of it.
        last = ("end", "Outcome")
        end = [entry for entry in entries if entry["type"] in last]
        dated = [entry for entry in entries if entry["type"] not in last]
        # A stable sort by day keeps the shared order within one day (the
        # group's start before what happened on its first day).
        dated.sort(key=lambda entry: (entry["date"] or "")[:10])
        return dated + end

    def _entry(self, entry):
        entry = dict(entry)
        entry["date_text"] = localized(entry["date"])
        if entry["state"]:
            entry["state_title"] = state_title(
                self.request, entry["type"], entry["state"]
            )
        kind = entry["type"]
        if kind in KINDS:
            # "Kommissorium: Kommissorium" says nothing twice: the kind is
            # shown only when the title does not already say it.
            kind_title = translate(KINDS[kind], context=self.request)
            same = entry["title"].strip().casefold() == kind_title.casefold()
            entry["kind_title"] = None if same else kind_title
        if kind == "Meeting":
            entry["start_text"] = localized(entry["start"], long_format=True)
            entry["minutes_url"] = self._minutes_url(entry)
        if kind == "Mandate":
            entry["approval_date_text"] = localized(entry["approval_date"])
        if kind == "Outcome":
            entry["next_date_text"] = localized(entry["next_date"])
        if kind == "Recommendation" and entry["decision"]:
            entry["decision"] = dict(entry["decision"])
            entry["decision"]["date_text"] = localized(entry["decision"]["date"])
            votes = entry["decision"]["votes"]
            entry["decision"]["has_votes"] = any(v is not None for v in votes.values())
        implementation = entry.get("implementation")
        if implementation:
            implementation = entry["implementation"] = dict(implementation)
            implementation["status_title"] = IMPLEMENTATION_STATUS.getTerm(
                implementation["status"]
            ).title
            implementation["milestones"] = [
                {**row, "due_text": localized(row["due"])}
                for row in implementation["milestones"]
            ]
        return entry

    def _minutes_url(self, entry):
        """The link to a published meeting's minutes, only when it has them.

        The catalog does not know whether minutes are written, so the few
        published meetings of a group are woken to ask.
        """
        if not entry["minutes_published"]:
            return None
        meeting = self.context.get(entry["id"])
        if meeting is None or not html(getattr(meeting, "minutes", None)):
            return None
        return f"{entry['url']}#minutes"
