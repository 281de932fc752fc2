"""A keyword index of keyed hashes that answers exact questions only.

The ``followers`` and ``taskgroup_people`` indexes hold a keyed hash (HMAC)
of a user id for each person who follows or sits in a group
(participation/following.py): "Mine opgavegrupper" and "the groups I follow"
are one query each. The catalog answers anyone who may search (``@search``,
``@@search``), and a plain ``KeywordIndex`` also answers ranges
(``followers.query=0&followers.range=min`` is every group someone follows;
narrowing the range one hex digit at a time spells out every hash), ``not``
and sorting. With every hash in hand, anyone could see that the person named
on one group's public roster also sits in, or follows, other groups.

This index answers only exact values (with ``operator``): a query that
asks it for a range (``range``, ``usage``) or for what it does not hold
(``not``) finds nothing, on every road into the catalog. It cannot sort
(the door turns such a ``sort_on`` into a 400: services/errorhandling/
door.py). A caller must know the hash, which takes the site's secret.
"""

from BTrees.IIBTree import IISet
from Products.PluginIndexes.KeywordIndex.KeywordIndex import KeywordIndex


META_TYPE = "HashedKeywordIndex"


class HashedKeywordIndex(KeywordIndex):
    """KeywordIndex for keyed hashes: exact values and ``operator`` only."""

    meta_type = META_TYPE

    def query_index(self, record, resultset=None):
        if any(record.get(option) for option in ("range", "usage", "not")):
            return IISet()
        return super().query_index(record, resultset)

    @property
    def documentToKeyMap(self):  # noqa: N802 (ZCatalog's name)
        # ZCatalog sorts only on indexes that have this (hasattr); the order
        # of the hashes would show which groups share a person.
        raise AttributeError("documentToKeyMap")


def manage_addHashedKeywordIndex(  # noqa: N802 (Zope's naming of constructors)
    self,
    id,  # noqa: A002 (Zope's signature)
    extra=None,
    REQUEST=None,  # noqa: N803
    RESPONSE=None,  # noqa: N803
    URL3=None,  # noqa: N803
):
    """Add a HashedKeywordIndex to a catalog."""
    return self.manage_addIndex(
        id, META_TYPE, extra=extra, REQUEST=REQUEST, RESPONSE=RESPONSE, URL1=URL3
    )
