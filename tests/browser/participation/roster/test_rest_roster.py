"""GET @roster over the real server, as each kind of caller sees it."""

import pytest


ALL_NAMES = (
    "Anna Andersen",
    "Bjarne Bertelsen",
    "Carl Christensen",
    "Dorte Dahl",
    "Eva Ekstern",
)
ADDRESSES = ("anna@example.org", "bjarne@example.org", "eva@raad.example")


@pytest.mark.parametrize("user_id", [None, "outsider", "frida"])
def test_public_roster_names_only_who_consented(as_user, user_id):
    response = as_user(user_id).get("/grupper/vaskeriet/@roster")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["full"] is False
    resident = next(
        s for s in data["constituencies"] if s["constituency"] == "resident"
    )
    assert resident["title"] == "Resident"
    assert resident["unnamed"] == 2
    assert [m["name"] for m in resident["members"]] == ["Anna Andersen"]
    for hidden in ("Bjarne Bertelsen", "Carl Christensen", "Eva Ekstern"):
        assert hidden not in response.text
    assert "@example.org" not in response.text
    assert "raad.example" not in response.text


@pytest.mark.parametrize("user_id", ["anna", "chair1", "staff1", "board1"])
def test_group_staff_and_board_get_the_full_roster(as_user, user_id):
    response = as_user(user_id).get("/grupper/vaskeriet/@roster")
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["full"] is True
    assert data["@id"].endswith("/grupper/vaskeriet/@roster")
    for text in ALL_NAMES + ADDRESSES:
        assert text in response.text
    # An applicant who is not (yet) a member is not on the roster.
    assert "Frida Fisker" not in response.text


def test_roster_titles_in_the_site_language(as_user):
    from plone import api

    import transaction

    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    data = as_user(None).get("/grupper/vaskeriet/@roster").json()
    titles = [s["title"] for s in data["constituencies"]]
    assert "Ekstern rådgiver" in titles


def test_no_roster_of_a_group_one_cannot_see(as_user, functional_group):
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.content.transition(functional_group, transition="back_to_draft")
    transaction.commit()
    assert as_user(None).get("/grupper/vaskeriet/@roster").status_code == 401
    assert as_user("outsider").get("/grupper/vaskeriet/@roster").status_code == 401
    assert as_user("chair1").get("/grupper/vaskeriet/@roster").status_code == 200
