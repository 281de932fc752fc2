"""Seats per constituency: who holds them, and whether one is free.

The ledger of accepted applications lives on the group itself, in one
persistent mapping. Two people accepting the last seat at the same moment
both write it, so ZODB raises a conflict for the second, Zope retries that
request, and on the retry the seat is taken: no constituency ends up over
its seats, whichever of the many ways (form, state menu, REST) was used.
"""

from persistent.mapping import PersistentMapping
from zope.annotation.interfaces import IAnnotations


KEY = "threeb.opgavegrupper.seats"


def _ledger(group, create=False):
    annotations = IAnnotations(group)
    ledger = annotations.get(KEY)
    if ledger is None and create:
        ledger = annotations[KEY] = PersistentMapping()
    return ledger


def holders(group, constituency):
    """The ids of the applications that hold a seat of this constituency."""
    ledger = _ledger(group)
    return tuple(ledger.get(constituency, ())) if ledger else ()


def filled(group):
    """{constituency: seats taken} for every constituency of the group."""
    return {key: len(holders(group, key)) for key in group.seats()}


def is_free(group, constituency):
    return len(holders(group, constituency)) < group.seats().get(constituency, 0)


def _update_listings(group):
    # Listings show seats filled from the catalog's seats_filled metadata;
    # reindexing one cheap index rewrites the group's metadata row.
    group.reindexObject(idxs=["UID"])


def take(group, constituency, application_id):
    ledger = _ledger(group, create=True)
    current = tuple(ledger.get(constituency, ()))
    if application_id not in current:
        # Assign a new tuple, so the mapping itself changes and conflicts.
        ledger[constituency] = current + (application_id,)
        _update_listings(group)


def release(group, application_id):
    ledger = _ledger(group)
    if not ledger:
        return
    for constituency, current in list(ledger.items()):
        if application_id in current:
            ledger[constituency] = tuple(i for i in current if i != application_id)
            _update_listings(group)
