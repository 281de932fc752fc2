"""Reindex what an upgrade changed, and nothing else."""

from plone import api


def reindex_type(portal_type, idxs, update_metadata=False):
    """Reindex the indexes ``idxs`` of every object of ``portal_type``.

    :param portal_type: a type id ("TaskGroup").
    :param idxs: list of index ids; the metadata row is rewritten too when
        ``update_metadata`` (a new column to fill).
    :returns: the number of objects reindexed.
    """
    catalog = api.portal.get_tool("portal_catalog")
    count = 0
    for brain in catalog.unrestrictedSearchResults(portal_type=portal_type):
        brain._unrestrictedGetObject().reindexObject(
            idxs=list(idxs), update_metadata=int(update_metadata)
        )
        count += 1
    return count


def add_and_fill_index(name, meta_type, portal_type):
    """Add the catalog index ``name`` if it is missing and fill it from every
    object of ``portal_type``; only this index is reindexed.

    :param meta_type: the index's kind, as profiles/default/catalog.xml
        declares it ("DateIndex", "KeywordIndex").
    :returns: the number of objects reindexed.
    """
    catalog = api.portal.get_tool("portal_catalog")
    if name not in catalog.indexes():
        catalog.addIndex(name, meta_type)
    return reindex_type(portal_type, [name])
