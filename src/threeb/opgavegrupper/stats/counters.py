"""The participation figures, kept as counters that follow every change.

Counting at read time costs as much as there is to count (172,000 catalog
records per request at 10,000 groups). So the figures are kept instead: every
change of a task group, recommendation or application reaches the catalog
through CMF's indexing queue, and ``FiguresProcessor``, a second processor of
that queue beside the catalog's own, moves the counters by the difference
between what the object counted for before and what it counts for now.
Whatever road changed it (a transition, an edit, a deletion, anonymisation, a
move, a new id) the counters follow, and they stay exact: they are keyed by
UID, so seeing the same object twice changes nothing.

Stored in annotations on the portal, as BTrees:

- ``counts``: ``{(scope, figure, key): Length}``. ``BTrees.Length`` resolves
  concurrent changes, so fifty sign-ups in the same minute do not conflict on
  a counter; an object whose figures did not change writes nothing.
- ``records``: ``{UID: (scopes, entries, extra)}``, what each object counts for.
- ``persons``: ``{user id: ((time, UID, year, scopes), ...)}``, a person's
  accepted applications, oldest first: the first one is where and when the
  person first took part.
- ``recommendations``: ``{(group UID, UID): (submitted, decided)}``, for the
  days from a group's start to its first recommendation and decision.

A scope is ``""`` for the whole site and the UID of each task-group folder
the object lies in, so the figures of the site and of a folder are read from
their own counters. ``rebuild`` counts everything again (an upgrade, a repair).
"""

from Acquisition import aq_base
from Acquisition import aq_chain
from Acquisition import aq_inner
from Acquisition import aq_parent
from BTrees.Length import Length
from BTrees.OOBTree import OOBTree
from collections import Counter
from plone import api
from plone.base.interfaces import IPloneSiteRoot
from plone.uuid.interfaces import IUUID
from Products.CMFCore.indexing import processQueue
from Products.CMFCore.interfaces import IIndexQueueProcessor
from Products.CMFCore.interfaces import ISiteRoot
from threeb.opgavegrupper.annotations import annotation
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.content.recommendation import IRecommendation
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.content.taskgroupfolder import ITaskGroupFolder
from threeb.opgavegrupper.stats.dates import as_date
from zope.annotation.interfaces import IAnnotations
from zope.component.hooks import site as active_site
from zope.interface import implementer


PREFIX = "threeb.opgavegrupper.figures."
TREES = ("counts", "records", "persons", "recommendations")
SITE = ""
# Sorts after every figure name: the upper end of one scope's counters.
LAST = "\uffff"

ADOPTED_STATES = ("adopted", "implemented")
DECIDED_STATES = ("adopted", "rejected", "implemented")
NO_DEPARTMENT = "none"


def _portal():
    return api.portal.get()


def _tree(name, create=False):
    return annotation(_portal(), PREFIX + name, OOBTree, create)


def _trees(create=False):
    trees = {name: _tree(name, create) for name in TREES}
    return None if None in trees.values() else trees


def _state(obj):
    return api.portal.get_tool("portal_workflow").getInfoFor(obj, "review_state", None)


def _scopes(obj):
    """The site and every task-group folder above the object."""
    scopes = [SITE]
    parent = aq_parent(aq_inner(obj))
    while parent is not None and not IPloneSiteRoot.providedBy(parent):
        if ITaskGroupFolder.providedBy(parent):
            scopes.append(IUUID(parent))
        parent = aq_parent(aq_inner(parent))
    return tuple(scopes)


# What one object counts for ---------------------------------------------------


def _application(obj):
    state = _state(obj)
    created = obj.created()
    day = as_date(created)
    entries = []
    if day:
        entries.append(("applications_per_month", day.strftime("%Y-%m"), 1))
    first = None
    if state == "accepted":
        entries += [
            ("participants", "total", 1),
            ("participants_by_constituency", obj.constituency or NO_DEPARTMENT, 1),
            ("participants_by_department", obj.department or NO_DEPARTMENT, 1),
        ]
        # Anonymised applications name nobody: they cannot tell a first time
        # from a second one and are left out of the first-time figure.
        if obj.applicant and day:
            first = (created.timeTime(), IUUID(obj), str(day.year))
    return tuple(entries), (obj.applicant, first)


