"""A mail server that refuses or is down never undoes what a person did.

Over real HTTP requests to the functional layer's WSGI server, whose commit
hands the mails to a real SMTP server: one that answers 550, or a port where
nothing listens. The decision is stored (200), the person who decided learns
which mail did not go, and the log says why.
"""

from datetime import datetime
from datetime import UTC
from plone import api
from threeb.opgavegrupper.notifications.mails import WARNING_HEADER
from threeb.opgavegrupper.participation.applications import application_id

import pytest
import re
import socket
import transaction


PASSWORD = "secret-pw-1"
GROUP = "/grupper/vaskeriet"
NOT_SENT = (
    'E-mailen "Du har fået en plads i Vaskeriet" kunne ikke sendes til '
    "Resident1 Hansen. Det, du gjorde, er gemt; giv dem besked på anden vis."
)


def closed_port():
    """A port nothing listens on: taken from the system, then let go."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_user(request_factory, user_id, **kwargs):
    return request_factory(basic_auth=(user_id, PASSWORD), **kwargs)


def signed_up(rest_group, request_factory):
    """resident1 applies; the sign-up mails go out as usual."""
    group, outbox = rest_group
    response = as_user(request_factory, "resident1").post(
        f"{GROUP}/@apply", json={"constituency": "resident"}
    )
    assert response.status_code == 201, response.text
    transaction.begin()
    assert outbox.recipients == ["chair1@example.org", "staff1@example.org"]
    outbox.mailhost.reset()
    return group, outbox, application_id(group, "resident1")


def break_mail(outbox, how):
    if how == "refused":
        outbox.mailhost.refuse("550 5.1.1 Mailbox unavailable")
    else:
        api.portal.set_registry_record("plone.smtp_port", closed_port())
        transaction.commit()


def state_of(group, app_id):
    transaction.begin()  # see what the web server committed
    return api.content.get_state(group[app_id])


@pytest.mark.parametrize("how", ["refused", "down"])
def test_rest_accept_is_stored_and_staff_are_warned(
    rest_group, request_factory, caplog, how
):
    group, outbox, app_id = signed_up(rest_group, request_factory)
    break_mail(outbox, how)

    response = as_user(request_factory, "staff1").post(
        f"{GROUP}/{app_id}/@workflow/accept", json={"comment": "Velkommen"}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert body["review_state"] == "accepted"
    assert body["warnings"] == [{"type": "mail_not_sent", "message": NOT_SENT}]
    assert response.headers[WARNING_HEADER] == "1"
    assert state_of(group, app_id) == "accepted"
    assert outbox.mails == []
    assert (
        "Could not send 'Du har fået en plads i Vaskeriet' to resident1" in caplog.text
    )


def test_a_mail_that_goes_leaves_the_answer_as_it_was(rest_group, request_factory):
    group, outbox, app_id = signed_up(rest_group, request_factory)
    response = as_user(request_factory, "staff1").post(
        f"{GROUP}/{app_id}/@workflow/accept", json={"comment": "Velkommen"}
    )
    assert response.status_code == 200, response.text
    assert "warnings" not in response.json()
    assert WARNING_HEADER not in response.headers
    assert outbox.recipients == ["resident1@example.org"]


def decide_in_classic_ui(request_factory, app_id, transition="accept"):
    """Staff decide on @@manage-applications as the form posts it."""
    browser = as_user(request_factory, "staff1", api=False)
    # As a browser asks: a JSON Accept header makes it a REST request.
    browser.headers["Accept"] = "text/html"
    page = browser.get(f"{GROUP}/@@manage-applications")
    assert page.status_code == 200, page.text
    (token,) = set(re.findall(r'name="_authenticator" value="([^"]+)"', page.text))
    return browser.post(
        f"{GROUP}/@@manage-applications",
        data={
            "application": app_id,
            "transition": transition,
            "message": "Velkommen",
            "_authenticator": token,
        },
    )


@pytest.mark.parametrize("how", ["refused", "down"])
def test_classic_ui_accept_is_stored_and_the_next_page_warns(
    rest_group, request_factory, how
):
    group, outbox, app_id = signed_up(rest_group, request_factory)
    break_mail(outbox, how)

    page = decide_in_classic_ui(request_factory, app_id)

    # The form redirects to itself; the page after it says both things.
    assert [r.status_code for r in page.history] == [302]
    assert page.status_code == 200
    assert "Afgørelsen er gemt." in page.text
    assert NOT_SENT in page.text
    assert state_of(group, app_id) == "accepted"


def test_without_a_sender_staff_learn_that_nothing_was_sent(
    rest_group, request_factory
):
    group, outbox, app_id = signed_up(rest_group, request_factory)
    api.portal.set_registry_record("plone.email_from_address", "")
    transaction.commit()

    response = as_user(request_factory, "staff1").post(
        f"{GROUP}/{app_id}/@workflow/accept", json={}
    )

    assert response.status_code == 200, response.text
    assert response.json()["warnings"] == [
        {"type": "mail_not_sent", "message": NOT_SENT}
    ]
    assert state_of(group, app_id) == "accepted"


def test_a_resident_hears_only_that_a_mail_failed(rest_group, request_factory):
    """Who else a mail was for is not the resident's to know."""
    group, outbox = rest_group
    outbox.mailhost.refuse()
    response = as_user(request_factory, "resident1").post(
        f"{GROUP}/@apply", json={"constituency": "resident"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["warnings"] == [
        {
            "type": "mail_not_sent",
            "message": 'En e-mail-besked ("Ny tilmelding til Vaskeriet") kunne '
            "ikke sendes. Det, du gjorde, er gemt.",
        }
    ]
    assert response.headers[WARNING_HEADER] == "2"
    transaction.begin()
    assert application_id(group, "resident1") in group


def test_publishing_a_meeting_with_the_mail_server_down(rest_group, request_factory):
    group, outbox = rest_group
    with api.env.adopt_user(username="chair1"):
        api.content.create(
            group,
            "Meeting",
            id="mode",
            title="Første møde",
            start=datetime(2026, 3, 10, 17, 0, tzinfo=UTC),
            end=datetime(2026, 3, 10, 19, 0, tzinfo=UTC),
        )
    break_mail(outbox, "down")

    response = as_user(request_factory, "chair1").post(
        f"{GROUP}/mode/@workflow/publish"
    )

    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "published"
    assert len(response.json()["warnings"]) == 1
    transaction.begin()
    assert api.content.get_state(group["mode"]) == "published"
