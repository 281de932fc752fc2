"""The overview of task groups: filters, order, facets and seats.

Shared by the overview page and `GET @taskgroups`. Everything comes from
the catalog: facets and totals from its index sets, the cards from the
metadata of the page's brains; no group object is woken, and no brain is
made beyond the page.
"""

from BTrees.IIBTree import difference
from BTrees.IIBTree import IISet
from BTrees.IIBTree import intersection
from BTrees.IIBTree import multiunion
from DateTime import DateTime
from plone import api
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.utils import _getAuthenticatedUser
from threeb.opgavegrupper.indexers.cards import OUTCOME_COLUMN
from threeb.opgavegrupper.indexers.cards import PHASE_INDEX
from threeb.opgavegrupper.indexers.cards import phase_order
from ZTUtils.Lazy import LazyCat
from ZTUtils.Lazy import LazyMap

import heapq
import re


BATCH_SIZE = 20
FILTERS = ("review_state", "theme", "departments", "open", "text")
FACETS = ("review_state", "theme", "departments")
# The states of the task group workflow.
STATES = ("draft", "recruiting", "active", "concluded", "cancelled")


class FilterError(ValueError):
    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


def _as_list(value):
    if value in (None, ""):
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if v]
    return [value]


def parse_filters(form):
    """Clean filters from a request form; raises FilterError naming a field."""
    filters = {
        "review_state": _as_list(form.get("review_state")),
        "theme": _as_list(form.get("theme")),
        "departments": _as_list(form.get("departments") or form.get("department")),
        "text": (form.get("text") or form.get("SearchableText") or "").strip(),
        "open": False,
    }
    open_value = str(form.get("open", "")).lower()
    if open_value not in ("", "0", "1", "true", "false", "on", "off"):
        raise FilterError("open", "open must be true or false")
    filters["open"] = open_value in ("1", "true", "on")
    if not all(isinstance(v, str) for key in FACETS for v in filters[key]):
        raise FilterError("review_state", "filters take text values")
    return filters


def _base_query(context, filters):
    """What every part of the overview asks: groups under the folder, words."""
    query = {
        "portal_type": "TaskGroup",
        "path": "/".join(context.getPhysicalPath()),
    }
    words = search_words(filters["text"])
    if words:
        # Words are matched as prefixes, as people type in a search box.
        query["SearchableText"] = " ".join(f"{word}*" for word in words)
    return query


# ZCTextIndex reads these as operators, not as words to look for.
OPERATORS = {"and", "or", "not", "near"}


def search_words(text):
    """The words of a search, without the text index's query syntax."""
    return [
        word for word in re.findall(r"\w+", text or "") if word.lower() not in OPERATORS
    ]


def _record_ids(catalog, query):
    """Record ids of what ``query`` finds for the current user, as an IISet.

    The same indexes, security and effective dates as ``catalog(**query)``,
    but without sorting and without making a brain: the overview sorts only
    the page it shows and counts facets by intersecting index sets.
    """
    processQueue()
    query = dict(query)
    query["allowedRolesAndUsers"] = catalog._listAllowedRolesAndUsers(
        _getAuthenticatedUser(catalog)
    )
    if not catalog.allow_inactive(query):
        query["effectiveRange"] = DateTime()
    cat = catalog._catalog
    query = cat.make_query(query)
    plan = cat.getCatalogPlan(query)
    plan.start()
    rids = None
    for name in plan.plan() or cat._sorted_search_indexes(query):
        if name not in cat.indexes:
            continue
        rids = cat._search_index(plan, name, query, rids)
        if not rids:
            break
    plan.stop()
    if not rids:
        return IISet()
    if hasattr(rids, "keys"):
        # A text search scores its records; the overview orders by deadline.
        return IISet(rids.keys())
    return rids


