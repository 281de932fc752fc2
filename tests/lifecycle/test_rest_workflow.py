"""Workflow transitions and their refusals through plone.restapi, over HTTP."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID
from plone.protect.authenticator import createToken
from Products.statusmessages.adapter import _decodeCookieValue
from urllib.parse import unquote

import pytest
import transaction


PASSWORD = "secret-pw-1"


@pytest.fixture
def folder(functional_portal):
    """The lifecycle conftest's folder, on the functional site."""
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    return api.content.create(
        functional_portal, "TaskGroupFolder", id="opgavegrupper", title="Opgavegrupper"
    )


@pytest.fixture
def as_user(request_factory, people):
    def session(user_id):
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session


def state_after_request(obj):
    transaction.begin()  # see what the server committed
    return api.content.get_state(obj=obj)


def test_staff_open_signup(group, as_user):
    transaction.commit()
    response = as_user("mette").post("/opgavegrupper/udlejning/@workflow/open_signup")
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "recruiting"
    assert state_after_request(group) == "recruiting"


def test_resident_cannot_open_signup(group, as_user):
    transaction.commit()
    response = as_user("jens").post("/opgavegrupper/udlejning/@workflow/open_signup")
    assert response.status_code == 401
    assert state_after_request(group) == "draft"


def test_resident_cannot_move_a_group_they_can_see(group, as_user, in_state):
    in_state(group, "recruiting")
    transaction.commit()
    response = as_user("jens").post("/opgavegrupper/udlejning/@workflow/start_work")
    # The group is public, so the service answers; the guard refuses.
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "WorkflowException"
    assert state_after_request(group) == "recruiting"


@pytest.fixture
def submitted(group, mandate, recommendation, people, in_state):
    in_state(group, "active")
    in_state(mandate, "approved")
    in_state(recommendation, "submitted")
    return recommendation


ADOPT = "/opgavegrupper/udlejning/anbefaling/@workflow/adopt"


def test_adopt_without_decision_text_is_a_400_with_the_message(submitted, as_user):
    transaction.commit()
    response = as_user("ole").post(ADOPT)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "WorkflowException"
    assert error["message"].startswith("The board's decision needs a decision text.")
    assert state_after_request(submitted) == "submitted"


def test_adopt_with_a_comment_records_it_as_the_decision(submitted, as_user):
    transaction.commit()
    response = as_user("ole").post(ADOPT, json={"comment": "Vedtaget 4. maj."})
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "adopted"
    data = as_user("jens").get("/opgavegrupper/udlejning/anbefaling").json()
    assert data["decision_text"] == "Vedtaget 4. maj."
    assert data["decision_date"]


def test_submit_without_approved_mandate_is_a_400(
    group, mandate, recommendation, people, in_state, as_user
):
    in_state(group, "active")
    transaction.commit()
    response = as_user("tove").post(
        "/opgavegrupper/udlejning/anbefaling/@workflow/submit"
    )
    assert response.status_code == 400
    assert "mandate is approved" in response.json()["error"]["message"]
    assert state_after_request(recommendation) == "draft"


def test_chair_creates_a_recommendation_with_its_proposal(
    group, people, in_state, as_user
):
    # A field the chair may not write is refused by name, not dropped; the
    # proposal alone arrives.
    in_state(group, "active")
    transaction.commit()
    body = {
        "@type": "Recommendation",
        "title": "Ét ventelistesystem",
        "summary": "Saml ventelisterne.",
        "recommendation": "Vi anbefaler ét system.",
    }
    response = as_user("tove").post(
        "/opgavegrupper/udlejning",
        json={**body, "decision_text": "Vedtaget af gruppen selv."},
    )
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == "decision_text"
    transaction.begin()
    assert group.objectIds() == []
    response = as_user("tove").post("/opgavegrupper/udlejning", json=body)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["summary"] == "Saml ventelisterne."
    assert "Vi anbefaler ét system." in data["recommendation"]["data"]
    assert data["decision_text"] is None
    assert data["review_state"] == "draft"


@pytest.mark.parametrize(
    "body",
    [{}, {"effective": "2026-05-04T10:00:00+00:00", "comment": "  "}],
    ids=["bare", "with-dates"],
)
def test_refused_adopt_leaves_the_recommendation_as_it_was(submitted, as_user, body):
    # plone.restapi writes the effective date (and any dates sent) before it
    # tries the transition, and commits its 400: the refusal must undo that.
    transaction.commit()
    before = {
        "effective": submitted.EffectiveDate(),
        "modified": submitted.modified(),
        "history": len(submitted.workflow_history["recommendation_workflow"]),
        "indexed effective": api.content.find(UID=submitted.UID())[0].effective,
    }
    assert before["effective"] == "None"
    response = as_user("ole").post(ADOPT, json=body)
    assert response.status_code == 400
    assert response.json()["error"]["type"] == "WorkflowException"
    assert state_after_request(submitted) == "submitted"
    after = {
        "effective": submitted.EffectiveDate(),
        "modified": submitted.modified(),
        "history": len(submitted.workflow_history["recommendation_workflow"]),
        "indexed effective": api.content.find(UID=submitted.UID())[0].effective,
    }
    assert after == before


def test_an_accepted_adopt_still_sets_the_effective_date(submitted, as_user):
    transaction.commit()
    response = as_user("ole").post(ADOPT, json={"comment": "Vedtaget."})
    assert response.status_code == 200, response.text
    assert state_after_request(submitted) == "adopted"
    assert submitted.EffectiveDate() != "None"


def test_refused_click_in_classic_ui_shows_the_message_and_changes_nothing(
    submitted, request_factory
):
    # The state menu's link, over HTTP: the doomed transaction is aborted, and
    # the status message (a cookie) still reaches the browser.
    with api.env.adopt_user(username="ole"):
        token = createToken()
    transaction.commit()
    browser = request_factory(basic_auth=("ole", PASSWORD))
    browser.headers.pop("Accept", None)
    response = browser.get(
        "/opgavegrupper/udlejning/anbefaling/content_status_modify",
        params={"workflow_action": "adopt", "_authenticator": token},
        allow_redirects=False,
    )
    assert response.status_code == 302, response.text
    assert response.headers["location"].endswith("/opgavegrupper/udlejning/anbefaling")
    messages = _decodeCookieValue(unquote(response.cookies["statusmessages"]))
    assert [message.type for message in messages] == ["error"]
    assert "needs a decision text" in messages[0].message
    assert state_after_request(submitted) == "submitted"
    assert submitted.EffectiveDate() == "None"
