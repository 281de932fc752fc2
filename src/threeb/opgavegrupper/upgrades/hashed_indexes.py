"""The people indexes answer exact questions only (indexers/hashed.py)."""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.indexers.hashed import META_TYPE
from threeb.opgavegrupper.participation.membership import PEOPLE_INDEX
from threeb.opgavegrupper.upgrades.reindex import reindex_type


INDEXES = ("followers", PEOPLE_INDEX)


def upgrade_hashed_indexes(context):
    """Make ``followers`` and ``taskgroup_people`` HashedKeywordIndexes.

    A KeywordIndex answers ranges, which spelled out every hash it held. The
    index is replaced (its type is part of it) and filled again from the
    groups alone: nothing else holds these values. Returns the number of
    groups reindexed.
    """
    catalog = api.portal.get_tool("portal_catalog")
    replaced = []
    for name in INDEXES:
        if name in catalog.indexes():
            if catalog._catalog.getIndex(name).meta_type == META_TYPE:
                continue
            catalog.delIndex(name)
        catalog.addIndex(name, META_TYPE)
        replaced.append(name)
    if not replaced:
        return 0
    count = reindex_type("TaskGroup", replaced)
    logger.info("%s: refilled from %d groups", ", ".join(replaced), count)
    return count
