"""A group and its people on the real server, and sessions that log in the
ways a browser and an API client do."""

from ..helpers import REQUEST_TIMEOUT
from ..participation.conftest import make_group
from ..participation.conftest import make_people
from plone import api
from urllib.parse import urlsplit

import pytest
import requests
import transaction


PASSWORD = "secret-pw-1"
EVIL = "https://evil.example"


@pytest.fixture
def site(functional_portal):
    """The portal with a recruiting group, its people, an external adviser
    (a member of the group from outside) and a site manager."""
    make_people()
    api.user.create(
        email="adviser1@example.org", username="adviser1", password=PASSWORD
    )
    api.user.create(email="admin1@example.org", username="admin1", password=PASSWORD)
    api.user.grant_roles(username="admin1", roles=["Manager"])
    group = make_group(functional_portal)
    api.user.grant_roles(username="adviser1", obj=group, roles=["TaskGroupMember"])
    transaction.commit()
    return functional_portal


@pytest.fixture
def group(site):
    return site["grupper"][site["grupper"].objectIds()[0]]


@pytest.fixture
def portal_url(functional_portal):
    return functional_portal.absolute_url()


@pytest.fixture
def own_origin(portal_url):
    parts = urlsplit(portal_url)
    return f"{parts.scheme}://{parts.netloc}"


def login(portal_url, user_id):
    """Log in through @login as a browser page would: (session holding the
    __ac cookie the login sets, the JWT the login returned)."""
    session = requests.Session()
    response = session.post(
        f"{portal_url}/@login",
        json={"login": user_id, "password": PASSWORD},
        headers={"Accept": "application/json"},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 200, response.text
    assert "__ac" in session.cookies
    return session, response.json()["token"]


@pytest.fixture
def cookie(portal_url, request):
    """cookie(user_id): a session that is logged in by its cookie alone."""

    def make(user_id):
        session, _token = login(portal_url, user_id)
        request.addfinalizer(session.close)
        return session

    return make


@pytest.fixture
def bearer(portal_url):
    """bearer(user_id): headers of an API client holding a JWT, no cookie."""

    def make(user_id):
        session, token = login(portal_url, user_id)
        session.close()
        return {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    return make


def fresh(obj):
    """See what the server committed."""
    transaction.begin()
    return obj
