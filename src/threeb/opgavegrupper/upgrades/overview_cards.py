"""The overview's cards: the phase index and the outcome column.

Existing sites get the ``taskgroup_phase_order`` index (working groups
before finished ones, across the overview's pages) and the
``taskgroup_outcome`` metadata column (the board's decisions on a group's
recommendations), and every group's catalog record is filled with both.
"""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.indexers.cards import OUTCOME_COLUMN
from threeb.opgavegrupper.indexers.cards import PHASE_INDEX
from threeb.opgavegrupper.upgrades.reindex import reindex_type


def upgrade_overview_cards(context):
    """Add the index and the column if missing, then reindex every group.

    Only the groups, and of their indexes only the new one; their metadata
    rows are written whole, which fills the column. Returns the number of
    groups; running it again changes nothing.
    """
    catalog = api.portal.get_tool("portal_catalog")
    if PHASE_INDEX not in catalog.indexes():
        catalog.addIndex(PHASE_INDEX, "FieldIndex")
    if OUTCOME_COLUMN not in catalog.schema():
        catalog.addColumn(OUTCOME_COLUMN)
    # The whole metadata row: it fills the new column.
    count = reindex_type("TaskGroup", [PHASE_INDEX], update_metadata=True)
    logger.info("Phase and outcome of %d groups in the catalog", count)
    return count
