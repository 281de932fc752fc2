"""The participation figures, counted once, then kept (stats/counters.py)."""

from plone import api
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.stats import counters


def upgrade_figures(context):
    """Count every group, recommendation and application into the counters."""
    count = counters.rebuild(api.portal.get())
    logger.info("Counted %d objects into the participation figures", count)
    return count
