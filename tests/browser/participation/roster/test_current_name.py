"""Rosters show the account's current name; people without an account keep
the name stored on their application."""

from .conftest import PASSWORD
from plone import api
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.participation import roster
from zope.interface import alsoProvides

import pytest
import transaction


def rename(user_id, fullname):
    api.user.get(username=user_id).setMemberProperties({"fullname": fullname})


def names(data):
    return sorted(
        member["name"]
        for section in data["constituencies"]
        for member in section["members"]
    )


@pytest.fixture
def woken(monkeypatch):
    """The titles of the applications whose object a listing wakes."""
    found = []
    original = AbstractCatalogBrain._unrestrictedGetObject

    def spy(brain):
        found.append(brain.Title)
        return original(brain)

    monkeypatch.setattr(AbstractCatalogBrain, "_unrestrictedGetObject", spy)
    monkeypatch.setattr(AbstractCatalogBrain, "getObject", spy)
    return found


def test_roster_shows_the_accounts_current_name(group):
    rename("anna", "Anna Nyborg")
    rename("dorte", "Dorte Dahl-Hansen")
    with api.env.adopt_user(username="staff1"):
        full = roster.roster(group)
    assert names(full) == [
        "Anna Nyborg",
        "Bjarne Bertelsen",
        "Carl Christensen",
        "Dorte Dahl-Hansen",
        "Eva Ekstern",
    ]
    with api.env.adopt_user(username="outsider"):
        public = roster.roster(group)
    assert names(public) == ["Anna Nyborg", "Dorte Dahl-Hansen"]


def test_members_are_sorted_by_their_current_name(group):
    rename("anna", "Åse Andersen")
    with api.env.adopt_user(username="staff1"):
        (resident,) = (
            s
            for s in roster.roster(group)["constituencies"]
            if s["constituency"] == "resident"
        )
    assert [m["name"] for m in resident["members"]] == [
        "Bjarne Bertelsen",
        "Carl Christensen",
        "Åse Andersen",
    ]


def test_without_a_name_on_the_account_the_stored_name_shows(group):
    rename("carl", "")
    with api.env.adopt_user(username="staff1"):
        assert "Carl Christensen" in names(roster.roster(group))


def test_listings_wake_only_people_without_an_account(group, woken):
    rename("anna", "Anna Nyborg")
    with api.env.adopt_user(username="staff1"):
        assert "Anna Nyborg" in names(roster.roster(group))
    # Eva's address is on her application alone.
    assert woken == ["Eva Ekstern"]


def test_manage_applications_lists_current_names(group, woken):
    rename("frida", "Frida Nyborg")
    alsoProvides(group.REQUEST, IBrowserLayer)
    with api.env.adopt_user(username="staff1"):
        view = group.restrictedTraverse("@@manage-applications")
        shown = [
            view.name(brain) for section in view.groups() for brain in section["brains"]
        ]
    assert "Frida Nyborg" in shown
    assert "Frida Fisker" not in shown
    assert "Eva Ekstern" in shown
    assert woken == []


# Over the real server --------------------------------------------------------


@pytest.fixture
def renamed(functional_group):
    rename("anna", "Anna Nyborg")
    rename("frida", "Frida Nyborg")
    transaction.commit()
    return functional_group


def test_roster_page_shows_the_new_name(renamed, request_factory):
    response = request_factory(api=False).get("/grupper/vaskeriet/@@roster")
    assert response.status_code == 200
    html = " ".join(response.text.split())
    assert "Anna Nyborg" in html
    assert "Anna Andersen" not in html


def test_rest_roster_shows_the_new_name(renamed, as_user):
    response = as_user("staff1").get("/grupper/vaskeriet/@roster")
    assert response.status_code == 200
    assert "Anna Nyborg" in names(response.json())
    assert "Anna Andersen" not in response.text


def test_rest_applications_show_the_new_name(renamed, as_user):
    response = as_user("staff1").get("/grupper/vaskeriet/@applications")
    assert response.status_code == 200
    by_applicant = {
        item["applicant"]: item["name"] for item in response.json()["items"]
    }
    assert by_applicant["anna"] == "Anna Nyborg"
    assert by_applicant["frida"] == "Frida Nyborg"
    assert by_applicant["bjarne"] == "Bjarne Bertelsen"
    # Added by staff without an account: the stored name.
    assert by_applicant[None] == "Eva Ekstern"
    assert "Andersen" not in response.text
    assert "Fisker" not in response.text


def test_own_application_over_rest_shows_the_new_name(renamed, as_user):
    response = as_user("frida").get("/grupper/vaskeriet/@applications")
    assert response.status_code == 200
    assert [item["name"] for item in response.json()["items"]] == ["Frida Nyborg"]


def test_manage_applications_page_shows_the_new_name(renamed, request_factory):
    session = request_factory(api=False, basic_auth=("staff1", PASSWORD))
    session.headers["Accept"] = "text/html"
    response = session.get("/grupper/vaskeriet/@@manage-applications")
    assert response.status_code == 200
    html = " ".join(response.text.split())
    for name in ("Anna Nyborg", "Frida Nyborg", "Eva Ekstern"):
        assert name in html
    assert "Anna Andersen" not in html
    assert "Frida Fisker" not in html
