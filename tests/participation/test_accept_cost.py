"""Accepting costs about the same in a group of 500 applications as in one of 10.

Counted in objects loaded from the database (not in time): the accept and
its catalog work, after the cache was emptied. Before, the member role
reindexed the security of every application in the group.
"""

from datetime import date
from plone import api
from Products.CMFCore.indexing import processQueue

import pytest
import transaction


SMALL, LARGE = 10, 500
# The catalog of the larger site is deeper: each of its ~35 indexes reads a
# bucket more (68 loads more, measured). Reading the applications was one or
# more loads each: 1,890 loads against 263 before reindexing skipped them.
SLACK = (LARGE - SMALL) // 5


def _site(portal, size):
    from threeb.opgavegrupper.participation import applications

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id=f"grupper{size}")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeri",
            title="Vaskeri",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
            seats_resident=size + 1,
        )
        api.content.transition(group, transition="open_signup")
        for number in range(size):
            application = api.content.create(
                group,
                "Application",
                id=applications.new_application_id(),
                title=f"Person {number}",
                constituency="resident",
            )
            if number % 2:
                api.content.transition(application, transition="accept")
    user_id = f"anna{size}"
    api.user.create(
        email=f"{user_id}@example.org", username=user_id, password="pw-secret-1"
    )
    api.group.add_user(groupname="beboere", username=user_id)
    user = api.user.get(userid=user_id)
    with api.env.adopt_user(user=user):
        application = applications.apply(group, user, {"constituency": "resident"})
    transaction.commit()
    return group, application


def _loads_to_accept(portal, application):
    connection = portal._p_jar
    connection.cacheMinimize()
    connection.getTransferCounts(clear=True)
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(obj=application, transition="accept")
    processQueue()
    loads = connection.getTransferCounts()[0]
    transaction.commit()
    return loads


@pytest.mark.slow
def test_accept_reads_no_more_with_500_applications_than_with_10(functional_portal):
    from threeb.opgavegrupper.participation.membership import problems

    small = _loads_to_accept(functional_portal, _site(functional_portal, SMALL)[1])
    group, application = _site(functional_portal, LARGE)
    large = _loads_to_accept(functional_portal, application)
    assert large <= small + SLACK, (small, large)
    assert problems(group) == []
    assert "TaskGroupMember" in group.get_local_roles_for_userid(f"anna{LARGE}")
