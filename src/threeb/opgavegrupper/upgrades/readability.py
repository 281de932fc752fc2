"""Plain language, measured: the LIX limit and the catalog's readability."""

from plone import api
from plone.registry.interfaces import IRegistry
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.controlpanel.interfaces import IOpgavegrupperSettings
from threeb.opgavegrupper.readability.fields import READABLE_FIELDS
from threeb.opgavegrupper.readability.fields import THRESHOLD_RECORD
from threeb.opgavegrupper.readability.indexers import FIELD_COLUMN
from threeb.opgavegrupper.readability.indexers import INDEX
from zope.component import getUtility
from zope.schema import getFieldNames


PREFIX = "threeb.opgavegrupper"
FIELD = THRESHOLD_RECORD.removeprefix(PREFIX + ".")


def add_threshold_record():
    """Add the limit's record with its default, if the site has none.

    Only this record: registering the whole settings interface again would
    validate every stored setting anew and could put one back to its default.
    """
    registry = getUtility(IRegistry)
    if THRESHOLD_RECORD in registry.records:
        return False
    others = [name for name in getFieldNames(IOpgavegrupperSettings) if name != FIELD]
    registry.registerInterface(IOpgavegrupperSettings, omit=others, prefix=PREFIX)
    return True


def upgrade_readability(context):
    """Add the LIX limit (default 40), the ``readability`` index and the
    ``readability``/``readability_field`` columns, and fill them for the
    types with readable texts. Running it again changes nothing.

    :returns: the number of objects indexed.
    """
    add_threshold_record()
    catalog = api.portal.get_tool("portal_catalog")
    if INDEX not in catalog.indexes():
        catalog.addIndex(INDEX, "FieldIndex")
    for column in (INDEX, FIELD_COLUMN):
        if column not in catalog.schema():
            catalog.addColumn(column)
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=list(READABLE_FIELDS)):
        # Only the new index; the metadata row is written with it.
        brain._unrestrictedGetObject().reindexObject(idxs=[INDEX])
        count += 1
    logger.info("Scored the texts of %d objects for readability", count)
    return count
