"""Issue 16 in the browser: a communications person with Plone's own Contributor
and Editor roles writes an outcome, a reviewer publishes it, the group's
members get the mail, and visitors read it on the trail, the overview and the
front page."""

from .conftest import goto
from .conftest import mail_helpers
from .conftest import PASSWORD
from .conftest import shared_helpers
from plone import api

import pytest
import transaction


read = mail_helpers().read
sink_mailhost = mail_helpers().sink_mailhost

pytestmark = pytest.mark.slow

CONCLUDED = "opgavegrupper/udlejningshjul"
TITLE = "Hjulet kommer også på opslagstavlerne"
SUMMARY = "Fra næste måned hænger udlejningshjulet også i opgangene."


@pytest.fixture
def kept(demo_portal):
    """Plone's editorial roles given on the folder's sharing page, and the inbox."""
    editorial = {"skribent": ["Contributor", "Editor"], "redaktoer": ["Reviewer"]}
    shared_helpers().make_people(
        dict.fromkeys(editorial, (None, None)), password=PASSWORD
    )
    for user_id, roles in editorial.items():
        api.user.grant_roles(
            username=user_id, obj=demo_portal["opgavegrupper"], roles=roles
        )
    with sink_mailhost(demo_portal) as kept:
        transaction.commit()
        yield kept


def test_an_editor_writes_a_reviewer_publishes_everyone_reads(site, page_as, kept):
    writer = page_as("skribent")
    goto(writer, f"{site}/{CONCLUDED}/++add++Outcome")
    writer.fill("#form-widgets-title", TITLE)
    writer.fill("#form-widgets-summary", SUMMARY)
    writer.fill("#form-widgets-decided", "Bestyrelsen har sagt ja til opslagene.")
    writer.fill("#form-widgets-next_steps", "Driften hænger dem op.")
    with writer.expect_navigation():
        writer.click("#form-buttons-save")
    outcome_url = writer.url.split("?")[0].removesuffix("/view")
    assert "/udlejningshjul/" in outcome_url
    # The writer has no way to publish.
    assert writer.locator("#workflow-transition-publish").count() == 0

    reviewer = page_as("redaktoer")
    goto(reviewer, outcome_url)
    # The state menu's publish link, followed as a click on it would be (on
    # a narrow toolbar the menu's own item lies over its toggle).
    publish = reviewer.locator("#workflow-transition-publish")
    assert publish.count() == 1
    goto(reviewer, publish.get_attribute("href"))

    mails = [read(raw) for raw in kept.messages]
    assert mails, "nobody was told"
    assert {mail.subject for mail in mails} == {
        f"Det kom der ud af Udlejningshjul: synlig udlejning: {TITLE}"
    }
    assert all(SUMMARY in mail.text for mail in mails)

    visitor = page_as(None)
    goto(visitor, f"{site}/{CONCLUDED}")
    last = visitor.locator(".opgavegrupper-trail-entry").last
    assert last.get_attribute("data-type") == "Outcome"
    assert TITLE in last.inner_text()
    goto(visitor, f"{site}/opgavegrupper")
    card = visitor.locator(".opgavegrupper-card", has_text="Udlejningshjul")
    assert SUMMARY in card.inner_text()
    goto(visitor, f"{site}/@@opgavegrupper-forside")
    assert TITLE in visitor.locator(".opgavegrupper-latest-outcomes").inner_text()
