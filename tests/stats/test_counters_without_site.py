"""The counters are kept when the indexing queue runs with no site active.

The queue is processed at commit. A script (zconsole), an upgrade run from
the ZMI or a test layer's setup may commit after the site hook is gone;
the counters then failed with CannotGetPortalError inside the commit, and
plone.testing's layer swallowed it: the demo layer lost all its content.
"""

from datetime import date
from plone import api
from Products.CMFCore.indexing import getQueue
from Products.CMFCore.indexing import processQueue
from threeb.opgavegrupper.stats import counters
from zope.component.hooks import getSite
from zope.component.hooks import setSite


def test_queue_processed_without_a_site_still_counts(portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
        api.content.create(
            folder,
            "TaskGroup",
            id="vaskeri",
            title="Vaskeri",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 2, 1),
        )
    assert getQueue().length() > 0  # the group waits to be indexed
    site = getSite()
    setSite(None)
    try:
        processQueue()
    finally:
        setSite(site)
    assert counters.counts(portal) != {}
    assert counters.counts(portal) == counters.counts(folder)
