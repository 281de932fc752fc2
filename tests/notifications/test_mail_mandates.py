"""A mandate waiting for approval: the organisation board is told."""

from plone import api

import pytest


BOARD = ["board1@example.org", "board2@example.org"]


@pytest.fixture
def mandate(group, outbox):
    with api.env.adopt_roles(["Manager"]):
        mandate = api.content.create(
            group,
            "Mandate",
            id="kommissorium",
            title="Kommissorium",
            questions=["Hvornår må man vaske?", "Skal der være booking?"],
            budget=25000,
        )
    outbox.clear()
    return mandate


def test_submitted_for_approval_mails_each_board_member(mandate, outbox, do_transition):
    assert do_transition(mandate, "submit_for_approval", "chair1") == (
        "pending_approval"
    )
    assert outbox.recipients == BOARD
    mail = outbox.mails[0]
    assert mail.subject == "Til bestyrelsens godkendelse: kommissoriet for Vaskeriet"
    assert (
        "Opgavegruppen Vaskeriet har sendt sit kommissorium til "
        "organisationsbestyrelsens godkendelse." in mail.text
    )
    assert "- Hvornår må man vaske?\n- Skal der være booking?" in mail.text
    assert "Budget (kr.):\n25.000" in mail.text
    assert mandate.absolute_url() in mail.text
    assert "fordi du er medlem af organisationsbestyrelsen" in mail.text


def test_approving_or_sending_back_mails_no_board_member(
    mandate, outbox, do_transition
):
    do_transition(mandate, "submit_for_approval", "chair1")
    outbox.clear()
    assert do_transition(mandate, "send_back", "board1") == "draft"
    do_transition(mandate, "submit_for_approval", "chair1")
    outbox.clear()
    assert do_transition(mandate, "approve", "board1") == "approved"
    assert outbox.mails == []


def test_a_board_member_without_an_address_is_skipped(mandate, outbox, do_transition):
    api.user.get(userid="board2").setMemberProperties({"email": ""})
    do_transition(mandate, "submit_for_approval", "chair1")
    assert outbox.recipients == ["board1@example.org"]
