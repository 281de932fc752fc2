"""A person's places and data, from the person's side."""

from plone import api
from threeb.opgavegrupper.participation import roster

import json


def titles(items):
    return [item["title"] for item in items]


def test_memberships_by_application_and_by_role(groups):
    found = roster.memberships("anna")
    assert [(g["title"], g["roles"], g["constituency"]) for g in found] == [
        ("Cykler", ["chair"], None),
        ("Vaskeriet", ["member"], "resident"),
    ]


def test_a_pending_application_is_no_membership(groups):
    assert roster.memberships("bjarne") == []


def test_applications_of_the_person_only(groups):
    found = roster.application_summaries("anna")
    assert [(a["group"]["title"], a["review_state"]) for a in found] == [
        ("Vaskeriet", "accepted")
    ]
    assert [a["review_state"] for a in roster.application_summaries("bjarne")] == [
        "pending"
    ]


def test_followed_shows_only_groups_the_person_may_see(groups):
    with api.env.adopt_user(username="anna"):
        assert titles(roster.followed("anna")) == ["Haver"]
        # The export lists every follow that is stored about the person.
        assert titles(roster.followed("anna", unrestricted=True)) == [
            "Haver",
            "Udkast",
        ]


def test_export_holds_every_field_of_the_persons_application(groups):
    data = roster.export("anna")
    assert data["user_id"] == "anna"
    (application,) = data["applications"]
    assert application["group"]["title"] == "Vaskeriet"
    assert application["review_state"] == "accepted"
    assert application["fullname"] == "Anna Andersen"
    assert application["email"] == "anna@example.org"
    assert application["phone"] == "12 34 56 78"
    assert application["motivation"] == "Annas grund"
    assert application["consent_public"] is True
    assert application["decision_message"] == "Velkommen, Anna"
    assert [entry["review_state"] for entry in application["history"]] == [
        "pending",
        "accepted",
    ]
    # Who took the decision is staff's data, not the applicant's.
    assert all("actor" not in entry for entry in application["history"])
    assert titles(data["memberships"]) == ["Cykler", "Vaskeriet"]
    # Every stored follow; a group Anna can no longer see by its UID only.
    assert [g.get("title") for g in data["following"]] == ["Haver", None]
    assert [g["visible"] for g in data["following"]] == [True, False]
    json.dumps(data)  # ready for the download as it is


def test_export_holds_nothing_of_anyone_else(groups):
    from .conftest import BJARNES

    text = json.dumps(roster.export("anna"), ensure_ascii=False)
    for secret in BJARNES:
        assert secret not in text
