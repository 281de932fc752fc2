"""The public texts that are hardest to read, from the catalog alone.

"Public" is what the association has made visible to everyone: catalog
rows whose ``allowedRolesAndUsers`` hold Anonymous, or Authenticated when
the transparency switch limits the public to logged-in users
(lifecycle/transparency.py). Drafts and internal material never count.
The ``readability`` index sorts, so the query reads only the rows it
shows, at any size of site.
"""

from plone import api
from threeb.opgavegrupper.readability.indexers import INDEX
from threeb.opgavegrupper.readability.lix import band


PUBLIC = ("Anonymous", "Authenticated")
HARDEST_COUNT = 10


def hardest_texts(context, limit=HARDEST_COUNT):
    """The ``limit`` public objects under ``context`` with the highest LIX.

    :returns: dicts of title, url, portal_type, field (its name), lix and
        band, hardest first.
    """
    catalog = api.portal.get_tool("portal_catalog")
    brains = catalog.unrestrictedSearchResults(
        path="/".join(context.getPhysicalPath()),
        allowedRolesAndUsers=list(PUBLIC),
        sort_on=INDEX,
        sort_order="descending",
        sort_limit=limit,
        **{INDEX: {"query": 0, "range": "min"}},
    )[:limit]
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "portal_type": brain.portal_type,
            "field": brain.readability_field,
            "lix": brain.readability,
            "band": band(brain.readability),
        }
        for brain in brains
    ]
