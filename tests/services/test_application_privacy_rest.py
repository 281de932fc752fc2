"""Applications are personal data: only the applicant, staff and the chair."""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from plone import api

import pytest
import transaction


@pytest.fixture
def application_path(functional_portal):
    from threeb.opgavegrupper.participation import applications

    make_people()
    group = make_group(functional_portal)
    application = applications.apply(
        group,
        api.user.get(username="resident1"),
        {"constituency": "resident", "phone": "12 34 56 78", "motivation": "Hemmelig"},
    )
    member = applications.apply(
        group, api.user.get(username="resident2"), {"constituency": "resident"}
    )
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(member, transition="accept")
    transaction.commit()
    return "/grupper/" + group.getId() + "/" + application.getId()


@pytest.fixture
def session(request_factory):
    def make(user_id):
        if user_id is None:
            return request_factory()
        return request_factory(basic_auth=(user_id, "secret-pw-1"))

    return make


WHO = [
    ("resident1", True),
    ("staff1", True),
    ("chair1", True),
    ("resident2", False),  # a member of the same group
    ("board1", False),
    ("outsider", False),
    (None, False),
]


@pytest.mark.parametrize("user_id,sees", WHO)
def test_content_get(application_path, session, user_id, sees):
    response = session(user_id).get(application_path)
    if sees:
        assert response.status_code == 200
        assert response.json()["phone"] == "12 34 56 78"
    else:
        # Hidden, not refused: its id says nothing either.
        assert response.status_code == 404
        assert "12 34 56 78" not in response.text
        assert "Hemmelig" not in response.text


@pytest.mark.parametrize("user_id,sees", WHO)
def test_search(application_path, session, user_id, sees):
    response = session(user_id).get(
        "/@search", params={"portal_type": "Application", "fullobjects": "1"}
    )
    assert response.status_code == 200
    found = [item["@id"] for item in response.json()["items"]]
    assert bool([url for url in found if url.endswith(application_path)]) is sees
    if not sees:
        assert "Hemmelig" not in response.text


@pytest.mark.parametrize("user_id,sees", WHO)
def test_search_by_text_finds_no_application(application_path, session, user_id, sees):
    # Applications are out of full-text search for everyone (indexers/application.py);
    # those who may see them list them by type (above).
    response = session(user_id).get("/@search", params={"SearchableText": "Resident1"})
    assert response.status_code == 200
    found = [item["@id"] for item in response.json()["items"]]
    assert not [url for url in found if url.endswith(application_path)]


@pytest.mark.parametrize("user_id", ["resident2", "board1", "outsider", None])
def test_sharing_refused(application_path, session, user_id):
    # Refused as if the application did not exist (participation/hiding.py).
    response = session(user_id).get(f"{application_path}/@sharing")
    assert response.status_code == 404
