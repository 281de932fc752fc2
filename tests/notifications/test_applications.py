"""Sign-ups: the chair and the contact hear of them, the applicant of the decision."""

from plone import api
from threeb.opgavegrupper.participation import applications

import pytest


def sign_up(group, user_id, **data):
    """The person signs up themself, as the form and @apply do."""
    with api.env.adopt_user(username=user_id):
        return applications.apply(
            group, api.user.get_current(), {"constituency": "resident", **data}
        )


def test_new_application_mails_the_chair_and_the_contact(group, outbox):
    application = sign_up(group, "resident1", motivation="Jeg bor over vaskeriet")
    assert outbox.recipients == ["chair1@example.org", "staff1@example.org"]
    mail = outbox.mails[0]
    assert mail.subject == "Ny tilmelding til Vaskeriet"
    assert "Resident1 Hansen har søgt en plads i opgavegruppen Vaskeriet." in mail.text
    assert "Plads:\nBeboer" in mail.text
    assert application.absolute_url() in mail.text
    assert f'<a href="{application.absolute_url()}">' in mail.html
    assert "<dd>Beboer</dd>" in mail.html


def test_new_application_mail_keeps_the_motivation_on_the_site(group, outbox):
    sign_up(group, "resident1", motivation="Jeg bor over vaskeriet")
    assert len(outbox.mails) == 2
    for mail in outbox.mails:
        assert "Jeg bor over" not in mail.text
        assert "Jeg bor over" not in mail.html


def test_staff_adding_a_member_is_no_application_to_decide(group, outbox):
    with api.env.adopt_user(username="staff1"):
        applications.add_member(
            group,
            {"fullname": "Eva Ekstern", "constituency": "external"},
        )
    assert outbox.mails == []


def decide(application, transition, user_id="chair1", comment=""):
    workflow = api.portal.get_tool("portal_workflow")
    with api.env.adopt_user(username=user_id):
        workflow.doActionFor(application, transition, comment=comment)


@pytest.mark.parametrize(
    "transition,subject,sentence",
    [
        (
            "accept",
            "Du har fået en plads i Vaskeriet",
            "Din tilmelding til opgavegruppen Vaskeriet er godkendt.",
        ),
        (
            "waitlist",
            "Du er på ventelisten til Vaskeriet",
            "så din tilmelding er sat på venteliste.",
        ),
        (
            "decline",
            "Din tilmelding til Vaskeriet",
            "Vi kan desværre ikke give dig en plads i opgavegruppen Vaskeriet.",
        ),
    ],
)
def test_the_applicant_hears_the_decision_with_its_message(
    group, outbox, transition, subject, sentence
):
    application = sign_up(group, "resident1")
    outbox.clear()
    decide(application, transition, comment="Vi ses torsdag kl. 17.\nHilsen Chair1")
    (mail,) = outbox.mails
    assert mail.to == "resident1@example.org"
    assert mail.subject == subject
    assert sentence in mail.text
    assert "En besked til dig:\nVi ses torsdag kl. 17.\nHilsen Chair1" in mail.text
    assert "<dd>Vi ses torsdag kl. 17.<br>\nHilsen Chair1</dd>" in mail.html
    assert application.absolute_url() in mail.text


def test_a_decision_without_a_comment_has_no_message(group, outbox):
    application = sign_up(group, "resident1")
    decide(application, "waitlist", comment="Du er nummer 2.")
    outbox.clear()
    decide(application, "accept")
    (mail,) = outbox.mails
    assert mail.subject == "Du har fået en plads i Vaskeriet"
    # The waiting list's message was for then, not for this decision.
    assert "nummer 2" not in mail.text
    assert "En besked til dig" not in mail.text


def test_withdrawing_sends_nothing(group, outbox):
    application = sign_up(group, "resident1")
    outbox.clear()
    decide(application, "withdraw", user_id="resident1")
    assert api.content.get_state(application) == "withdrawn"
    assert outbox.mails == []
