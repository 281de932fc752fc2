"""The board hears of a recommendation; members and followers hear of its fate."""

from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue
from zope.event import notify
from zope.lifecycleevent import ObjectModifiedEvent

import pytest


BOARD = ["board1@example.org", "board2@example.org"]
MEMBERS = ["chair1@example.org", "member1@example.org", "member2@example.org"]
MEMBERS_AND_FOLLOWER = sorted([*MEMBERS, "follower1@example.org"])


@pytest.fixture
def recommendation(group, in_state, outbox):
    with api.env.adopt_roles(["Manager"]):
        mandate = api.content.create(
            group, "Mandate", id="kommissorium", questions=["Hvordan?"]
        )
        in_state(mandate, "approved")
        recommendation = api.content.create(
            group,
            "Recommendation",
            id="anbefaling",
            title="Faste vasketider",
            summary="Hver opgang får sine faste vasketider.",
        )
    return recommendation


@pytest.fixture
def submitted(recommendation, do_transition, outbox):
    do_transition(recommendation, "submit", "chair1")
    outbox.clear()
    return recommendation


def record_decision(recommendation, text="Vedtaget med en prøveperiode på et år."):
    recommendation.decision_text = text
    recommendation.decision_date = date(2026, 5, 20)
    recommendation.votes_for = 7
    recommendation.votes_against = 2
    recommendation.votes_abstain = 1


def test_submitting_mails_the_board(recommendation, do_transition, outbox):
    do_transition(recommendation, "submit", "chair1")
    assert outbox.recipients == BOARD
    mail = outbox.mails[0]
    assert mail.subject == "Til bestyrelsens beslutning: Faste vasketider"
    assert (
        "Opgavegruppen Vaskeriet har sendt en anbefaling til organisationsbestyrelsen."
        in mail.text
    )
    assert "Resumé:\nHver opgang får sine faste vasketider." in mail.text
    assert recommendation.absolute_url() in mail.text
    assert "Du får denne e-mail, fordi du er medlem af organisationsbestyrelsen." in (
        mail.text
    )


def test_the_board_hears_of_a_minority_statement(recommendation, do_transition, outbox):
    recommendation.minority_statement = RichTextValue("<p>Vi er imod.</p>")
    do_transition(recommendation, "submit", "chair1")
    assert "Anbefalingen har en mindretalsudtalelse." in outbox.mails[0].text


def test_adoption_tells_members_and_followers(submitted, do_transition, outbox):
    record_decision(submitted)
    do_transition(submitted, "adopt", "board1")
    # Everyone who took part or follows, not the board, not the outsider.
    assert outbox.recipients == MEMBERS_AND_FOLLOWER
    mail = outbox.mails[0]
    assert mail.subject == "Bestyrelsen har vedtaget: Faste vasketider"
    assert (
        "Organisationsbestyrelsen har vedtaget anbefalingen fra opgavegruppen "
        "Vaskeriet." in mail.text
    )
    assert "Beslutning:\nVedtaget med en prøveperiode på et år." in mail.text
    assert "Besluttet den:\n20. maj 2026" in mail.text
    assert "Stemmer:\n7 for, 2 imod, 1 undlod at stemme" in mail.text
    assert "Status for gennemførelsen:\nIkke påbegyndt" in mail.text
    assert f'<a href="{submitted.absolute_url()}">' in mail.html
    assert "<dd>7 for, 2 imod, 1 undlod at stemme</dd>" in mail.html
    assert "eller følger den." in mail.text


def test_rejection_carries_the_decision_given_as_comment(
    submitted, do_transition, outbox
):
    do_transition(submitted, "reject", "board1", comment="For dyrt lige nu.")
    assert outbox.recipients == MEMBERS_AND_FOLLOWER
    mail = outbox.mails[0]
    assert mail.subject == "Bestyrelsen har afvist: Faste vasketider"
    assert "Beslutning:\nFor dyrt lige nu." in mail.text
    # Nothing is implemented after a rejection; no votes were recorded.
    assert "gennemførelsen" not in mail.text
    assert "Stemmer" not in mail.text


def test_a_follower_who_cannot_see_the_decision_gets_nothing(
    submitted, group, in_state, do_transition, outbox
):
    # A group in draft is internal: the decision is for its own people only.
    in_state(group, "draft")
    with api.env.adopt_user(username="follower1"):
        assert not api.user.has_permission("View", obj=submitted)
    record_decision(submitted)
    do_transition(submitted, "adopt", "board1")
    assert outbox.recipients == MEMBERS


@pytest.fixture
def adopted(submitted, do_transition, outbox):
    record_decision(submitted)
    do_transition(submitted, "adopt", "board1")
    outbox.clear()
    return submitted


def modify(recommendation, **values):
    for name, value in values.items():
        setattr(recommendation, name, value)
    notify(ObjectModifiedEvent(recommendation))


def test_implementation_progress_is_news(adopted, outbox):
    modify(adopted, implementation_status="in_progress", progress=40)
    assert outbox.recipients == MEMBERS_AND_FOLLOWER
    mail = outbox.mails[0]
    assert mail.subject == "Nyt om gennemførelsen: Faste vasketider"
    assert "Der er nyt om gennemførelsen af anbefalingen" in mail.text
    assert "Status for gennemførelsen:\nI gang" in mail.text
    assert "Fremdrift (%):\n40 %" in mail.text
    assert "Beslutning:\nVedtaget med en prøveperiode på et år." in mail.text


def test_each_change_of_progress_is_told_once(adopted, outbox):
    modify(adopted, progress=40)
    modify(adopted, progress=40)
    modify(adopted, summary="Nye faste vasketider.")
    assert len(outbox.mails) == len(MEMBERS_AND_FOLLOWER)
    modify(adopted, progress=80)
    assert len(outbox.mails) == 2 * len(MEMBERS_AND_FOLLOWER)
    assert "Fremdrift (%):\n80 %" in outbox.mails[-1].text


def test_editing_before_the_decision_is_no_news(submitted, outbox):
    modify(submitted, implementation_status="in_progress", progress=10)
    assert outbox.mails == []


def test_marking_implemented_tells_members_and_followers(
    adopted, do_transition, outbox
):
    modify(adopted, implementation_status="done", progress=100)
    outbox.clear()
    do_transition(adopted, "mark_implemented", "staff1")
    assert outbox.recipients == MEMBERS_AND_FOLLOWER
    mail = outbox.mails[0]
    assert mail.subject == "Gennemført: Faste vasketider"
    assert "Anbefalingen fra opgavegruppen Vaskeriet er gennemført." in mail.text
    assert "Status for gennemførelsen:\nFærdig" in mail.text
