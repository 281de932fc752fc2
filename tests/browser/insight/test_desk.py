"""board-desk: what waits for the board, and deciding it with a posted form."""

from plone import api
from plone.protect.authenticator import createToken

import pytest
import re
import transaction


DESK = "/grupper/@@board-desk"


@pytest.fixture
def mandate(folder, dataset):
    with api.env.adopt_roles(["Manager"]):
        mandate = api.content.create(
            folder["energi"], "Mandate", id="kommissorium", title="Kommissorium energi"
        )
        dataset.set_state(mandate, "pending_approval")
    transaction.commit()
    return mandate


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def state_of(path):
    transaction.begin()  # see what the server committed
    obj = api.portal.get().unrestrictedTraverse(path.lstrip("/"))
    return api.content.get_state(obj=obj), obj


PAGE_TOKEN = r'name="_authenticator"[^>]*value="([0-9a-f]+)"'


def token_for(session):
    """The token of the desk's form; staff's desk has no form, so for staff
    one made as plone.protect makes it (any key of the user's ring is valid)."""
    found = re.search(PAGE_TOKEN, session.get(DESK).text)
    if found:
        return found[1]
    with api.env.adopt_user(username=session.auth[0]):
        return createToken()


def decide(session, uid, transition, comment=""):
    return session.post(
        DESK,
        data={
            "_authenticator": token_for(session),
            "uid": uid,
            "transition": transition,
            "comment": comment,
        },
    )


def test_the_board_sees_what_waits_with_its_decisions(browser_as, mandate):
    response = browser_as("board1").get(DESK)
    assert response.status_code == 200
    body = text(response.text)
    assert "Kommissorium energi" in body
    assert "Anbefaling r4" in body
    # Decided and draft recommendations are not waiting.
    assert "Anbefaling r3" not in body
    for action in ("approve", "adopt", "reject", "send_back"):
        assert f'value="{action}"' in response.text
    assert "/grupper/gaarde/r4/@@decision-memo" in response.text
    assert re.search(PAGE_TOKEN, response.text)


def test_staff_see_the_desk_but_the_board_decides(browser_as, mandate):
    response = browser_as("staff1").get(DESK)
    assert response.status_code == 200
    assert "Anbefaling r4" in text(response.text)
    assert 'value="adopt"' not in response.text
    assert "The organisation board takes this decision." in text(response.text)


@pytest.mark.parametrize("user_id", ["resident1", None])
def test_residents_and_anonymous_are_refused(browser_as, user_id):
    response = browser_as(user_id).get(DESK, allow_redirects=False)
    assert response.status_code != 200
    assert "Anbefaling r4" not in response.text


def test_adopt_without_decision_text_is_refused(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    response = decide(browser_as("board1"), uid, "adopt", comment="  ")
    assert "Write the board's decision text" in text(response.text)
    assert state_of("/grupper/gaarde/r4")[0] == "submitted"


def test_adopt_with_decision_text(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    response = decide(browser_as("board1"), uid, "adopt", comment="Vedtaget 5-1.")
    assert response.url.endswith(DESK)
    assert "Done: Anbefaling r4: Adopt." in text(response.text)
    state, rec = state_of("/grupper/gaarde/r4")
    assert state == "adopted"
    assert rec.decision_text == "Vedtaget 5-1."
    assert rec.decision_date is not None
    # The comment is the transition's, in the workflow history.
    history = rec.workflow_history["recommendation_workflow"]
    assert history[-1]["comments"] == "Vedtaget 5-1."


def test_a_second_decision_on_the_same_item_is_not_taken(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    session = browser_as("board1")
    decide(session, uid, "adopt", comment="Vedtaget.")
    response = decide(session, uid, "reject", comment="Afvist.")
    assert "This has already been dealt with." in text(response.text)
    state, rec = state_of("/grupper/gaarde/r4")
    assert (state, rec.decision_text) == ("adopted", "Vedtaget.")


def test_the_board_approves_a_mandate(browser_as, mandate):
    decide(browser_as("board1"), mandate.UID(), "approve")
    assert state_of("/grupper/energi/kommissorium")[0] == "approved"


def test_staff_cannot_decide_by_posting(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    response = decide(browser_as("staff1"), uid, "adopt", comment="Vedtaget.")
    assert "You may not take this decision." in text(response.text)
    assert state_of("/grupper/gaarde/r4")[0] == "submitted"


@pytest.mark.parametrize(
    "path,transition",
    [("/grupper/gaarde/r4", "mark_implemented"), (None, "adopt")],
)
def test_a_decision_not_for_the_desk_is_refused(browser_as, folder, path, transition):
    uid = api.portal.get().unrestrictedTraverse(path.lstrip("/")).UID() if path else ""
    response = decide(browser_as("board1"), uid, transition, comment="Vedtaget.")
    assert "That decision cannot be taken here." in text(response.text)
    assert state_of("/grupper/gaarde/r4")[0] == "submitted"


def test_without_the_token_nothing_happens(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    response = browser_as("board1").post(
        DESK,
        data={"uid": uid, "transition": "adopt", "comment": "Vedtaget."},
        allow_redirects=False,
    )
    assert response.status_code == 403
    assert state_of("/grupper/gaarde/r4")[0] == "submitted"


def test_the_decision_memo_is_one_printable_page(browser_as, folder):
    response = browser_as("board1").get("/grupper/gaarde/r3/@@decision-memo")
    assert response.status_code == 200
    body = text(response.text)
    assert "Anbefaling r3" in body
    assert "Bestyrelsens beslutning om r3." in body
    assert "Decided on 2 April 2026" in body
    assert "++resource++threeb.opgavegrupper.insight/print.css" in response.text
