"""The taskgroup_people index: each group's chair and members, as keyed hashes."""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.participation.membership import PEOPLE_INDEX
from threeb.opgavegrupper.upgrades.reindex import reindex_type


def upgrade_people_index(context):
    """Add the index (if missing) and fill it from every group's local roles.

    Only the groups are reindexed, and only this index: nothing else changed.
    """
    catalog = api.portal.get_tool("portal_catalog")
    if PEOPLE_INDEX not in catalog.indexes():
        catalog.addIndex(PEOPLE_INDEX, "KeywordIndex")
    count = reindex_type("TaskGroup", [PEOPLE_INDEX])
    logger.info("Indexed the chairs and members of %d groups", count)
    return count
