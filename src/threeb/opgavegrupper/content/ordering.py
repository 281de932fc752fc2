"""A sign-up writes nothing on its group: the order and the modified date.

plone.folder's default ordering appends every new child's id to one
persistent list on the group, and the container-modified event that follows
every add gives the group a new modification date. So every two sign-ups at
the same moment both write the same objects and conflict in ZODB; when a
popular group opens, some lose after Zope's retries (docs/design.md,
"Scale").

- Applications need no manual order (pages list them from the catalog, by
  date), so they stay out of the order list. Everything else in a group
  (mandate, meetings, recommendations, material) keeps its manual order.
- An application is no edit of the group: its modified date, which listings
  and "recently changed" show, stays. The catalog still reindexes the group
  and finds nothing changed, so it writes nothing for it either.
- The folder's index of ids by meta type gets its entry for applications
  when the group is made, not from the first sign-ups, which would all make
  it at once.
"""

from Acquisition import aq_base
from BTrees.OIBTree import OIBTree
from persistent import Persistent
from plone.folder.default import DefaultOrdering
from plone.folder.interfaces import IExplicitOrdering
from threeb.opgavegrupper.content.application import Application
from threeb.opgavegrupper.content.application import IApplication
from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from ZODB.utils import z64
from zope.component import adapter
from zope.interface import implementer

import io
import pickle


ORDERING_NAME = "threeb.opgavegrupper.taskgroup"
# Volatile (never stored): what the group was before an application came.
_BEFORE = "_v_threeb_before_application"


def _unordered(obj):
    # By class, so that telling an application from the rest wakes nothing.
    return IApplication.implementedBy(type(aq_base(obj)))


@implementer(IExplicitOrdering)
@adapter(ITaskGroup)
class TaskGroupOrdering(DefaultOrdering):
    """DefaultOrdering for all but applications, which come after, unordered.

    The order list and the positions stay in the annotations DefaultOrdering
    uses, so a group made before keeps its order; its application ids leave
    the list with ``drop_applications_from_order``. Until then they count as
    ordered, which is no error, only the old cost.
    """

    def notifyAdded(self, obj_id):
        if _unordered(self.context._getOb(obj_id)):
            _remember_unchanged(self.context)
            return
        super().notifyAdded(obj_id)

    def notifyRemoved(self, obj_id):
        # DefaultOrdering rebuilds all positions on any removal; an id that
        # was never in the list changes nothing, so nothing is written.
        if obj_id not in self._pos():
            return
        super().notifyRemoved(obj_id)

    def _unordered_ids(self):
        ordered = set(self._order())
        return [
            obj_id
            for obj_id in aq_base(self.context).objectIds(ordered=False)
            if obj_id not in ordered
        ]

    def idsInOrder(self):
        """All ids: the ordered ones, then the others (as PartialOrdering)."""
        return list(self._order()) + self._unordered_ids()

    def __getitem__(self, index):
        return self.idsInOrder()[index]

    def getObjectPosition(self, obj_id):
        """The position in ``idsInOrder()``, for every id in the group.

        A number for applications too: plone.restapi sorts a folder's items
        on the catalog's getObjPositionInParent, and a document without a
        value there would drop out of that listing.
        """
        pos = self._pos()
        if obj_id in pos:
            return pos[obj_id]
        unordered = self._unordered_ids()
        if obj_id in unordered:
            return len(self._order()) + unordered.index(obj_id)
        return super().getObjectPosition(obj_id)  # raises the ValueError

    def moveObjectsByDelta(self, ids, delta, subset_ids=None, suppress_events=False):
        """Move ordered items; applications have no place to move from."""
        pos = self._pos()
        if isinstance(ids, str):
            ids = [ids]
        ids = [obj_id for obj_id in ids if obj_id in pos]
        if subset_ids is None:
            subset_ids = list(self._order())
        else:
            subset_ids = [obj_id for obj_id in subset_ids if obj_id in pos]
        return super().moveObjectsByDelta(
            ids, delta, subset_ids=subset_ids, suppress_events=suppress_events
        )

    def moveObjectToPosition(self, obj_id, position, suppress_events=False):
        if obj_id not in self._pos():
            return 0
        return super().moveObjectToPosition(
            obj_id, position, suppress_events=suppress_events
        )


def drop_applications_from_order(group):
    """Take a group's application ids out of its order list.

    For groups made before TaskGroupOrdering: their applications were put in
    the list. The other items keep their order. Returns how many ids went;
    writes nothing when there are none.
    """
    ordering = TaskGroupOrdering(group)
    order = ordering._order()
    base = aq_base(group)
    keep = [
        obj_id
        for obj_id in order
        if base.hasObject(obj_id) and not _unordered(base._getOb(obj_id))
    ]
    dropped = len(order) - len(keep)
    if dropped:
        order[:] = keep
        pos = ordering._pos()
        pos.clear()
        pos.update({obj_id: index for index, obj_id in enumerate(keep)})
    return dropped


def _fingerprint(obj):
    """The object's own stored state as bytes, its sub-objects by identity.

    Pickled as ZODB pickles it, but without giving new sub-objects an oid,
    so that taking it changes nothing.
    """
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=3)

    def persistent_id(value):
        if isinstance(value, Persistent) and value is not obj:
            return id(value)
        return None

    pickler.persistent_id = persistent_id
    pickler.dump(obj.__getstate__())
    return buffer.getvalue()


def _remember_unchanged(group):
    """Before an application is added: keep the group's state if untouched.

    Only a group that is stored and not yet changed in this transaction: its
    state then is the stored one, and ``container_modified`` can tell
    whether the add changed anything but the modified date.
    """
    base = aq_base(group)
    jar = base._p_jar
    if jar is None or base._p_serial == z64 or base._p_changed is not False:
        return
    setattr(
        base,
        _BEFORE,
        (jar.transaction_manager.get(), base.modification_date, _fingerprint(base)),
    )


def container_modified(group, event):
    """After an application is added: the group is as it was, not modified.

    Runs after plone.dexterity's own subscriber (ours is registered for the
    more specific interface, and zope.interface calls the general ones
    first), which set a new modification date and queued a reindex. If the
    date is all that changed, it goes back and the group is marked unchanged,
    so the transaction does not store it. If anything else changed the group
    in between (a content rule, say), it is stored as it is.
    """
    base = aq_base(group)
    if aq_base(event.object) is not base:
        return
    before = base.__dict__.pop(_BEFORE, None)
    if before is None or not base._p_changed or base._p_jar is None:
        return
    txn, modified, fingerprint = before
    if txn is not base._p_jar.transaction_manager.get():
        return  # left over from a transaction whose event never came
    new_modified = base.modification_date
    base.modification_date = modified
    if _fingerprint(base) == fingerprint:
        # ZODB skips a registered object whose _p_changed is false again.
        base._p_changed = False
    else:
        base.modification_date = new_modified


def group_added(group, event):
    """Make the meta-type index entry the applications will go into.

    BTreeFolder2 keeps, per meta type, the ids of a folder's children, and
    makes a meta type's entry when the first child of it comes: on a group
    just opened, every sign-up of the first moment would make it, and all but
    one would conflict. Empty entries are harmless: the folder drops one when
    its last child goes.
    """
    base = aq_base(group)
    if aq_base(event.object) is not base:
        return
    index = base._mt_index
    if Application.meta_type not in index:
        index[Application.meta_type] = OIBTree()
