# ruff: noqa: F811 - the fixtures of test_application_roads are imported
"""The Classic UI state menu and a refused transition (issue 9): accepting
into a full constituency is a status message and a redirect back to the
application, nothing changes; REST keeps its 409."""

from .test_application_roads import as_user  # noqa: F401 - a fixture
from .test_application_roads import fresh
from .test_application_roads import MANAGER
from .test_application_roads import rel
from .test_application_roads import roads  # noqa: F401 - a fixture
from .test_application_roads import roster_user_ids
from plone import api
from threeb.opgavegrupper.participation import seats

import pytest
import re
import transaction


FULL = "All seats of this kind are taken"


@pytest.fixture
def full(roads):
    """The group's two resident seats are both taken."""
    roads["group"].seats_resident = 2
    transaction.commit()
    return roads


def token(session, roads):
    page = session.get(rel(roads, "resident1"))
    assert page.status_code == 200, page.status_code
    return re.search(r'_authenticator(?:=|" value=")([0-9a-f]+)', page.text)[1]


def assert_unchanged(roads):
    transaction.begin()
    assert api.content.get_state(fresh(roads, "resident1")) == "pending"
    assert seats.filled(roads["group"])["resident"] == 2
    assert "TaskGroupMember" not in roads["group"].get_local_roles_for_userid(
        "resident1"
    )
    assert roster_user_ids(roads) == ["resident2", "resident3"]


@pytest.mark.parametrize("user_id", ["staff1", "admin1", MANAGER])
def test_accepting_into_a_full_constituency_is_a_status_message(full, as_user, user_id):
    session = as_user(user_id, api=False)
    session.headers["Accept"] = "text/html"
    url = rel(full, "resident1") + "/content_status_modify"
    response = session.get(
        url,
        params={"workflow_action": "accept", "_authenticator": token(session, full)},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    assert response.headers["Location"] == fresh(full, "resident1").absolute_url()
    page = session.get(response.headers["Location"])
    assert page.status_code == 200
    text = " ".join(page.text.split())
    assert FULL in text, text[:2000]
    assert "portalMessage" in page.text
    assert_unchanged(full)


def test_accepting_with_a_free_seat_still_works(roads, as_user):
    session = as_user("staff1", api=False)
    session.headers["Accept"] = "text/html"
    response = session.get(
        rel(roads, "resident1") + "/content_status_modify",
        params={"workflow_action": "accept", "_authenticator": token(session, roads)},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    transaction.begin()
    assert api.content.get_state(fresh(roads, "resident1")) == "accepted"
    assert seats.filled(roads["group"])["resident"] == 3


def test_the_applicant_may_not_accept_themselves(full, as_user):
    session = as_user("resident1", api=False)
    session.headers["Accept"] = "text/html"
    response = session.get(
        rel(full, "resident1") + "/content_status_modify",
        params={"workflow_action": "accept", "_authenticator": token(session, full)},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    assert_unchanged(full)


@pytest.mark.parametrize("user_id", ["staff1", "admin1"])
def test_rest_keeps_its_409(full, as_user, user_id):
    response = as_user(user_id).post(rel(full, "resident1") + "/@workflow/accept")
    assert response.status_code == 409, response.text
    assert response.json()["error"]["type"] == "Conflict"
    assert_unchanged(full)


# The error view itself, for any rule that refuses a transition ------------------------


@pytest.fixture
def refused_view(group, http_request):
    from threeb.opgavegrupper.interfaces import IBrowserLayer
    from threeb.opgavegrupper.lifecycle.errors import TransitionRefused
    from zope.component import getMultiAdapter
    from zope.interface import alsoProvides

    alsoProvides(http_request, IBrowserLayer)

    def render(message, api_request=False):
        if api_request:
            from plone.rest.interfaces import IAPIRequest

            alsoProvides(http_request, IAPIRequest)
        error = TransitionRefused(message)
        view = getMultiAdapter((error, http_request), name="index.html")
        view.__parent__ = group  # what the publisher sets: the item
        return view()

    return render


def test_any_rule_s_refusal_is_a_message_on_the_item(refused_view, group, http_request):
    from Products.statusmessages.interfaces import IStatusMessage

    assert refused_view("A decision needs a decision text.") == ""
    assert http_request.response.getStatus() == 302
    assert http_request.response.getHeader("location") == group.absolute_url()
    (message,) = IStatusMessage(http_request).show()
    assert message.type == "error"
    assert message.message == "A decision needs a decision text."
    assert transaction.get().isDoomed()


def test_a_refusal_escaping_to_rest_is_a_400(refused_view, http_request):
    import json

    body = json.loads(refused_view("A decision needs a decision text.", True))
    assert http_request.response.getStatus() == 400
    assert body["error"] == {
        "type": "BadRequest",
        "message": "A decision needs a decision text.",
    }
