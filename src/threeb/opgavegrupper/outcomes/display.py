"""Published outcomes for the overview's cards and the front page.

Restricted catalog searches, limited before brains are made: a card asks for
its group's newest outcome, the front page for the newest few of the site.
"""

from plone import api


def _catalog():
    return api.portal.get_tool("portal_catalog")


def latest(limit, path=None):
    """Brains of the ``limit`` outcomes published last (under ``path``)."""
    query = {
        "portal_type": "Outcome",
        "review_state": "published",
        "sort_on": "effective",
        "sort_order": "reverse",
        "sort_limit": limit,
    }
    if path:
        query["path"] = {"query": path, "depth": 1}
    return list(_catalog().searchResults(**query)[:limit])


def rows(brains):
    """What a teaser shows per outcome, as plain data."""
    groups = {}
    paths = sorted({brain.getPath().rsplit("/", 1)[0] for brain in brains})
    if paths:
        groups = {
            brain.getPath(): brain
            for brain in _catalog().searchResults(path={"query": paths, "depth": 0})
        }
    found = []
    for brain in brains:
        group = groups.get(brain.getPath().rsplit("/", 1)[0])
        found.append(
            {
                "title": brain.Title,
                "url": brain.getURL(),
                "summary": brain.Description,
                "group": group.Title if group is not None else "",
                "group_url": group.getURL() if group is not None else "",
            }
        )
    return found
