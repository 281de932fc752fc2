"""board-desk: a decision posted without the CSRF token is refused and says so."""

from .test_desk import decide
from .test_desk import DESK
from .test_desk import state_of
from .test_desk import text


DONE = "Done: Anbefaling r4: Adopt."
STALE = "Nothing was saved: the page was too old. Please try again."


def test_with_the_token_the_decision_is_taken(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    response = decide(browser_as("board1"), uid, "adopt", comment="Vedtaget.")
    assert DONE in text(response.text)
    assert state_of("/grupper/gaarde/r4")[0] == "adopted"


def test_without_the_token_the_desk_says_nothing_was_saved(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    session = browser_as("board1")
    response = session.post(
        DESK,
        data={"uid": uid, "transition": "adopt", "comment": "Vedtaget."},
        allow_redirects=False,
    )
    assert response.status_code == 403
    body = text(response.text)
    assert STALE in body
    assert "statusmessage-error" in response.text
    assert DONE not in body
    # The desk again, with the item still waiting and a fresh token.
    assert "Anbefaling r4" in body
    assert 'name="_authenticator"' in response.text
    assert state_of("/grupper/gaarde/r4")[0] == "submitted"
    # No success message is left for the next page either.
    assert DONE not in text(session.get(DESK).text)