def _value_set(index, value):
    """The record ids an index holds for one value (a set or a single id)."""
    rids = index._index.get(value)
    if rids is None:
        return IISet()
    if isinstance(rids, int):
        return IISet((rids,))
    return rids


def _any_of(index, values):
    return multiunion([_value_set(index, value) for value in values])


def _intersect(*sets):
    result = None
    for rids in sets:
        if rids is not None:
            result = intersection(result, rids)
    return result if result is not None else IISet()


class Overview:
    """The groups a person finds with some filters, their order and facets.

    Index sets are intersected once; only the page is sorted and only its
    brains are made, so a page costs what a page of Plone's own search does
    whether there are a hundred groups or ten thousand.
    """

    def __init__(self, context, filters):
        self.catalog = api.portal.get_tool("portal_catalog")
        self.indexes = self.catalog._catalog.indexes
        self.filters = filters
        self.base = _record_ids(self.catalog, _base_query(context, filters))
        self.chosen = {facet: self._chosen(facet) for facet in FACETS}
        self.found = _intersect(self.base, *self.chosen.values())

    def _phases(self):
        """The found records in the order of their groups' phases, lazily.

        Open for sign-up and at work first, finished last, from the sets of
        the phase index. A page stops asking once it is full, so the first
        pages read the sets of the first phases only.
        """
        index = self.indexes.get(PHASE_INDEX)
        if index is None:
            # A site not yet upgraded: open for sign-up first, then the rest.
            first = _intersect(
                self.found, _value_set(self.indexes["review_state"], "recruiting")
            )
            yield first
            yield difference(self.found, first)
            return
        placed = []
        for value in index._index:
            rids = _intersect(self.found, _value_set(index, value))
            placed.append(rids)
            yield rids
        # A record without a phase (none should be) still comes, last.
        yield difference(self.found, multiunion(placed))

    def _state_set(self, state):
        """The records of groups in a state.

        From the phase index, which holds one value per state of a group
        (cards.PHASE_ORDER): the page reads those sets already, so the
        counts per state read nothing more. A site not yet upgraded asks the
        state's own index.
        """
        index = self.indexes.get(PHASE_INDEX)
        if index is None:
            return _value_set(self.indexes["review_state"], state)
        return _value_set(index, phase_order(state))

    def _chosen(self, facet):
        """The records a facet's filter lets through; None lets all through."""
        index = self.indexes[facet]
        if facet == "review_state" and self.filters["open"]:
            return _value_set(index, "recruiting")
        if self.filters[facet]:
            return _any_of(index, self.filters[facet])
        return None

    def __len__(self):
        return len(self.found)

    def page(self, b_start=0, b_size=BATCH_SIZE):
        """Brains of one page: by phase (cards.PHASE_ORDER), then by deadline.

        A sequence of the page's brains that knows the number of all found
        (``actual_result_count``), as plone.batching expects of a catalog
        search made with ``b_start`` and ``b_size``.
        """
        parts = []
        start, wanted = b_start, b_size
        for rids in self._phases():
            if wanted <= 0:
                break
            length = len(rids)
            if wanted > 0 and start < length:
                size = min(wanted, length - start)
                parts.append(self._by_deadline(rids, start, size))
                wanted -= size
                start = 0
            else:
                start = max(0, start - length)
        size = b_size - wanted
        return LazyCat(parts, size, actual_result_count=len(self.found))

    def _by_deadline(self, rids, start, size):
        """Brains of ``rids[start:start + size]`` in the order of deadlines.

        Groups with the same deadline keep the order of their record ids, so
        pages never share a group or miss one (the catalog's own limited sort
        breaks ties differently from page to page).
        """
        cat = self.catalog._catalog
        deadlines = cat.getIndex("deadline").documentToKeyMap()

        def key(rid):
            value = deadlines.get(rid)
            # A group without a deadline comes last.
            return (value is None, value or 0, rid)

        length = len(rids)
        if start > length / 2:
            # A page near the end: keep the last ones rather than the first.
            chosen = heapq.nlargest(length - start, rids, key=key)
            chosen.reverse()
            chosen = chosen[:size]
        else:
            chosen = heapq.nsmallest(start + size, rids, key=key)[start:]
        return LazyMap(cat.__getitem__, chosen, len(chosen))

    def facets(self):
        """Counts per value of each facet, with the other filters applied."""
        values = {
            # Only a group's own states: the sets of other types' states
            # (applications' above all) are large and never hold a group.
            "review_state": STATES,
            "theme": list(self.indexes["theme"]._index.keys()),
            "departments": list(self.indexes["departments"]._index.keys()),
        }
        result = {}
        for facet in FACETS:
            others = [self.chosen[other] for other in FACETS if other != facet]
            if facet == "review_state" and self.filters["open"]:
                others.append(self.chosen[facet])
            rids = _intersect(self.base, *others)
            index = self.indexes[facet]
            counts = {}
            for value in values[facet]:
                if facet == "review_state":
                    found = self._state_set(value)
                else:
                    found = _value_set(index, value)
                count = len(_intersect(found, rids))
                if count:
                    counts[value] = count
            result[facet] = counts
        return result


