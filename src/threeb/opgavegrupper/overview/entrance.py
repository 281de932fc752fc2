"""What the entrance shows: open groups, the next meetings, the latest decisions.

Shared by the front page (browser/frontpage) and the "Kommende møder" portlet
(portlets/meetings.py). Everything is a restricted catalog search, so each
visitor sees what they may see, and each list reads a few brains (the search
is limited before brains are made), however large the site has grown.
"""

from DateTime import DateTime
from datetime import date
from plone import api
from threeb.opgavegrupper import dates
from threeb.opgavegrupper.overview import listing
from threeb.opgavegrupper.stats.counters import DECIDED_STATES
from threeb.opgavegrupper.stats.dates import as_date


def _catalog():
    return api.portal.get_tool("portal_catalog")


def task_group_folder():
    """The brain of the main folder of task groups (the one nearest the site
    root), or None on a site without one."""
    brains = _catalog().searchResults(portal_type="TaskGroupFolder")
    if not brains:
        return None
    return min(brains, key=lambda brain: (brain.getPath().count("/"), brain.getPath()))


def open_groups(folder, limit):
    """(brains of up to ``limit`` groups open for sign-up, how many are open).

    The overview's own order (listing.Overview): the first the overview shows
    when it is filtered on "open for sign-up".
    """
    overview = listing.Overview(folder, listing.parse_filters({"open": "1"}))
    return list(overview.page(0, limit)), len(overview)


def parents(brains):
    """The catalog records of the brains' containers, by path."""
    paths = sorted({brain.getPath().rsplit("/", 1)[0] for brain in brains})
    if not paths:
        return {}
    return {
        brain.getPath(): brain
        for brain in _catalog().searchResults(path={"query": paths, "depth": 0})
    }


def upcoming_meetings(limit, path=None):
    """Brains of the next ``limit`` published meetings not yet over, soonest
    first; under ``path`` if given."""
    query = {
        "portal_type": "Meeting",
        "review_state": "published",
        "end": {"query": DateTime(), "range": "min"},
        "sort_on": "start",
        "sort_limit": limit,
    }
    if path:
        query["path"] = path
    return list(_catalog().searchResults(**query)[:limit])


def decided_on(brain):
    """The day of the board's decision (a date), or None when the record has
    none (Missing.Value in a row from before the column)."""
    return as_date(brain.decision_date)


def latest_decisions(limit):
    """Brains of the ``limit`` recommendations the board decided on last:
    the latest decision date first, on the same day the last changed first.

    Sorted by the decision_date index, so a decision is found however many
    changes came after it; a record without the date (a decision from
    before the field) is not a decision to show.
    """
    return list(
        _catalog().searchResults(
            portal_type="Recommendation",
            review_state=DECIDED_STATES,
            decision_date={"query": date.min, "range": "min"},
            sort_on=("decision_date", "modified"),
            sort_order="reverse",
            sort_limit=limit,
        )[:limit]
    )


def meeting_rows(brains):
    """What a list of meetings shows per meeting, as plain data: its title,
    time and the group it belongs to."""
    groups = parents(brains)
    rows = []
    for brain in brains:
        group = groups.get(brain.getPath().rsplit("/", 1)[0])
        start = brain.start
        rows.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                # A datetime or a DateTime, as the indexer gave it.
                "start": dates.local(start).isoformat() if start else "",
                "when": dates.datetime_text(start) if start else "",
                "group": group.Title if group is not None else "",
                "group_url": group.getURL() if group is not None else "",
            }
        )
    return rows
