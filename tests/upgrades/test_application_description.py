"""Old applications get a Description Plone's search can crop."""

from Missing import MV
from plone import api
from Products.CMFCore.indexing import processQueue
from threeb.opgavegrupper.participation import applications
from threeb.opgavegrupper.upgrades.application_description import (
    upgrade_application_description,
)


def test_the_upgrade_writes_empty_descriptions(portal):
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people

    make_people()
    group = make_group(portal)
    application = applications.apply(
        group, api.user.get(userid="resident1"), {"constituency": "resident"}
    )
    processQueue()
    catalog = api.portal.get_tool("portal_catalog")
    path = "/".join(application.getPhysicalPath())
    rid = catalog._catalog.uids[path]
    # As an older version left it: no value.
    catalog._catalog.data[rid] = tuple(
        MV if name == "Description" else value
        for name, value in zip(
            catalog._catalog.names, catalog._catalog.data[rid], strict=True
        )
    )
    assert upgrade_application_description(portal) == 1
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Application")
    assert brain.Description == ""
    assert len(catalog.unrestrictedSearchResults(Description="resident1")) == 0
