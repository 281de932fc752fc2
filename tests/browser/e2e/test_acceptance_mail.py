"""Staff accept an application in the browser; the mail reaches a real SMTP server.

The demo site's MailHost sends to an aiosmtpd server in this test process
(scripts/mailsink.py, as `make run` starts it). The mail goes out after the
decision's commit and before the answer, so it is there once the page is.
"""

from .conftest import goto
from .conftest import mail_helpers
from plone import api
from threeb.opgavegrupper.participation.applications import application_id

import pytest
import re
import transaction


read = mail_helpers().read
sink_mailhost = mail_helpers().sink_mailhost


pytestmark = pytest.mark.slow

RECRUITING = "opgavegrupper/faellesskab-paa-tvaers"
SAVED = re.compile("The decision has been saved|Afgørelsen er gemt")


@pytest.fixture
def kept(demo_portal):
    """The SMTP server's inbox; jens's demo application waits for a decision."""
    group = demo_portal.unrestrictedTraverse(RECRUITING)
    application = group[application_id(group, "jens")]
    assert api.content.get_state(application) == "pending"
    with sink_mailhost(demo_portal) as kept:
        transaction.commit()
        yield kept


def accept_jens(site, page_as, message):
    mette = page_as("mette")
    goto(mette, f"{site}/{RECRUITING}/@@manage-applications")
    card = mette.locator("li.card", has_text="Jens Nielsen").filter(
        has=mette.locator('button[value="accept"]')
    )
    card.locator("textarea").fill(message)
    with mette.expect_navigation():
        card.locator('button[value="accept"]').click()
    return "\n".join(mette.locator(".portalMessage").all_inner_texts())


def test_the_acceptance_mail_arrives(site, page_as, kept):
    shown = accept_jens(site, page_as, "Velkommen i gruppen, Jens")

    assert SAVED.search(shown)
    assert "kunne ikke sendes" not in shown
    (mail,) = [read(raw) for raw in kept.messages]
    assert mail.to == "jens@example.org"
    assert mail.subject == "Du har fået en plads i Fællesskab på tværs af afdelinger"
    assert "Velkommen i gruppen, Jens" in mail.text
    assert f"{site}/{RECRUITING}/" in mail.text


def test_a_refused_mail_is_shown_to_staff_and_the_decision_stands(
    site, page_as, kept, demo_portal
):
    kept.refuse("550 5.1.1 Mailbox unavailable")
    shown = accept_jens(site, page_as, "Velkommen")

    assert SAVED.search(shown)
    assert (
        'E-mailen "Du har fået en plads i Fællesskab på tværs af afdelinger" kunne ikke sendes '
        "til Jens Nielsen. Det, du gjorde, er gemt; giv dem besked på anden vis."
    ) in shown
    assert kept.messages == []
    transaction.begin()
    group = demo_portal.unrestrictedTraverse(RECRUITING)
    application = group[application_id(group, "jens")]
    assert api.content.get_state(application) == "accepted"