def _recommendation(obj):
    from threeb.opgavegrupper.indexers.recommendation import submitted_date

    state = _state(obj)
    entries = []
    if state in DECIDED_STATES:
        outcome = "adopted" if state in ADOPTED_STATES else "rejected"
        entries.append(("decisions", outcome, 1))
    if state in ADOPTED_STATES:
        # An implemented recommendation is done, whatever its last figure.
        progress = 100 if state == "implemented" else obj.progress or 0
        entries += [
            ("implementation", "count", 1),
            ("implementation_status", obj.implementation_status or "not_started", 1),
            ("implementation_progress", "sum", progress),
        ]
    group = aq_parent(aq_inner(obj))
    group_uid = IUUID(group) if ITaskGroup.providedBy(group) else None
    dates = (as_date(submitted_date.callable(obj)), as_date(obj.decision_date))
    return tuple(entries), (group_uid, dates)


def _group_entries(trees, uid, state, start):
    entries = [("groups_by_state", state, 1)]
    if start is None:
        return tuple(entries)
    submitted = decided = None
    for sub, dec in trees["recommendations"].values(min=(uid,), max=(uid, LAST)):
        if sub and (submitted is None or sub < submitted):
            submitted = sub
        if dec and (decided is None or dec < decided):
            decided = dec
    if submitted:
        entries.append(("to_first_recommendation", str((submitted - start).days), 1))
    if decided:
        entries.append(("to_decision", str((decided - start).days), 1))
    return tuple(entries)


# Moving the counters -------------------------------------------------------------


def _add(delta, scopes, entries, sign):
    for scope in scopes:
        for figure, key, amount in entries:
            delta[(scope, figure, key)] += sign * amount


def _flush(trees, delta):
    counts = trees["counts"]
    for key, change in delta.items():
        if not change:
            continue
        counter = counts.get(key)
        if counter is None:
            counter = counts[key] = Length()
        counter.change(change)


def _set_record(trees, uid, record):
    records = trees["records"]
    if record is None:
        if uid in records:
            del records[uid]
    elif records.get(uid) != record:
        records[uid] = record


def _replace(trees, delta, uid, record):
    """Count ``record`` instead of what ``uid`` counted for before."""
    old = trees["records"].get(uid)
    if old is not None:
        _add(delta, old[0], old[1], -1)
    if record is not None:
        _add(delta, record[0], record[1], 1)
    _set_record(trees, uid, record)
    return old


def _first(entries):
    return entries[0] if entries else None


def _move_person(trees, delta, user_id, uid, first):
    """Put the person's accepted application ``uid`` in or out of their list."""
    persons = trees["persons"]
    before = persons.get(user_id, ())
    after = tuple(sorted(entry for entry in before if entry[1] != uid))
    if first is not None:
        after = tuple(sorted((*after, first)))
    if after == before:
        return
    old, new = _first(before), _first(after)
    if old != new:
        for entry, sign in ((old, -1), (new, 1)):
            if entry is not None:
                _add(
                    delta,
                    entry[3],
                    (("first_time_participants_per_year", entry[2], 1),),
                    sign,
                )
    if after:
        persons[user_id] = after
    else:
        del persons[user_id]


def _update_application(trees, delta, obj, uid, remove):
    if remove:
        record = None
        applicant, first = None, None
    else:
        entries, (applicant, first) = _application(obj)
        scopes = _scopes(obj)
        if first is not None:
            first = (*first, scopes)
        record = (scopes, entries, (applicant, first))
    old = _replace(trees, delta, uid, record)
    old_applicant, old_first = old[2] if old is not None else (None, None)
    if old_applicant and (old_applicant != applicant or old_first != first):
        _move_person(trees, delta, old_applicant, uid, None)
    if applicant and (old_applicant != applicant or old_first != first):
        _move_person(trees, delta, applicant, uid, first)


