"""Catalog values of a task group, so listings never wake the object."""

from DateTime import DateTime
from plone.indexer import indexer
from threeb.opgavegrupper.content.taskgroup import ITaskGroup


def _datetime(value):
    # Dates are whole days in the portal's time zone.
    return DateTime(value.isoformat()) if value else None


@indexer(ITaskGroup)
def theme(obj):
    return obj.theme


@indexer(ITaskGroup)
def departments(obj):
    return tuple(obj.departments or ())


@indexer(ITaskGroup)
def start(obj):
    return _datetime(obj.start)


@indexer(ITaskGroup)
def end(obj):
    return _datetime(obj.deadline)


@indexer(ITaskGroup)
def deadline(obj):
    return _datetime(obj.deadline)


@indexer(ITaskGroup)
def signup_deadline(obj):
    return _datetime(obj.signup_deadline)


@indexer(ITaskGroup)
def seats(obj):
    return obj.seats()


@indexer(ITaskGroup)
def followers(obj):
    # Keyed hashes, not user ids: the catalog answers anyone who may search.
    from threeb.opgavegrupper.participation.following import index_keys

    return index_keys(obj)


@indexer(ITaskGroup)
def seats_filled(obj):
    from threeb.opgavegrupper.participation.seats import filled

    return filled(obj)


@indexer(ITaskGroup)
def taskgroup_people(obj):
    """The chair and members of the group, as keyed hashes of their user ids.

    "Mine opgavegrupper" asks this index for a person's groups instead of
    reading the local roles of every group. Hashes, as in the followers
    index: the catalog answers anyone who may search, and who sits in which
    group is not theirs to ask by user id. The group reindexes it with its
    security (``TaskGroup._cmf_security_indexes``), which every change of
    local roles does.
    """
    from threeb.opgavegrupper.participation.following import index_keys_for
    from threeb.opgavegrupper.participation.membership import people_with_roles

    return tuple(sorted(index_keys_for(people_with_roles(obj), context=obj)))
