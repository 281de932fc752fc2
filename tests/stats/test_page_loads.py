"""The figures and a person's groups read as many objects at 2,000 groups as at 100.

Counted in objects loaded from the database after the cache was emptied, not
in time. The groups added between the two counts are like the first ones
(same states, months, seats), so every counter the figures read exists at
both sizes.
"""

from datetime import date
from plone import api
from Products.CMFCore.indexing import processQueue

import pytest
import transaction


SMALL, LARGE = 100, 2000


def _add_groups(folder, first, count):
    from threeb.opgavegrupper.participation.applications import new_application_id

    with api.env.adopt_roles(["Manager"]):
        for number in range(first, first + count):
            group = api.content.create(
                folder,
                "TaskGroup",
                id=f"g{number:04d}",
                title=f"Gruppe {number}",
                summary="S",
                theme="Udlejning",
                start=date(2026, 1, 1),
                deadline=date(2026, 6, 1),
                seats_resident=3,
            )
            api.content.create(
                group,
                "Application",
                id=new_application_id(),
                title="Nogen",
                constituency="resident",
                department="Tingbjerg",
            )
    processQueue()
    transaction.commit()


def _loads(portal, read):
    connection = portal._p_jar
    read()  # the first call may set up what every later call finds ready
    transaction.commit()
    connection.cacheMinimize()
    connection.getTransferCounts(clear=True)
    read()
    return connection.getTransferCounts()[0]


@pytest.mark.slow
def test_figures_and_memberships_read_the_same_at_any_size(functional_portal):
    from threeb.opgavegrupper.participation.roster import memberships
    from threeb.opgavegrupper.stats.figures import figures

    portal = functional_portal
    api.user.create(email="ulla@example.org", username="ulla", password="pw-secret-1")
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
    _add_groups(folder, 0, SMALL)
    group = folder["g0007"]
    api.user.grant_roles(username="ulla", obj=group, roles=["TaskGroupChair"])
    group.reindexObjectSecurity()
    transaction.commit()

    def read_figures():
        return figures(folder), figures(portal)

    def read_memberships():
        return memberships("ulla")

    small = _loads(portal, read_figures), _loads(portal, read_memberships)
    before = read_figures(), read_memberships()
    _add_groups(folder, SMALL, LARGE - SMALL)
    large = _loads(portal, read_figures), _loads(portal, read_memberships)
    assert read_figures()[0]["groups_by_state"] == {"draft": LARGE}
    assert read_memberships() == before[1]
    assert before[0][0]["groups_by_state"] == {"draft": SMALL}
    assert large[0] == small[0], (small, large)
    assert large[1] <= small[1] + 10, (small, large)
