"""The group's page: the challenge, the facts and the trail as a timeline.

The trail's data comes from overview/trail.py (shared with `GET @trail`);
this view only turns it into what a template shows: translated state
titles, dates as people read them. Sign-up, follow and the roster come
from the participation viewlet below the content body.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper.browser.pages.common import html
from threeb.opgavegrupper.browser.pages.common import localized
from threeb.opgavegrupper.browser.pages.common import state_title
from threeb.opgavegrupper.content.recommendation import IMPLEMENTATION_STATUS
from threeb.opgavegrupper.overview.trail import trail
from threeb.opgavegrupper.participation.roster import sees_full_roster


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
        directly (DESIGN.md: contact details are personal data).
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
        return [self._entry(entry) for entry in trail(self.context)]

    def _entry(self, entry):
        entry = dict(entry)
        entry["date_text"] = localized(entry["date"])
        if entry["state"]:
            entry["state_title"] = state_title(
                self.request, entry["type"], entry["state"]
            )
        kind = entry["type"]
        if kind == "Meeting":
            entry["start_text"] = localized(entry["start"], long_format=True)
        if kind == "Mandate":
            entry["approval_date_text"] = localized(entry["approval_date"])
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
