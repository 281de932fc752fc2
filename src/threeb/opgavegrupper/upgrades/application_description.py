"""Applications' Description metadata: empty text, not a missing value."""

from threeb.opgavegrupper import logger
from threeb.opgavegrupper.upgrades.reindex import reindex_type


def upgrade_application_description(context):
    """Rewrite the ``Description`` index and metadata of every application
    (indexers/application.py). Returns the number of applications."""
    count = reindex_type("Application", ["Description"], update_metadata=True)
    logger.info("Description of %d applications", count)
    return count