def _recount_group(trees, delta, group_uid):
    old = trees["records"].get(group_uid)
    if old is None:
        # Not counted (yet, or any more): it counts its recommendations itself.
        return
    state, start = old[2]
    record = (old[0], _group_entries(trees, group_uid, state, start), old[2])
    _replace(trees, delta, group_uid, record)


def _update_recommendation(trees, delta, obj, uid, remove):
    if remove:
        record = None
    else:
        entries, extra = _recommendation(obj)
        record = (_scopes(obj), entries, extra)
    old = _replace(trees, delta, uid, record)
    old_group = old[2][0] if old is not None else None
    new_group = record[2][0] if record is not None else None
    recommendations = trees["recommendations"]
    if old_group is not None and old_group != new_group:
        recommendations.pop((old_group, uid), None)
    if new_group is not None and recommendations.get((new_group, uid)) != record[2][1]:
        recommendations[(new_group, uid)] = record[2][1]
    for group_uid in {old_group, new_group} - {None}:
        _recount_group(trees, delta, group_uid)


def _update_group(trees, delta, obj, uid, remove):
    if remove:
        _replace(trees, delta, uid, None)
        return
    state = _state(obj)
    start = as_date(obj.start)
    entries = _group_entries(trees, uid, state, start)
    _replace(trees, delta, uid, (_scopes(obj), entries, (state, start)))


def _kind(obj):
    base = aq_base(obj)
    if IApplication.providedBy(base):
        return _update_application
    if IRecommendation.providedBy(base):
        return _update_recommendation
    if ITaskGroup.providedBy(base):
        return _update_group
    return None


def update(obj, remove=False):
    """Count the object as it is now (or, with ``remove``, no more)."""
    handler = _kind(obj)
    if handler is None:
        return
    uid = IUUID(obj, None)
    if uid is None:
        return
    portal = _site_of(obj)
    if portal is None:
        return
    # The indexing queue is processed at commit, where a script or a test
    # layer may have left no site active: count in the object's own site.
    with active_site(portal):
        trees = _trees(create=True)
        delta = Counter()
        handler(trees, delta, obj, uid, remove)
        _flush(trees, delta)


def _site_of(obj):
    for item in aq_chain(obj):
        if ISiteRoot.providedBy(item):
            return item
    return None


@implementer(IIndexQueueProcessor)
class FiguresProcessor:
    """Keeps the counters as the indexing queue hands objects to the catalog."""

    def index(self, obj, attributes=None):
        update(obj)

    def reindex(self, obj, attributes=None, update_metadata=1):
        update(obj)

    def unindex(self, obj):
        update(obj, remove=True)

    def begin(self):
        pass

    def commit(self):
        pass

    def abort(self):
        pass


# Reading and rebuilding ---------------------------------------------------------


def _scope_of(context):
    return SITE if IPloneSiteRoot.providedBy(context) else IUUID(context)


def counts(context):
    """``{figure: {key: count}}`` for the site or a folder; zeros left out."""
    # What this request changed is still in the queue: count it first.
    processQueue()
    counters = _tree("counts")
    found = {}
    if counters is None:
        return found
    scope = _scope_of(context)
    for (_scope, figure, key), counter in counters.items(
        min=(scope,), max=(scope, LAST)
    ):
        value = counter()
        if value:
            found.setdefault(figure, {})[key] = value
    return found


def rebuild(portal=None):
    """Forget the counters and count every group, recommendation and application."""
    portal = portal or _portal()
    processQueue()
    annotations = IAnnotations(portal)
    for name in TREES:
        annotations.pop(PREFIX + name, None)
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    # Groups first: a recommendation then finds its group's record.
    for portal_type in ("TaskGroup", "Recommendation", "Application"):
        for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
            obj = brain._unrestrictedGetObject()
            if obj is not None:
                update(obj)
                count += 1
    return count
