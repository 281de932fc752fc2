"""Catalog values of a group's card: its phase in the order, and its outcome.

The overview, `GET @taskgroups` and "Mine opgavegrupper" read both from the
group's catalog record, so that no page wakes a group or its
recommendations:

- ``taskgroup_phase_order`` (a FieldIndex and a column): the overview shows
  the groups people can still join or follow at work before the finished
  ones, across its pages, from the index's sets of record ids.
- ``taskgroup_outcome`` (a column): how many of the group's recommendations
  the board adopted and rejected, and the day of its last decision.

A group's outcome changes with its recommendations, not with the group, so
the subscribers at the end reindex the group whenever one of them changes.
"""

from Acquisition import aq_base
from Acquisition import aq_inner
from Acquisition import aq_parent
from plone.indexer import indexer
from Products.CMFCore.utils import getToolByName
from threeb.opgavegrupper.content.recommendation import IRecommendation
from threeb.opgavegrupper.content.taskgroup import ITaskGroup


PHASE_INDEX = "taskgroup_phase_order"
OUTCOME_COLUMN = "taskgroup_outcome"
# Working groups first (open for sign-up, then at work), then those being
# prepared, then the finished ones. A state not listed sorts last.
PHASE_ORDER = {
    "recruiting": 0,
    "active": 1,
    "draft": 2,
    "concluded": 3,
    "cancelled": 4,
}
LAST_PHASE = max(PHASE_ORDER.values()) + 1
ADOPTED_STATES = ("adopted", "implemented")
REJECTED_STATES = ("rejected",)


def phase_order(state):
    """The place of a group's state in the overview's order (0 first)."""
    return PHASE_ORDER.get(state, LAST_PHASE)


def _state(obj):
    # From the object's own site, not the active one: the indexing queue
    # may run at commit with no site (a script, a test layer's set-up).
    workflow = getToolByName(obj, "portal_workflow")
    return workflow.getInfoFor(obj, "review_state", None)


@indexer(ITaskGroup)
def taskgroup_phase_order(obj):
    return phase_order(_state(obj))


def _recommendations(group):
    """The group's recommendations, waking no other child.

    A child's class is known without loading it (a ghost knows its class),
    so the group's applications and meetings stay where they are.
    """
    base = aq_base(group)
    for obj_id in base.objectIds(ordered=False):
        child = aq_base(base._getOb(obj_id, None))
        if child is not None and IRecommendation.implementedBy(type(child)):
            yield group._getOb(obj_id)


def outcome(group):
    """{"adopted", "rejected", "decided", "decision_date"} of the group's work.

    Only decided recommendations count: they are as public as the group,
    while a draft says nothing a visitor may read. ``decision_date`` is the
    day of the board's last decision, a date or None.
    """
    adopted = rejected = 0
    last = None
    for recommendation in _recommendations(group):
        state = _state(recommendation)
        if state in ADOPTED_STATES:
            adopted += 1
        elif state in REJECTED_STATES:
            rejected += 1
        else:
            continue
        day = getattr(recommendation, "decision_date", None)
        if day is not None and (last is None or day > last):
            last = day
    return {
        "adopted": adopted,
        "rejected": rejected,
        "decided": adopted + rejected,
        "decision_date": last,
    }


@indexer(ITaskGroup)
def taskgroup_outcome(obj):
    return outcome(obj)


def _reindex_group(group):
    if ITaskGroup.providedBy(group):
        # One cheap index by name: the catalog then writes the group's whole
        # metadata row, the outcome with it, and leaves its modified date.
        group.reindexObject(idxs=[PHASE_INDEX])


def recommendation_changed(recommendation, event):
    """A transition or an edit of a recommendation: its group's outcome."""
    _reindex_group(aq_parent(aq_inner(recommendation)))


def recommendation_moved(recommendation, event):
    """A recommendation added, removed or moved: both groups' outcomes.

    Only for the recommendation's own event: when its group is deleted or
    copied, the group's event reaches it too, and the group is unindexed or
    indexed whole anyway.
    """
    if event.object is not recommendation:
        return
    for group in (event.oldParent, event.newParent):
        if group is not None:
            _reindex_group(group)


def group_transitioned(group, event):
    """The workflow reindexes only the state; the phase follows it."""
    group.reindexObject(idxs=[PHASE_INDEX])
