"""Following a group without joining it.

Followers are kept on the group in a BTrees set: two people who follow the
same group at the same moment touch different keys, which the set resolves
without a conflict. The catalog indexes them (index only, no metadata), so
"the groups I follow" is one query.
"""

from BTrees.OOBTree import OOTreeSet
from zope.annotation.interfaces import IAnnotations


KEY = "threeb.opgavegrupper.followers"


def _followers(group, create=False):
    annotations = IAnnotations(group)
    followers = annotations.get(KEY)
    if followers is None and create:
        followers = annotations[KEY] = OOTreeSet()
    return followers


def followers(group):
    """The user ids following the group."""
    found = _followers(group)
    return tuple(found) if found is not None else ()


def is_following(group, user_id):
    found = _followers(group)
    return found is not None and user_id in found


def follow(group, user_id):
    if not is_following(group, user_id):
        _followers(group, create=True).add(user_id)
        group.reindexObject(idxs=["followers"])


def unfollow(group, user_id):
    found = _followers(group)
    if found is not None and user_id in found:
        found.remove(user_id)
        group.reindexObject(idxs=["followers"])
