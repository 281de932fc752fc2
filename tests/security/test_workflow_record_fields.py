"""A mandate's approval date is written by the approve transition alone.

It is no field of the edit form; through REST a PATCH of it is refused with
403 naming it, for staff and for the site owner, and the value sent back
unchanged passes (clients send what they read).
"""

from ..services.roads import as_user_fixture  # noqa: F401
from ..services.roads import fresh
from ..services.roads import site_fixture  # noqa: F401
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest


@pytest.mark.parametrize("who", ["staff1", "owner"])
def test_nobody_writes_the_approval_date(site, as_user, request_factory, who):
    session = (
        request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))
        if who == "owner"
        else as_user(who)
    )
    response = session.patch(site["Mandate"], json={"approval_date": "2026-01-01"})
    assert response.status_code == 403
    assert response.json()["error"]["field"] == "approval_date"
    assert fresh(site["Mandate"]).approval_date is None


def test_the_approval_date_sent_back_unchanged_passes(site, as_user):
    response = as_user("staff1").patch(
        site["Mandate"], json={"approval_date": None, "title": "Kommissorium 2"}
    )
    assert response.status_code == 204
    assert fresh(site["Mandate"]).title == "Kommissorium 2"


def test_approving_sets_the_date(site, as_user):
    session = as_user("staff1")
    assert (
        session.post(site["Mandate"] + "/@workflow/submit_for_approval").status_code
        == 200
    )
    board = as_user("board1")
    assert board.post(site["Mandate"] + "/@workflow/approve").status_code == 200
    assert fresh(site["Mandate"]).approval_date is not None