def search(context, filters, b_start=0, b_size=BATCH_SIZE):
    """Brains of one page of groups, working groups first, then by deadline."""
    return Overview(context, filters).page(b_start, b_size)


def facets(context, filters):
    """Counts per value of each facet, with the other filters applied."""
    return Overview(context, filters).facets()


def seats(brain):
    """{constituency: {"filled": n, "total": m}} from the brain's metadata."""
    totals = brain.seats or {}
    filled = brain.seats_filled or {}
    return {
        key: {"filled": filled.get(key, 0), "total": total}
        for key, total in totals.items()
    }


def seats_left(seats_by_constituency):
    """Seats still free in all constituencies together."""
    return sum(
        max(0, seat["total"] - seat["filled"])
        for seat in seats_by_constituency.values()
    )


def outcome(brain):
    """The board's decisions on the group's recommendations, from metadata.

    {"adopted", "rejected", "decided", "decision_date" (ISO day or None),
    "verdict"}, where the verdict is "adopted", "rejected" or "partly" (some
    of each); None if the board has decided on none of them.
    """
    found = getattr(brain, OUTCOME_COLUMN, None)
    if not isinstance(found, dict) or not found.get("decided"):
        return None
    adopted, rejected = found.get("adopted", 0), found.get("rejected", 0)
    verdict = "adopted" if adopted else "rejected"
    if adopted and rejected:
        verdict = "partly"
    day = found.get("decision_date")
    return {
        "adopted": adopted,
        "rejected": rejected,
        "decided": adopted + rejected,
        "decision_date": day.isoformat() if day else None,
        "verdict": verdict,
    }


def summary(brain):
    """What a card of the overview shows, as plain data."""

    def iso(value):
        return value.ISO8601() if value else None

    seats_now = seats(brain)

    return {
        "@id": brain.getURL(),
        "id": brain.getId,
        "title": brain.Title,
        "summary": brain.Description,
        "review_state": brain.review_state,
        "open_for_signup": brain.review_state == "recruiting",
        "theme": brain.theme,
        "departments": list(brain.departments or ()),
        "start": iso(brain.start),
        "deadline": iso(brain.deadline),
        "signup_deadline": iso(brain.signup_deadline),
        "seats": seats_now,
        "seats_left": seats_left(seats_now),
        "outcome": outcome(brain),
    }


def outcomes(uids):
    """{UID: outcome(brain)} of the groups with these UIDs the user may see.

    One catalog search by UID, for a person's own list of groups ("Mine
    opgavegrupper"): the decisions come from the groups' metadata.
    """
    if not uids:
        return {}
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog(UID=sorted(uids), portal_type="TaskGroup")
    return {brain.UID: outcome(brain) for brain in brains}
