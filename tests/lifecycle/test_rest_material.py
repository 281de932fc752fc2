"""Material in a group and deleting, through plone.restapi over HTTP."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import pytest
import transaction


PASSWORD = "secret-pw-1"
GROUP = "/opgavegrupper/udlejning"
NOTE = f"{GROUP}/notat"


@pytest.fixture
def folder(functional_portal):
    """The lifecycle conftest's folder, on the functional site, whose Plone
    types have the workflows of a real site."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    wftool = api.portal.get_tool("portal_workflow")
    wftool.setDefaultChain("simple_publication_workflow")
    wftool.setChainForPortalTypes(
        ("Document", "Link"), ("simple_publication_workflow",)
    )
    wftool.setChainForPortalTypes(("File", "Image"), ())
    return api.content.create(
        functional_portal, "TaskGroupFolder", id="opgavegrupper", title="Opgavegrupper"
    )


@pytest.fixture
def as_user(request_factory, people):
    def session(user_id):
        if user_id is None:
            return request_factory()
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session


@pytest.fixture
def recruiting(group, people, do_transition):
    do_transition(group, "open_signup", "mette")
    transaction.commit()
    return group


@pytest.fixture
def note(recruiting, as_user):
    """A member adds a note through the REST API, as a client would."""
    response = as_user("mads").post(
        GROUP, json={"@type": "Document", "id": "notat", "title": "Notat"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["review_state"] == "internal"
    return response.json()["UID"]


def found(session, uid):
    return session.get("/@search", params={"UID": uid}).json()["items_total"] == 1


@pytest.mark.parametrize(
    "username,status",
    [
        ("lise", 200),
        ("tove", 200),
        ("mette", 200),
        ("ole", 200),
        ("jens", 401),
        (None, 401),
    ],
)
def test_get_an_internal_note(note, as_user, username, status):
    session = as_user(username)
    assert session.get(NOTE).status_code == status
    assert found(session, note) is (status == 200)


def test_a_member_cannot_publish_it(note, as_user):
    response = as_user("mads").post(f"{NOTE}/@workflow/publish")
    assert response.status_code == 400
    assert as_user(None).get(NOTE).status_code == 401


def test_published_note_follows_its_group(note, as_user):
    response = as_user("tove").post(f"{NOTE}/@workflow/publish")
    assert response.status_code == 200, response.text
    assert as_user(None).get(NOTE).status_code == 200
    assert found(as_user(None), note)

    response = as_user("mette").post(f"{GROUP}/@workflow/back_to_draft")
    assert response.status_code == 200, response.text
    assert as_user(None).get(NOTE).status_code == 401
    assert as_user("jens").get(NOTE).status_code == 401
    assert not found(as_user(None), note)
    assert as_user("lise").get(NOTE).status_code == 200


def test_chair_deletes_a_note_but_not_the_group(note, as_user):
    chair = as_user("tove")
    assert chair.delete(NOTE).status_code == 204
    assert chair.delete(GROUP).status_code == 401
    assert as_user("mette").delete(GROUP).status_code == 401
    assert as_user("mette").get(GROUP).status_code == 200


def test_a_member_cannot_delete_a_note(note, as_user):
    assert as_user("lise").delete(NOTE).status_code == 401
    assert as_user("mads").delete(NOTE).status_code == 401
    assert as_user("tove").get(NOTE).status_code == 200
