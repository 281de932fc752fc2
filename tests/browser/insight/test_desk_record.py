"""board-desk: the vote and the minority statement beside the decision,
headings that tell the cards apart, and buttons in the workflow's words."""

from ...stats import people
from .test_desk import DESK
from .test_desk import state_of
from .test_desk import text
from .test_desk import token_for
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.value import RichTextValue

import pytest
import re
import transaction


R4 = "/grupper/gaarde/r4"


def post(session, uid, transition, **fields):
    data = {
        "_authenticator": token_for(session),
        "uid": uid,
        "transition": transition,
        "comment": "Vedtaget.",
    }
    data.update(fields)
    return session.post(DESK, data=data)


def owner(request_factory):
    session = request_factory(
        api=False, basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD)
    )
    session.headers["Accept"] = "text/html"
    return session


def test_the_board_records_the_vote_with_its_decision(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    response = post(
        browser_as("board1"),
        uid,
        "adopt",
        votes_for="7",
        votes_against="2",
        votes_abstain="0",
    )
    assert response.status_code == 200
    assert "Done: Anbefaling r4: Adopt." in text(response.text)
    state, rec = state_of(R4)
    assert state == "adopted"
    assert (rec.votes_for, rec.votes_against, rec.votes_abstain) == (7, 2, 0)
    assert rec.decision_text == "Vedtaget."


def test_the_desk_offers_the_vote_fields_to_the_board(browser_as, folder):
    page = browser_as("board1").get(DESK).text
    for name in ("votes_for", "votes_against", "votes_abstain"):
        assert f'name="{name}"' in page
    # Staff have no decision to take, so no vote to record.
    assert 'name="votes_for"' not in browser_as("staff1").get(DESK).text


@pytest.mark.parametrize(
    "value,message",
    [
        ("syv", "Votes for must be a whole number from 0 to 1000."),
        ("-1", "Votes for must be a whole number from 0 to 1000."),
        ("1001", "Votes for must be a whole number from 0 to 1000."),
    ],
)
def test_a_vote_that_is_no_number_changes_nothing(browser_as, folder, value, message):
    uid = folder["gaarde"]["r4"].UID()
    response = post(browser_as("board1"), uid, "adopt", votes_for=value)
    assert response.status_code == 200
    assert message in text(response.text)
    state, rec = state_of(R4)
    assert state == "submitted"
    assert rec.votes_for is None


def test_a_refused_decision_gives_back_what_was_typed(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    response = post(
        browser_as("board1"),
        uid,
        "adopt",
        comment="",
        votes_for="5",
        votes_against="2",
        minority_statement="To ønsker <papirlister>.",
    )
    assert response.status_code == 200
    page = response.text
    assert "decision text" in text(page).lower() or "beslutningstekst" in page
    from lxml import html as lxml_html

    tree = lxml_html.fromstring(page)
    assert tree.get_element_by_id(f"votes_for-{uid}").get("value") == "5"
    assert tree.get_element_by_id(f"votes_against-{uid}").get("value") == "2"
    assert "To ønsker &lt;papirlister&gt;." in page
    state, rec = state_of(R4)
    assert state == "submitted"
    assert rec.votes_for is None


def test_sending_back_records_no_vote(browser_as, folder):
    uid = folder["gaarde"]["r4"].UID()
    post(browser_as("board1"), uid, "send_back", votes_for="3")
    state, rec = state_of(R4)
    assert state == "draft"
    assert rec.votes_for is None


def test_the_board_records_a_minority_statement_with_its_decision(browser_as, folder):
    """A minority of the board has its view recorded at the decision."""
    uid = folder["gaarde"]["r4"].UID()
    session = browser_as("board1")
    assert 'name="minority_statement"' in session.get(DESK).text
    response = post(
        session,
        uid,
        "adopt",
        votes_for="6",
        votes_against="3",
        minority_statement="Et mindretal ønsker papirlister.\n\n<b>To</b> stemmer imod.",
    )
    assert response.status_code == 200
    state, rec = state_of(R4)
    assert state == "adopted"
    # Held as a group's statement is: HTML paragraphs, the text escaped.
    assert rec.minority_statement.mimeType == "text/html"
    assert rec.minority_statement.raw == (
        "<p>Et mindretal ønsker papirlister.</p><p>&lt;b&gt;To&lt;/b&gt; stemmer imod.</p>"
    )


def test_a_decided_recommendations_minority_statement_stays(
    request_factory, browser_as, folder, do_transition
):
    """After the decision the statement is part of the record (admins only)."""
    import json

    rec = folder["gaarde"]["r4"]
    rec.decision_text = "Vedtaget."
    do_transition(rec, "adopt", "board1")
    transaction.commit()
    # Staff edit an adopted recommendation (its implementation), not this.
    session = request_factory(basic_auth=("staff1", people.PASSWORD))
    response = session.patch(
        rec.absolute_url(),
        data=json.dumps({"minority_statement": "Senere tilføjet."}),
    )
    assert response.status_code == 403
    assert response.json()["error"]["field"] == "minority_statement"


def test_who_may_write_it_records_the_minority_statement(request_factory, folder):
    session = owner(request_factory)
    page = session.get(DESK).text
    assert 'name="minority_statement"' in page
    uid = folder["gaarde"]["r4"].UID()
    post(
        session,
        uid,
        "reject",
        votes_for="3",
        votes_against="5",
        minority_statement="Et mindretal ville vedtage den.",
    )
    state, rec = state_of(R4)
    assert state == "rejected"
    assert (rec.votes_for, rec.votes_against) == (3, 5)
    assert "Et mindretal ville vedtage den." in rec.minority_statement.output


def test_the_board_reads_the_groups_minority_statement(browser_as, folder):
    with api.env.adopt_roles(["Manager"]):
        folder["gaarde"]["r4"].minority_statement = RichTextValue(
            "<p>Mindretallet ønsker papirlister.</p>", "text/html", "text/x-html-safe"
        )
    transaction.commit()
    page = browser_as("board1").get(DESK).text
    assert "Mindretallet ønsker papirlister." in page
    assert "Minority statement" in text(page)


def test_two_mandates_of_the_same_title_have_their_groups_headings(
    browser_as, folder, dataset
):
    with api.env.adopt_roles(["Manager"]):
        for group_id in ("energi", "gaarde"):
            mandate = api.content.create(
                folder[group_id], "Mandate", id="kommissorium", title="Kommissorium"
            )
            dataset.set_state(mandate, "pending_approval")
    transaction.commit()
    page = browser_as("board1").get(DESK).text
    headings = [
        text(h) for h in re.findall(r'<h3 class="card-title">(.*?)</h3>', page, re.S)
    ]
    # Titled only "Kommissorium" (the type's Danish name): not said twice.
    assert "Energi: approve the mandate" in headings
    assert "Gaarde: approve the mandate" in headings
    assert 'Gaarde: decide on the recommendation "Anbefaling r4"' in headings
    assert len(headings) == len(set(headings))


def test_buttons_say_what_the_state_menu_says(browser_as, folder):
    page = browser_as("board1").get(DESK).text
    buttons = dict(
        re.findall(r'<button[^>]*value="([a-z_]+)"[^>]*>\s*([^<]*?)\s*</button>', page)
    )
    assert buttons == {
        "adopt": "Adopt",
        "reject": "Reject the recommendation",
        "send_back": "Send back to draft",
    }


def test_buttons_in_danish_are_the_state_menus_words(browser_as, folder):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    session = browser_as("board1")
    page = text(session.get(DESK).text)
    assert "Forkast anbefalingen" in page
    assert "Afvis" not in page
    # The recommendation's own state menu offers the same words.
    menu = text(session.get(R4).text)
    assert "Forkast anbefalingen" in menu
    assert "Gaarde: beslut om anbefalingen »Anbefaling r4«" in page
