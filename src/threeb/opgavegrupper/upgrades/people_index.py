"""The taskgroup_people index: each group's chair and members, as keyed hashes."""

from threeb.opgavegrupper import logger
from threeb.opgavegrupper.participation.membership import PEOPLE_INDEX
from threeb.opgavegrupper.upgrades.reindex import add_and_fill_index


def upgrade_people_index(context):
    """Add the index (if missing) and fill it from every group's local roles.

    Only the groups are reindexed, and only this index: nothing else changed.
    """
    count = add_and_fill_index(PEOPLE_INDEX, "KeywordIndex", "TaskGroup")
    logger.info("Indexed the chairs and members of %d groups", count)
    return count
