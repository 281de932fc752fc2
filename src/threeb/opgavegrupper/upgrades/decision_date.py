"""The decision_date index: the front page's latest decisions sort on it."""

from threeb.opgavegrupper import logger
from threeb.opgavegrupper.upgrades.reindex import add_and_fill_index


INDEX = "decision_date"


def upgrade_decision_date(context):
    """Add the DateIndex (if missing) and fill it from every recommendation.

    Only the recommendations are reindexed, and only this index: the
    metadata column of the same name is already there.
    """
    # Naive times as local is the DateIndex's default, as catalog.xml has it.
    count = add_and_fill_index(INDEX, "DateIndex", "Recommendation")
    logger.info("Indexed the decision dates of %d recommendations", count)
    return count
