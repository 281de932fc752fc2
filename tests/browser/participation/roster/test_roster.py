"""The roster rules: who is named, who is counted, who sees addresses."""

from plone import api
from plone.app.testing import logout
from Products.ZCatalog.CatalogBrains import AbstractCatalogBrain
from threeb.opgavegrupper.participation import roster
from threeb.opgavegrupper.participation.applications import application_id

import pytest


FULL_VIEWERS = ["staff1", "board1", "chair1", "anna"]
# An outsider, and a resident who only applied.
PUBLIC_VIEWERS = ["outsider", "frida"]


def roster_as(group, user_id):
    if user_id is None:
        logout()
        return roster.roster(group)
    with api.env.adopt_user(username=user_id):
        return roster.roster(group)


def sections(data):
    return {section["constituency"]: section for section in data["constituencies"]}


def names(data):
    return [m["name"] for s in data["constituencies"] for m in s["members"]]


@pytest.mark.parametrize("user_id", [None, *PUBLIC_VIEWERS])
def test_public_sees_consenting_names_and_counts_the_others(group, user_id):
    data = roster_as(group, user_id)
    assert data["full"] is False
    assert data["total"] == 5
    by_key = sections(data)
    assert [m["name"] for m in by_key["resident"]["members"]] == ["Anna Andersen"]
    assert by_key["resident"]["unnamed"] == 2
    assert by_key["resident"]["filled"] == 3
    assert [m["name"] for m in by_key["department_board"]["members"]] == ["Dorte Dahl"]
    assert by_key["external"]["members"] == []
    assert by_key["external"]["unnamed"] == 1
    assert sorted(names(data)) == ["Anna Andersen", "Dorte Dahl"]


@pytest.mark.parametrize("user_id", [None, *PUBLIC_VIEWERS])
def test_public_never_gets_contact_details(group, user_id):
    data = roster_as(group, user_id)
    text = repr(data)
    for section in data["constituencies"]:
        for member in section["members"]:
            assert set(member) == {"name", "chair"}
    assert "@" not in text
    assert not any(name in text for name in ("anna", "dorte"))


@pytest.mark.parametrize("user_id", FULL_VIEWERS)
def test_group_staff_and_board_see_everyone_with_addresses(group, user_id):
    data = roster_as(group, user_id)
    assert data["full"] is True
    by_key = sections(data)
    assert [m["name"] for m in by_key["resident"]["members"]] == [
        "Anna Andersen",
        "Bjarne Bertelsen",
        "Carl Christensen",
    ]
    assert by_key["resident"]["unnamed"] == 0
    emails = {
        m["name"]: m["email"] for s in data["constituencies"] for m in s["members"]
    }
    assert emails == {
        "Anna Andersen": "anna@example.org",
        "Bjarne Bertelsen": "bjarne@example.org",
        "Carl Christensen": "carl@example.org",
        "Dorte Dahl": "dorte@example.org",
        "Eva Ekstern": "eva@raad.example",
    }
    # Someone who only applied is not a member.
    assert "Frida Fisker" not in names(data)


def test_constituencies_in_order_with_seats_even_when_empty(group):
    data = roster_as(group, None)
    assert [
        (s["constituency"], s["seats"], s["filled"]) for s in data["constituencies"]
    ] == [
        ("org_board", 1, 0),
        ("department_board", 1, 1),
        ("resident", 3, 3),
        ("staff", 1, 0),
        ("external", 1, 1),
    ]


def test_a_member_who_withdrew_leaves_the_roster(group):
    with api.env.adopt_user(username="bjarne"):
        api.content.transition(
            group[application_id(group, "bjarne")], transition="withdraw"
        )
    data = roster_as(group, "staff1")
    assert "Bjarne Bertelsen" not in names(data)
    # And Bjarne, no longer a member, sees the public roster.
    assert roster_as(group, "bjarne")["full"] is False


def test_chair_is_marked(group):
    with api.env.adopt_roles(["Manager"]):
        api.user.grant_roles(username="anna", obj=group, roles=["TaskGroupChair"])
    data = roster_as(group, None)
    anna = sections(data)["resident"]["members"][0]
    assert anna == {"name": "Anna Andersen", "chair": True}


@pytest.fixture
def wakes(monkeypatch):
    """Records every application the roster wakes from a brain."""
    woken = []
    originals = {
        name: getattr(AbstractCatalogBrain, name)
        for name in ("getObject", "_unrestrictedGetObject")
    }

    def spy(name):
        def wake(self, *args, **kwargs):
            obj = originals[name](self, *args, **kwargs)
            if obj.portal_type == "Application":
                woken.append(obj.getId())
            return obj

        return wake

    for name in originals:
        monkeypatch.setattr(AbstractCatalogBrain, name, spy(name))
    return woken


def test_public_roster_wakes_no_application(group, wakes):
    roster_as(group, None)
    assert wakes == []


def test_full_roster_wakes_only_members_without_an_account(group, wakes):
    # The external adviser's address lives only on her application.
    roster_as(group, "staff1")
    assert len(wakes) == 1
    assert group[wakes[0]].fullname == "Eva Ekstern"
