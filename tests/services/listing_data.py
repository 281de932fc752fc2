"""Many task groups made fast, and a count of what a request loads from ZODB.

The groups are made as the catalog would hold those of a real site (the
add-on's indexers, workflow state and role mappings), without the events of
api.content.create, so that thousands take seconds, not minutes.
"""

from AccessControl.SecurityManagement import getSecurityManager
from AccessControl.SecurityManagement import newSecurityManager
from AccessControl.SecurityManagement import setSecurityManager
from AccessControl.SpecialUsers import nobody
from contextlib import contextmanager
from DateTime import DateTime
from datetime import date
from datetime import timedelta
from plone import api
from plone.dexterity.utils import createContent
from ZODB.Connection import Connection

import transaction


STATES = ("recruiting", "active", "concluded", "draft", "cancelled")
THEMES = ("Udlejning", "Grøn omstilling", "Kommunikation")
DEPARTMENTS = ((), ("Tingbjerg",), ("Hvidovre", "Tingbjerg"))


def add_groups(folder, start, stop):
    """Groups number start..stop-1 in the folder, states and facets mixed."""
    wftool = api.portal.get_tool("portal_workflow")
    (workflow,) = wftool.getWorkflowsFor("TaskGroup")
    for number in range(start, stop):
        group = createContent(
            "TaskGroup",
            title=f"Gruppe {number}",
            summary=f"Om gruppe {number}",
            theme=THEMES[number % len(THEMES)],
            departments=list(DEPARTMENTS[number % len(DEPARTMENTS)]),
            start=date(2026, 1, 1),
            deadline=date(2026, 2, 1) + timedelta(days=number % 300),
        )
        group.id = f"gruppe-{number:05d}"
        folder._setObject(group.id, group, suppress_events=True)
        group = folder[group.id]
        wftool.setStatusOf(
            workflow.getId(),
            group,
            {
                "review_state": STATES[number % len(STATES)],
                "action": None,
                "actor": "admin",
                "comments": "",
                "time": DateTime(),
            },
        )
        workflow.updateRoleMappingsFor(group)
        group.indexObject()
        if number % 500 == 0:
            transaction.savepoint(optimistic=True)
    transaction.commit()


@contextmanager
def anonymous():
    before = getSecurityManager()
    newSecurityManager(None, nobody)
    try:
        yield
    finally:
        setSecurityManager(before)


def _is_metadata(obj):
    # A bucket of the catalog's metadata rows: record id → tuple of values.
    if type(obj).__name__ != "IOBucket":
        return False
    values = obj.values()
    return bool(values) and isinstance(values[0], tuple)


def _kind(obj):
    """Sorted when loaded: a closed connection's objects cannot be read later."""
    if not type(obj).__module__.startswith("BTrees"):
        if getattr(obj, "portal_type", None) == "TaskGroup":
            return "content"
        return "objects"
    if _is_metadata(obj):
        return "metadata"
    return "index"


class Loads:
    """What one call read from the storage, sorted into kinds.

    ``objects``: anything but BTrees (tools, settings, templates), of which
    ``content`` the task groups; ``metadata``: buckets of the catalog's
    metadata rows (the brains); ``index``: the rest, the catalog's index and
    bookkeeping BTrees.
    """

    def __init__(self, kinds):
        self.content = kinds.count("content")
        self.objects = kinds.count("objects") + self.content
        self.metadata = kinds.count("metadata")
        self.index = kinds.count("index")

    def __repr__(self):
        return (
            f"<Loads objects={self.objects} content={self.content} "
            f"metadata={self.metadata} index={self.index}>"
        )


def count_loads(monkeypatch, db, call):
    """Run ``call`` after emptying every ZODB cache; returns its Loads."""
    transaction.commit()
    db.cacheMinimize()
    loaded = []
    original = Connection.setstate

    def setstate(self, obj):
        original(self, obj)
        loaded.append(_kind(obj))

    with monkeypatch.context() as patch:
        patch.setattr(Connection, "setstate", setstate)
        call()
    return Loads(loaded)
