"""GET @my-taskgroups: the caller's own data, and nobody else's."""

from .conftest import BJARNES


def test_anonymous_gets_401(rest_as):
    response = rest_as().get("/@my-taskgroups")
    assert response.status_code == 401


def test_my_groups_applications_and_follows(rest_as):
    response = rest_as("anna").get("/@my-taskgroups")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["user_id"] == "anna"
    assert [(g["title"], g["roles"]) for g in data["groups"]] == [
        ("Cykler", ["chair"]),
        ("Vaskeriet", ["member"]),
    ]
    assert [(a["group"]["title"], a["review_state"]) for a in data["applications"]] == [
        ("Vaskeriet", "accepted")
    ]
    assert [g["title"] for g in data["following"]] == ["Haver"]
    for secret in BJARNES:
        assert secret not in response.text


def test_only_ever_the_callers_data(rest_as):
    response = rest_as("bjarne").get("/@my-taskgroups", params={"user_id": "anna"})
    data = response.json()
    assert data["user_id"] == "bjarne"
    assert data["groups"] == []
    assert [a["review_state"] for a in data["applications"]] == ["pending"]
    assert [g["title"] for g in data["following"]] == ["Vaskeriet"]
    assert "Haver" not in response.text
    assert "Cykler" not in response.text
