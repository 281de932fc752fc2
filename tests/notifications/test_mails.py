"""How every notification is sent: sender, language, parts, recipients."""

from plone import api
from threeb.opgavegrupper.notifications import recipients
from threeb.opgavegrupper.notifications.mails import guarded
from threeb.opgavegrupper.participation import applications
from ZODB.POSException import ConflictError

import pytest


def sign_up(group, user_id="resident1"):
    with api.env.adopt_user(username=user_id):
        return applications.apply(
            group, api.user.get_current(), {"constituency": "resident"}
        )


def test_the_site_sender_is_used_when_the_setting_is_empty(group, outbox):
    sign_up(group)
    assert outbox.mails[0].sender == "3B Opgavegrupper <opgavegrupper@example.org>"


def test_the_control_panel_sender_wins_with_the_organisation_name(group, outbox):
    api.portal.set_registry_record(
        "threeb.opgavegrupper.email_from_address", "besked@example.dk"
    )
    api.portal.set_registry_record(
        "threeb.opgavegrupper.organisation_name", "Østerbo Boligselskab"
    )
    sign_up(group)
    mail = outbox.mails[0]
    assert mail.sender == "Østerbo Boligselskab <besked@example.dk>"
    assert "Dette er en automatisk besked fra Østerbo Boligselskab." in mail.text


def test_without_any_sender_nothing_is_sent_and_the_sign_up_stands(
    group, outbox, caplog
):
    api.portal.set_registry_record("plone.email_from_address", "")
    application = sign_up(group)
    assert api.content.get_state(application) == "pending"
    assert outbox.mails == []
    # Once for the transaction, however many mails it held.
    (line,) = [r.getMessage() for r in caplog.records if "No sender" in r.message]
    assert line == (
        "No sender address is set (Site setup > Mail): 2 notification mails "
        "were not sent (Ny tilmelding til Vaskeriet)"
    )


def test_a_mail_is_text_and_html_alternatives_for_one_person(group, outbox):
    sign_up(group)
    mail = outbox.mails[0]
    message = mail.message
    assert message.get_content_type() == "multipart/alternative"
    # Mail programs show the last alternative they can: HTML, else the text.
    assert [part.get_content_type() for part in message.iter_parts()] == [
        "text/plain",
        "text/html",
    ]
    assert message["To"] == "chair1@example.org"
    assert message["Content-Language"] == "da"
    assert message["Auto-Submitted"] == "auto-generated"
    assert mail.html.startswith('<!DOCTYPE html>\n<html lang="da">')


def test_text_from_people_is_escaped_in_the_html(group, outbox):
    with api.env.adopt_user(username="resident1"):
        api.user.get_current().setMemberProperties({"fullname": "Bo <b>Fed</b> & Co"})
        applications.apply(group, api.user.get_current(), {"constituency": "resident"})
    mail = outbox.mails[0]
    assert "Bo &lt;b&gt;Fed&lt;/b&gt; &amp; Co" in mail.html
    assert "<b>Fed</b>" not in mail.html
    assert "Bo <b>Fed</b> & Co har søgt" in mail.text


def test_the_mail_is_in_the_site_language(group, outbox):
    api.portal.set_registry_record("plone.default_language", "en")
    sign_up(group)
    assert outbox.mails[0].subject == "New application to Vaskeriet"


def test_a_chair_role_given_to_a_plone_group_reaches_its_users(group, outbox):
    api.group.create(groupname="vaskeriets-tovholdere")
    api.group.add_user(groupname="vaskeriets-tovholdere", username="member1")
    api.group.grant_roles(
        groupname="vaskeriets-tovholdere", obj=group, roles=["TaskGroupChair"]
    )
    sign_up(group)
    assert outbox.recipients == [
        "chair1@example.org",
        "member1@example.org",
        "staff1@example.org",
    ]


def test_who_may_see_filters_and_deduplicates(group):
    api.user.create(username="twin", email="CHAIR1@example.org", password="pw-12345")
    api.user.grant_roles(username="twin", obj=group, roles=["TaskGroupChair"])
    application = sign_up(group)
    found = recipients.who_may_see(
        application,
        [
            "chair1",
            "chair1",  # named twice
            "twin",  # another account with the same address
            "nomail",  # no address
            "nobody",  # no such account
            "member1",  # may not see someone else's application
            "staff1",
        ],
    )
    assert found == [
        ("chair1", "chair1@example.org"),
        ("staff1", "staff1@example.org"),
    ]


def test_a_conflict_error_is_not_swallowed():
    @guarded
    def conflicting(*args):
        raise ConflictError()

    with pytest.raises(ConflictError):
        conflicting()


def test_any_other_error_is_logged_not_raised(caplog):
    @guarded
    def failing(*args):
        raise ValueError("broken template")

    assert failing() is None
    assert "broken template" in caplog.text
