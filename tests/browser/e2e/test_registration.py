"""A resident registers on the demo site, sets a password from the mail,
staff approve, and the resident signs up for a group.

The demo site lets people register (profiles/demo/registry/registration.xml);
its MailHost sends to an SMTP server in this test process, as `make run`'s
mail sink does, and the test opens the link from the mail as a person would.
"""

from .conftest import axe
from .conftest import describe
from .conftest import goto
from .conftest import log_in
from .conftest import mail_helpers
from .conftest import screenshot
from email import message_from_bytes
from email import policy
from plone import api

import pytest
import re
import transaction


sink_mailhost = mail_helpers().sink_mailhost

pytestmark = pytest.mark.slow

RECRUITING = "opgavegrupper/faellesskab-paa-tvaers"
PASSWORD = "ny-beboer-2026"
SENT = re.compile("Your application has been sent|Din tilmelding er sendt")
APPROVED = re.compile("is approved as a resident|er godkendt som beboer")
LINK = re.compile(r"(http://\S+/passwordreset/\S+)")


@pytest.fixture
def kept(demo_portal):
    """The SMTP server's inbox."""
    with sink_mailhost(demo_portal) as kept:
        transaction.commit()
        yield kept


def plain_texts(kept, address):
    """The plain text of each mail sent to ``address``."""
    found = []
    for raw in kept.messages:
        message = message_from_bytes(raw, policy=policy.default)
        if message["To"] == address:
            text = message.get_body(("plain",)).get_content()
            found.append((message["Subject"], text.replace("\r\n", "\n")))
    return found


def assert_accessible(page):
    violations = axe(page)
    assert not violations, describe(violations)


def test_a_resident_registers_is_approved_and_signs_up(
    site, new_page, page_as, kept, demo_portal
):
    # Anonymous, on Plone's own registration form with the resident's fields.
    anna = new_page()
    anna.demo_user = None
    goto(anna, f"{site}/@@register")
    anna.fill("#form-widgets-fullname", "Anna Hansen")
    anna.fill("#form-widgets-email", "anna@example.org")
    anna.fill("#form-widgets-username", "anna")
    anna.select_option("#form-widgets-department", label="Tingbjerg")
    anna.fill("#form-widgets-address_or_tenancy", "Ruten 12, 2. tv.")
    anna.check("#form-widgets-privacy_accepted-0")
    screenshot(anna, "register-form")
    assert_accessible(anna)
    anna.click("#form-buttons-register")
    anna.wait_for_load_state()

    # The mail with the link to set a password verifies the address.
    ((_subject, text),) = plain_texts(kept, "anna@example.org")
    link = LINK.search(text).group(1)
    # Staff are told that a registration waits.
    staff_mails = plain_texts(kept, "mette@example.org")
    assert [subject for subject, _text in staff_mails] == [
        "En registrering venter på godkendelse"
    ]
    assert "Ruten" not in staff_mails[0][1]

    anna.goto(link)
    anna.fill("#userid", "anna")
    anna.fill("#password", PASSWORD)
    anna.fill("#password2", PASSWORD)
    with anna.expect_navigation():
        anna.locator("#content form button[type=submit]").click()

    # Waiting: no resident seat yet.
    transaction.begin()
    user = api.user.get(userid="anna")
    assert "Resident" not in user.getRoles()

    mette = page_as("mette")
    goto(mette, f"{site}/@@registration-requests")
    card = mette.locator("li.card", has_text="Anna Hansen")
    assert "Ruten 12, 2. tv." in card.inner_text()
    screenshot(mette, "registration-requests")
    assert_accessible(mette)
    with mette.expect_navigation():
        card.locator('button[value="approve_resident"]').click()
    assert APPROVED.search(mette.inner_text("#content"))
    assert mette.locator("li.card", has_text="Anna Hansen").count() == 0
    assert [subject for subject, _text in plain_texts(kept, "anna@example.org")][
        -1
    ] == "Din registrering er godkendt"

    # The person logs in and signs up for a resident's seat.
    resident = new_page()
    log_in(resident, site, "anna", PASSWORD)
    resident.demo_user = "anna"
    group_url = f"{site}/{RECRUITING}"
    goto(resident, f"{group_url}/@@apply")
    resident.select_option("#form-widgets-constituency", "resident")
    resident.fill("#form-widgets-motivation", "Jeg er ny i Tingbjerg.")
    resident.click("#form-buttons-apply")
    resident.wait_for_url(group_url)
    assert SENT.search(resident.inner_text(".portalMessage"))
