"""Applications' Description metadata: empty text, not a missing value."""

from plone import api
from threeb.opgavegrupper import logger


def upgrade_application_description(context):
    """Rewrite the ``Description`` index and metadata of every application
    (indexers/application.py). Returns the number of applications."""
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        brain._unrestrictedGetObject().reindexObject(idxs=["Description"])
        count += 1
    logger.info("Description of %d applications", count)
    return count
