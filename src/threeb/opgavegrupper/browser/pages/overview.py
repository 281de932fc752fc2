"""The overview of task groups: the default view of a TaskGroupFolder.

Thin on purpose: filters, order, facets and seats come from
overview/listing.py, which `GET @taskgroups` shares, and every card is drawn
from a catalog brain; no group object is woken.
"""

from plone.batching import Batch
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from threeb.opgavegrupper.browser.counts import groups_found_message
from threeb.opgavegrupper.browser.outcome import outcome_message
from threeb.opgavegrupper.browser.outcome import seats_left_message
from threeb.opgavegrupper.browser.pages.common import localized
from threeb.opgavegrupper.browser.pages.common import state_title
from threeb.opgavegrupper.overview import listing
from threeb.opgavegrupper.vocabularies.constituencies import CONSTITUENCIES
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


STATES = ("recruiting", "active", "concluded", "cancelled", "draft")

# Bootstrap badge per state. The badge always carries the state's name as
# text, so the colour only repeats what the words say.
BADGES = {
    "draft": "text-bg-warning",
    "recruiting": "text-bg-success",
    "active": "text-bg-info",
    "concluded": "text-bg-secondary",
    "cancelled": "text-bg-dark",
}


class OverviewView(BrowserView):
    index = ViewPageTemplateFile("templates/overview.pt")

    def __call__(self):
        self.update()
        return self.index()

    def update(self):
        form = self.request.form
        self.error = None
        try:
            self.filters = listing.parse_filters(form)
        except listing.FilterError as error:
            # A hand-edited URL: show every group and say what was wrong,
            # rather than an error page.
            self.error = error.message
            self.filters = listing.parse_filters({})
        overview = listing.Overview(self.context, self.filters)
        b_start = str(form.get("b_start", "0"))
        b_start = int(b_start) if b_start.isdigit() else 0
        page = overview.page(b_start, listing.BATCH_SIZE)
        self.batch = Batch(page, listing.BATCH_SIZE, b_start, orphan=0)
        self.facets = overview.facets()

    def cards(self):
        return [self.card(brain) for brain in self.batch]

    def groups_found_message(self, total):
        return groups_found_message(total)

    def card(self, brain):
        data = listing.summary(brain)
        state = data["review_state"]
        data["url"] = data["@id"]
        data["state_title"] = state_title(self.request, "TaskGroup", state)
        data["badge"] = BADGES.get(state, "text-bg-light")
        data["deadline_text"] = localized(data["deadline"])
        data["signup_deadline_text"] = (
            localized(data["signup_deadline"]) if data["open_for_signup"] else ""
        )
        # Seats left matter only while people can still sign up.
        data["seats_left_text"] = (
            seats_left_message(data["seats_left"]) if data["open_for_signup"] else None
        )
        data["outcome_text"] = outcome_message(
            data["outcome"], concluded=state == "concluded"
        )
        # Constituencies without seats say nothing about a group.
        data["seat_rows"] = [
            {"title": title, **data["seats"][key]}
            for key, title in CONSTITUENCIES
            if data["seats"].get(key, {}).get("total")
        ]
        return data

    def _options(self, facet, values, titles=None):
        counts = self.facets.get(facet, {})
        chosen = set(self.filters.get(facet) or ())
        return [
            {
                "value": value,
                "title": (titles or {}).get(value, value),
                "count": counts.get(value, 0),
                "selected": value in chosen,
            }
            for value in values
        ]

    def state_options(self):
        # Only states someone can find: a resident is not offered drafts.
        values = [
            state
            for state in STATES
            if self.facets["review_state"].get(state)
            or state in self.filters["review_state"]
        ]
        titles = {s: state_title(self.request, "TaskGroup", s) for s in values}
        return self._options("review_state", values, titles)

    def _vocabulary_values(self, name, facet):
        factory = getUtility(IVocabularyFactory, name)
        values = [term.value for term in factory(self.context)]
        # Values no longer in the settings but still on groups stay findable.
        values += sorted(set(self.facets.get(facet, {})) - set(values))
        return values

    def theme_options(self):
        values = self._vocabulary_values("threeb.opgavegrupper.Themes", "theme")
        return self._options("theme", values)

    def department_options(self):
        values = self._vocabulary_values(
            "threeb.opgavegrupper.Departments", "departments"
        )
        return self._options("departments", values)

    def filtered(self):
        f = self.filters
        return bool(
            f["review_state"]
            or f["theme"]
            or f["departments"]
            or f["open"]
            or f["text"]
        )
