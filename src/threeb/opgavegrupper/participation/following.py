"""Following a group without joining it.

Followers are kept on the group in a BTrees set: two people who follow the
same group at the same moment touch different keys, which the set resolves
without a conflict. The catalog indexes them (index only, no metadata), so
"the groups I follow" is one query.

The index holds a keyed hash (HMAC) of each user id, not the id: the catalog
answers anyone who may search (``@search``, ``@@search``, ``portal_catalog``
over HTTP), and who follows which group is not theirs to ask. Only code that
knows the site's secret turns a user id into what the index holds.
"""

from BTrees.OOBTree import OOTreeSet
from plone import api
from Products.CMFCore.utils import getToolByName
from threeb.opgavegrupper.annotations import annotation

import hashlib
import hmac
import secrets


KEY = "threeb.opgavegrupper.followers"
# On the site root, where nothing published reaches it. Not in plone.keyring:
# rotating or clearing all its rings at once would silently empty the index.
SECRET_KEY = "threeb.opgavegrupper.followers-secret"  # noqa: S105 (a key name)


def _followers(group, create=False):
    return annotation(group, KEY, OOTreeSet, create)


def followers(group):
    """The user ids following the group."""
    found = _followers(group)
    return tuple(found) if found is not None else ()


def secret(create=False, context=None):
    """The site's secret for the followers index; made on first need if
    ``create``, else None on a site that has none yet.

    ``context``: an object of the site, for code that may run where no site
    is active (the indexing queue at commit time, as in a test layer's set-up).
    """
    portal = (
        api.portal.get()
        if context is None
        else getToolByName(context, "portal_url").getPortalObject()
    )
    return annotation(portal, SECRET_KEY, lambda: secrets.token_hex(32), create)


def index_key(user_id, create=False):
    """What the followers index holds for ``user_id``.

    None while the site has no secret: it has not been migrated and its
    index still holds user ids (hardening.setup.reindex_followers). Never
    query the index with None, which matches every group.
    """
    key = secret(create=create)
    if key is None:
        return None
    return _hash(key, user_id)


def index_keys_for(user_ids, context=None):
    """``index_key`` of each user id, in order, the secret read once: a
    group with a thousand members is reindexed on every change of its
    local roles (indexers/taskgroup.py's taskgroup_people). ``context``: as
    for ``secret``."""
    user_ids = tuple(user_ids)
    if not user_ids:
        return ()
    key = secret(create=True, context=context)
    return tuple(_hash(key, user_id) for user_id in user_ids)


def _hash(key, user_id):
    return hmac.new(
        key.encode("ascii"), user_id.encode("utf-8"), hashlib.sha256
    ).hexdigest()


def index_keys(group):
    """The followers index's values for the group (see index_key)."""
    return index_keys_for(followers(group), context=group)


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
