"""Views of a group's mandate, meetings and recommendations.

One column, headings and definition lists, so they read well on a phone.
Each is the default view of its type.
"""

from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper import dates
from threeb.opgavegrupper.browser.pages.common import html
from threeb.opgavegrupper.browser.pages.common import localized
from threeb.opgavegrupper.browser.pages.common import state_title
from threeb.opgavegrupper.content.mandate import AUTHORITY
from threeb.opgavegrupper.content.recommendation import IMPLEMENTATION_STATUS


class ItemView(BrowserView):
    def __call__(self):
        return self.index()

    def state_title(self):
        return state_title(
            self.request, self.context.portal_type, api.content.get_state(self.context)
        )

    def html(self, name):
        return html(getattr(self.context, name, None))

    def lines(self, name):
        return [line for line in getattr(self.context, name, None) or () if line]


class MandateView(ItemView):
    index = ViewPageTemplateFile("templates/mandate.pt")

    def authority(self):
        value = self.context.authority
        return AUTHORITY.getTerm(value).title if value in AUTHORITY else ""

    def budget(self):
        budget = self.context.budget
        # Danish groups thousands with a dot: 150.000 kr.
        return f"{budget:,}".replace(",", ".") if budget is not None else ""

    def approval_date(self):
        return localized(self.context.approval_date)

    def milestones(self):
        return [
            {"title": row.get("title") or "", "date": localized(row.get("date"))}
            for row in self.context.milestones or ()
        ]


class MeetingView(ItemView):
    index = ViewPageTemplateFile("templates/meeting.pt")

    def when(self):
        """Start and end as people read them, with the time zone named."""
        start, end = self.context.start, self.context.end
        if not start:
            return None
        # Written in the site's zone (dates.py), so the zone named is that one.
        local_start = dates.local(start)
        same_day = end and dates.local_date(end) == local_start.date()
        return {
            "start_iso": start.isoformat(),
            "start": localized(start, long_format=True),
            "end_iso": end.isoformat() if end else "",
            # A meeting that ends the day it starts: "kl. 17.00–19.00".
            "end": dates.time_text(end) if same_day else localized(end, True),
            "zone": local_start.tzname() or "",
        }

    def files(self):
        # Attachments are the meeting's own files; a restricted search shows
        # only those the visitor may open.
        brains = api.content.find(
            context=self.context,
            depth=1,
            portal_type=["File", "Image", "Document", "Link"],
            sort_on="getObjPositionInParent",
        )
        return [{"title": b.Title or b.getId, "url": b.getURL()} for b in brains]


class RecommendationView(ItemView):
    index = ViewPageTemplateFile("templates/recommendation.pt")

    def consequences(self):
        context = self.context
        rows = (
            ("economy", context.consequences_economy),
            ("residents", context.consequences_residents),
            ("departments", context.consequences_departments),
        )
        return [{"key": key, "text": text} for key, text in rows if text]

    def decision(self):
        context = self.context
        if not (context.decision_text or context.decision_date):
            return None
        votes = (context.votes_for, context.votes_against, context.votes_abstain)
        return {
            "text": context.decision_text or "",
            "date": localized(context.decision_date),
            "date_iso": (
                context.decision_date.isoformat() if context.decision_date else ""
            ),
            "has_votes": any(v is not None for v in votes),
            "for": votes[0] or 0,
            "against": votes[1] or 0,
            "abstain": votes[2] or 0,
        }

    def implementation(self):
        context = self.context
        # Nothing is implemented before the board has adopted the proposal.
        if api.content.get_state(context) not in ("adopted", "implemented"):
            return None
        status = context.implementation_status or "not_started"
        return {
            "status": IMPLEMENTATION_STATUS.getTerm(status).title,
            "progress": context.progress or 0,
            "milestones": [
                {
                    "title": row.get("title") or "",
                    "due": localized(row.get("due")),
                    "done": bool(row.get("done")),
                }
                for row in context.implementation_milestones or ()
            ],
        }
