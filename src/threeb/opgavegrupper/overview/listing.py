"""The overview of task groups: filters, order, facets and seats.

Shared by the overview page and `GET @taskgroups`. Everything comes from
catalog brains and their metadata; no group object is woken.
"""

from plone import api

import re


BATCH_SIZE = 20
FILTERS = ("review_state", "theme", "departments", "open", "text")
FACETS = ("review_state", "theme", "departments")


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


def _query(context, filters, skip=None):
    query = {
        "portal_type": "TaskGroup",
        "path": "/".join(context.getPhysicalPath()),
        "sort_on": "deadline",
    }
    if filters["open"]:
        query["review_state"] = "recruiting"
    elif filters["review_state"] and skip != "review_state":
        query["review_state"] = filters["review_state"]
    if filters["theme"] and skip != "theme":
        query["theme"] = filters["theme"]
    if filters["departments"] and skip != "departments":
        query["departments"] = filters["departments"]
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


def search(context, filters):
    """Brains of the groups, open for sign-up first, then by deadline."""
    brains = api.portal.get_tool("portal_catalog")(**_query(context, filters))
    recruiting = [b for b in brains if b.review_state == "recruiting"]
    others = [b for b in brains if b.review_state != "recruiting"]
    return recruiting + others


def facets(context, filters):
    """Counts per value of each facet, with the other filters applied."""
    catalog = api.portal.get_tool("portal_catalog")
    result = {}
    for facet in FACETS:
        counts = {}
        for brain in catalog(**_query(context, filters, skip=facet)):
            values = getattr(brain, facet, None)
            if isinstance(values, str):
                values = [values]
            for value in values or ():
                counts[value] = counts.get(value, 0) + 1
        result[facet] = counts
    return result


def seats(brain):
    """{constituency: {"filled": n, "total": m}} from the brain's metadata."""
    totals = brain.seats or {}
    filled = brain.seats_filled or {}
    return {
        key: {"filled": filled.get(key, 0), "total": total}
        for key, total in totals.items()
    }


def summary(brain):
    """What a card of the overview shows, as plain data."""

    def iso(value):
        return value.ISO8601() if value else None

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
        "seats": seats(brain),
    }
