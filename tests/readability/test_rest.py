"""GET @readability on an object and POST @readability on the site."""

from .conftest import EASY
from .conftest import OFFICIAL
from .conftest import PASSWORD
from plone import api

import pytest
import transaction


GROUP = "/grupper/vaskeri"


def test_anonymous_reads_the_scores_of_a_public_group(session_as, texts):
    response = session_as().get(f"{GROUP}/@readability")
    assert response.status_code == 200
    assert response.json() == {
        "@id": texts["vaskeri"].absolute_url() + "/@readability",
        "threshold": 40,
        "fields": {
            "summary": {
                "words": 6,
                "sentences": 1,
                "long_words": 0,
                "lix": 6.0,
                "band": "meget let",
                "above_threshold": False,
            },
            "challenge": {
                "words": 12,
                "sentences": 1,
                "long_words": 9,
                "lix": 87.0,
                "band": "meget svær",
                "above_threshold": True,
            },
        },
    }


def test_a_recommendation_has_its_summary_scored(session_as):
    response = session_as("resident1").get(f"{GROUP}/forslag/@readability")
    assert response.status_code == 200
    assert list(response.json()["fields"]) == ["summary"]
    assert response.json()["fields"]["summary"]["lix"] == 79.0


def test_a_type_without_readable_texts_has_no_fields(session_as):
    response = session_as().get(f"{GROUP}/kommissorium/@readability")
    assert response.status_code == 200
    assert response.json()["fields"] == {}


@pytest.mark.parametrize(
    "user_id,status",
    [(None, 401), ("resident1", 401), ("staff1", 200), ("board1", 200)],
)
def test_a_draft_only_for_those_who_may_see_it(session_as, user_id, status):
    # plone.restapi answers Unauthorized as 401, logged in or not.
    response = session_as(user_id).get("/grupper/kladde/@readability")
    assert response.status_code == status
    if status == 200:
        assert response.json()["fields"]["summary"]["lix"] == 69.7


def test_the_threshold_follows_the_setting(session_as, texts):
    from plone import api

    import transaction

    api.portal.set_registry_record("threeb.opgavegrupper.readability_threshold", 90)
    transaction.commit()
    data = session_as().get(f"{GROUP}/@readability").json()
    assert data["threshold"] == 90
    assert data["fields"]["challenge"]["above_threshold"] is False


@pytest.mark.parametrize("user_id", ["staff1", "board1", "chair1"])
def test_editors_score_a_draft(session_as, user_id):
    response = session_as(user_id).post("/@readability", json={"text": OFFICIAL})
    assert response.status_code == 200
    assert response.json() == {
        "words": 12,
        "sentences": 1,
        "long_words": 9,
        "lix": 87.0,
        "band": "meget svær",
        "above_threshold": True,
        "threshold": 40,
    }


def test_html_is_read_as_its_text(session_as):
    response = session_as("staff1").post(
        "/@readability", json={"text": f"<p>{EASY}</p>", "html": True}
    )
    assert response.json()["lix"] == 6.0


def test_empty_text_has_no_lix(session_as):
    response = session_as("staff1").post("/@readability", json={"text": ""})
    assert response.status_code == 200
    assert response.json()["lix"] is None
    assert response.json()["band"] is None
    assert response.json()["above_threshold"] is False


def test_anonymous_cannot_score(session_as):
    response = session_as().post("/@readability", json={"text": EASY})
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "Unauthorized"


def test_a_resident_who_writes_nothing_cannot_score(session_as):
    response = session_as("resident1").post("/@readability", json={"text": EASY})
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "Forbidden"


@pytest.mark.parametrize(
    "body,field",
    [
        ({"text": 5}, "text"),
        ({"text": None}, "text"),
        ({"text": ["Hej."]}, "text"),
        ({}, "text"),
        ({"text": "x" * 20001}, "text"),
        ({"text": "Hej.", "html": "ja"}, "html"),
        ({"text": "Hej.", "language": "da"}, "language"),
        (["Hej."], "body"),
    ],
)
def test_bad_bodies_get_400_naming_the_field(session_as, body, field):
    response = session_as("staff1").post("/@readability", json=body)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "BadRequest"
    assert error["field"] == field
    assert error["message"]


def test_the_longest_text_allowed_is_scored(session_as):
    response = session_as("staff1").post("/@readability", json={"text": "ord " * 5000})
    assert response.status_code == 200
    assert response.json()["words"] == 5000


@pytest.fixture
def local_editor(texts):
    """Plone's Editor and Contributor given on the folder's sharing page only."""
    api.user.create(email="komm@example.org", username="komm", password=PASSWORD)
    api.user.grant_roles(username="komm", obj=texts, roles=["Editor", "Contributor"])
    transaction.commit()
    return "komm"


def test_a_local_editor_scores_where_they_write(session_as, local_editor):
    session = session_as(local_editor)
    for path in (GROUP, "/grupper"):
        response = session.post(f"{path}/@readability", json={"text": OFFICIAL})
        assert response.status_code == 200, path
        assert response.json()["lix"] == 87.0
    # Not on the site, where they write nothing.
    assert session.post("/@readability", json={"text": OFFICIAL}).status_code == 403


def test_the_forms_live_score_asks_where_the_form_is(session_as, local_editor):
    session = session_as(local_editor, api=False)
    page = session.get(f"{GROUP}/edit").text
    url = api.portal.get().absolute_url() + f"{GROUP}/++api++/@readability"
    assert f'data-readability-url="{url}"' in page
