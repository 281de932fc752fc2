"""The rules on the way to and from the board, run as the people who act."""

from datetime import date
from plone import api
from plone.app.event.base import localized_today
from threeb.opgavegrupper.lifecycle.errors import TransitionRefused

import pytest


@pytest.fixture
def working_group(group, people, in_state):
    in_state(group, "active")
    return group


@pytest.fixture
def approved_mandate(working_group, mandate, in_state):
    in_state(mandate, "approved")
    return mandate


def test_chair_cannot_submit_without_an_approved_mandate(
    working_group, mandate, recommendation, do_transition
):
    with pytest.raises(TransitionRefused) as refused:
        do_transition(recommendation, "submit", "tove")
    assert "mandate is approved" in str(refused.value)
    assert api.content.get_state(obj=recommendation) == "draft"


def test_mandate_pending_approval_is_not_enough(
    working_group, mandate, recommendation, in_state, do_transition
):
    in_state(mandate, "pending_approval")
    with pytest.raises(TransitionRefused):
        do_transition(recommendation, "submit", "tove")


def test_another_groups_approved_mandate_does_not_count(
    folder, working_group, recommendation, in_state, do_transition
):
    other = api.content.create(folder, "TaskGroup", id="andet", title="Andet")
    other_mandate = api.content.create(other, "Mandate", id="k", title="K")
    in_state(other_mandate, "approved")
    with pytest.raises(TransitionRefused):
        do_transition(recommendation, "submit", "tove")


def test_chair_submits_once_the_mandate_is_approved(
    approved_mandate, recommendation, do_transition
):
    assert do_transition(recommendation, "submit", "tove") == "submitted"


@pytest.fixture
def submitted(approved_mandate, recommendation, do_transition):
    do_transition(recommendation, "submit", "tove")
    return recommendation


@pytest.mark.parametrize("transition", ["adopt", "reject"])
def test_board_cannot_decide_without_a_decision_text(
    submitted, do_transition, transition
):
    with pytest.raises(TransitionRefused) as refused:
        do_transition(submitted, transition, "ole")
    assert "needs a decision text" in str(refused.value)
    assert api.content.get_state(obj=submitted) == "submitted"
    assert submitted.decision_date is None


@pytest.mark.parametrize(
    "transition,state", [("adopt", "adopted"), ("reject", "rejected")]
)
def test_decision_text_on_the_recommendation_is_kept(
    submitted, do_transition, transition, state
):
    submitted.decision_text = "Bestyrelsen vedtog anbefalingen 3-1."
    assert do_transition(submitted, transition, "ole", comment="Se referat") == state
    assert submitted.decision_text == "Bestyrelsen vedtog anbefalingen 3-1."
    assert submitted.decision_date == localized_today(submitted)


def test_comment_becomes_the_decision_text(submitted, do_transition):
    do_transition(submitted, "adopt", "ole", comment="Vedtaget på mødet 4. maj.")
    assert submitted.decision_text == "Vedtaget på mødet 4. maj."


def test_blank_decision_text_and_blank_comment_are_refused(submitted, do_transition):
    submitted.decision_text = "   "
    with pytest.raises(TransitionRefused):
        do_transition(submitted, "adopt", "ole", comment="  ")


def test_decision_date_given_by_the_board_is_kept(submitted, do_transition):
    submitted.decision_date = date(2026, 5, 4)
    do_transition(submitted, "reject", "ole", comment="Forkastet.")
    assert submitted.decision_date == date(2026, 5, 4)


def test_send_back_needs_no_decision_text(submitted, do_transition):
    assert do_transition(submitted, "send_back", "ole") == "draft"
    assert submitted.decision_date is None


def test_staff_mark_an_adopted_recommendation_implemented(submitted, do_transition):
    do_transition(submitted, "adopt", "ole", comment="Vedtaget.")
    assert do_transition(submitted, "mark_implemented", "mette") == "implemented"


def test_approving_a_mandate_records_the_date(working_group, mandate, do_transition):
    assert do_transition(mandate, "submit_for_approval", "tove") == "pending_approval"
    assert mandate.approval_date is None
    assert do_transition(mandate, "approve", "ole") == "approved"
    assert mandate.approval_date == localized_today(mandate)


def test_sending_a_mandate_back_keeps_its_history(
    working_group, mandate, do_transition
):
    do_transition(mandate, "submit_for_approval", "tove")
    do_transition(mandate, "send_back", "ole", comment="Skriv budgettet ind.")
    do_transition(mandate, "submit_for_approval", "tove")
    do_transition(mandate, "approve", "ole")
    history = api.portal.get_tool("portal_workflow").getInfoFor(
        mandate, "review_history"
    )
    assert [entry["action"] for entry in history] == [
        None,
        "submit_for_approval",
        "send_back",
        "submit_for_approval",
        "approve",
    ]
    assert history[2]["comments"] == "Skriv budgettet ind."
    assert history[2]["actor"] == "ole"


def test_staff_walk_a_group_through_its_lifecycle(group, people, do_transition):
    assert do_transition(group, "open_signup", "mette") == "recruiting"
    assert do_transition(group, "back_to_draft", "mette") == "draft"
    assert do_transition(group, "open_signup", "mette") == "recruiting"
    assert do_transition(group, "start_work", "mette") == "active"
    assert do_transition(group, "conclude", "mette") == "concluded"


@pytest.mark.parametrize("state", ["draft", "recruiting", "active"])
def test_staff_can_cancel_an_open_group(group, people, in_state, do_transition, state):
    in_state(group, state)
    assert do_transition(group, "cancel", "mette") == "cancelled"


def test_chair_publishes_and_retracts_a_meeting(working_group, do_transition):
    meeting = api.content.create(working_group, "Meeting", id="m1", title="Møde 1")
    assert api.content.get_state(obj=meeting) == "internal"
    assert do_transition(meeting, "publish", "tove") == "published"
    assert do_transition(meeting, "retract", "tove") == "internal"
