"""The decision_date index: the front page's latest decisions sort on it."""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.upgrades.reindex import reindex_type


INDEX = "decision_date"


def upgrade_decision_date(context):
    """Add the DateIndex (if missing) and fill it from every recommendation.

    Only the recommendations are reindexed, and only this index: the
    metadata column of the same name is already there.
    """
    catalog = api.portal.get_tool("portal_catalog")
    if INDEX not in catalog.indexes():
        # As profiles/default/catalog.xml declares it (naive times as local
        # is the DateIndex's default).
        catalog.addIndex(INDEX, "DateIndex")
    count = reindex_type("Recommendation", [INDEX])
    logger.info("Indexed the decision dates of %d recommendations", count)
    return count
