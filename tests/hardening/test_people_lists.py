"""Only those who manage groups may list the site's people."""

from .conftest import PASSWORD
from plone import api
from threeb.opgavegrupper.hardening.setup import PEOPLE_LISTERS
from threeb.opgavegrupper.hardening.setup import restrict_member_listing

import pytest
import transaction


PEOPLE_VOCABULARIES = [
    "plone.app.vocabularies.Users",
    "plone.app.vocabularies.Principals",
    "plone.app.vocabularies.Groups",
    "threeb.opgavegrupper.StaffUsers",
]


def roles_of_listing(portal):
    return {
        role["name"]
        for role in portal.rolesOfPermission("List portal members")
        if role["selected"]
    }


def test_install_narrows_who_lists_people(portal):
    assert roles_of_listing(portal) == set(PEOPLE_LISTERS)


def test_restrict_member_listing_on_an_old_site(portal):
    portal.manage_permission(
        "List portal members", ["Manager", "Site Administrator", "Member"], True
    )
    restrict_member_listing(portal)
    restrict_member_listing(portal)
    assert roles_of_listing(portal) == {"Manager", "Site Administrator", "Staff"}


@pytest.fixture
def siteadmin(site):
    api.user.create(email="sa@example.org", username="siteadmin1", password=PASSWORD)
    api.user.grant_roles(username="siteadmin1", roles=["Site Administrator"])
    transaction.commit()
    return "siteadmin1"


def vocabulary(request_factory, user_id, name, where=""):
    auth = (user_id, PASSWORD) if user_id else None
    session = request_factory(basic_auth=auth)
    return session.get(f"{where}/@vocabularies/{name}?b_size=100")


@pytest.mark.parametrize("name", PEOPLE_VOCABULARIES)
@pytest.mark.parametrize("user_id", ["resident1", "adviser1", "chair1", "board1"])
def test_others_are_refused(site, request_factory, user_id, name):
    response = vocabulary(request_factory, user_id, name)
    assert response.status_code == 403, response.text
    assert response.json()["error"]["type"] == "Not authorized"


@pytest.mark.parametrize("name", PEOPLE_VOCABULARIES)
def test_on_their_own_group_too(site, request_factory, name):
    # The adviser and the chair hold local roles there; none lists people.
    for user_id in ("adviser1", "chair1"):
        where = "/grupper/" + site["grupper"].objectIds()[0]
        response = vocabulary(request_factory, user_id, name, where)
        assert response.status_code == 403, response.text


@pytest.mark.parametrize("name", PEOPLE_VOCABULARIES)
def test_anonymous_is_asked_to_log_in(site, request_factory, name):
    assert vocabulary(request_factory, None, name).status_code == 401


@pytest.mark.parametrize("user_id", ["staff1", "siteadmin1", "admin1"])
def test_those_who_manage_groups_list_people(siteadmin, request_factory, user_id):
    response = vocabulary(request_factory, user_id, "plone.app.vocabularies.Users")
    assert response.status_code == 200, response.text
    tokens = {item["token"] for item in response.json()["items"]}
    assert {"resident1", "adviser1", "staff1"} <= tokens
    staff = vocabulary(request_factory, user_id, "threeb.opgavegrupper.StaffUsers")
    assert staff.status_code == 200, staff.text
    assert [item["token"] for item in staff.json()["items"]] == ["staff1"]


def test_classic_vocabulary_view_refuses_a_resident(site, request_factory):
    def lookup(user_id):
        browser = request_factory(api=False, basic_auth=(user_id, PASSWORD))
        return browser.get(
            "/@@getVocabulary?name=plone.app.vocabularies.Users&query=resident"
        )

    refused = lookup("resident1")
    assert refused.json() == {"error": "Vocabulary lookup not allowed"}
    listed = lookup("staff1").json()["results"]
    assert {"id": "resident2", "text": "Resident2 Hansen"} in listed


def test_membership_search_is_refused_to_a_resident(site, request_factory):
    def search(user_id):
        browser = request_factory(api=False, basic_auth=(user_id, PASSWORD))
        browser.headers["Accept"] = "text/html"
        return browser.get("/portal_membership/searchForMembers").text

    assert "<PloneUser 'adviser1'>" not in search("resident1")
    assert "<PloneUser 'adviser1'>" in search("staff1")
