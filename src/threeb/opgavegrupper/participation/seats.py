"""Seats per constituency: who holds them, and whether one is free.

The ledger of accepted applications lives on the group itself, in one
persistent mapping ``{constituency: (application UID, ...)}``. Two people
accepting the last seat at the same moment both write it, so ZODB raises a
conflict for the second, Zope retries that request, and on the retry the
seat is taken: no constituency ends up over its seats, whichever of the many
ways (form, state menu, REST) was used. That conflict is wanted here: seats
are decided by a few staff, not by a crowd (compare the applicants index in
``membership``, which must not conflict).

The ledger is kept by UID, so renaming an application (an upgrade, the ZMI)
does not orphan its seat. The accepted applications are the record; the
ledger follows them (``rebuild``).
"""

from persistent.mapping import PersistentMapping
from threeb.opgavegrupper.annotations import annotation


KEY = "threeb.opgavegrupper.seats"


def _ledger(group, create=False):
    return annotation(group, KEY, PersistentMapping, create)


def holders(group, constituency):
    """The UIDs of the applications that hold a seat of this constituency."""
    ledger = _ledger(group)
    return tuple(ledger.get(constituency, ())) if ledger else ()


def all_holders(group):
    """``{application UID: constituency}`` for every seat taken in the group."""
    ledger = _ledger(group)
    if not ledger:
        return {}
    return {uid: key for key, uids in ledger.items() for uid in uids}


def filled(group):
    """{constituency: seats taken} for every constituency of the group."""
    return {key: len(holders(group, key)) for key in group.seats()}


def is_free(group, constituency):
    return len(holders(group, constituency)) < group.seats().get(constituency, 0)


def _update_listings(group):
    # Listings show seats filled from the catalog's seats_filled metadata;
    # reindexing one cheap index rewrites the group's metadata row.
    group.reindexObject(idxs=["UID"])


def take(group, constituency, application_uid):
    """Record the seat; a seat the application held elsewhere is given up."""
    ledger = _ledger(group, create=True)
    for key, current in list(ledger.items()):
        if key != constituency and application_uid in current:
            ledger[key] = tuple(i for i in current if i != application_uid)
    current = tuple(ledger.get(constituency, ()))
    if application_uid not in current:
        # Assign a new tuple, so the mapping itself changes and conflicts.
        ledger[constituency] = current + (application_uid,)
    _update_listings(group)


def release(group, application_uid):
    ledger = _ledger(group)
    if not ledger:
        return
    for constituency, current in list(ledger.items()):
        if application_uid in current:
            ledger[constituency] = tuple(i for i in current if i != application_uid)
            _update_listings(group)


def rebuild(group, accepted):
    """Make the ledger say exactly ``accepted``: ``[(constituency, UID), ...]``.

    Returns True when the ledger changed.
    """
    wanted = {}
    for constituency, uid in accepted:
        wanted.setdefault(constituency, ())
        if uid not in wanted[constituency]:
            wanted[constituency] += (uid,)
    ledger = _ledger(group, create=bool(wanted))
    if ledger is None:
        return False
    current = {key: tuple(value) for key, value in ledger.items() if value}
    if current == wanted:
        return False
    ledger.clear()
    ledger.update(wanted)
    _update_listings(group)
    return True
