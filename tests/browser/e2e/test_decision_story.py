"""Issue 5's scenario in a real browser, from the overview to the decision.

A resident finds an open group on the overview and signs up; staff accept;
the chair publishes minutes and submits a recommendation; a board member
adopts it on the board desk; the resident reads the decision on the group's
page. The steps that are nobody's work in this story (approving the
mandate, adding the chair's drafts) are arranged through the API.
"""

from .conftest import axe
from .conftest import describe
from .conftest import goto
from .conftest import screenshot
from datetime import datetime
from datetime import timedelta
from plone import api
from plone.app.textfield.value import RichTextValue

import pytest
import pytz
import re
import transaction


pytestmark = pytest.mark.slow

GROUP = "opgavegrupper/energi-i-opgangene"
DECISION = "Vedtaget: lys med bevægelsessensor i alle opgange."
SAVED = re.compile("decision has been saved|Afgørelsen er gemt|saved|gemt", re.I)


def accessible(page):
    violations = axe(page)
    assert not violations, describe(violations)


def follow_transition(page, transition):
    """Take a transition from the state menu, as its link does."""
    href = page.get_attribute(f"#workflow-transition-{transition}", "href")
    assert href, f"no {transition} in the state menu"
    goto(page, href)


@pytest.fixture
def group(demo_portal):
    return demo_portal.unrestrictedTraverse(GROUP)


def arrange_the_work(group):
    """Staff approve the mandate and start the work; the chair has drafts."""
    transaction.begin()  # see what the browser's requests committed
    tz = pytz.timezone("Europe/Copenhagen")
    start = tz.localize(datetime.now().replace(microsecond=0)) - timedelta(days=3)
    with api.env.adopt_roles(["Manager"]):
        mandate = group["kommissorium"]
        for transition in ("submit_for_approval", "approve"):
            api.content.transition(mandate, transition=transition)
        api.content.transition(group, transition="start_work")
        api.user.grant_roles(username="fatima", obj=group, roles=["TaskGroupChair"])
        api.content.create(
            group,
            "Meeting",
            id="opstart",
            title="Opstart",
            start=start,
            end=start + timedelta(hours=2),
            minutes=RichTextValue(
                "<p>Vi gik opgangene igennem.</p>", "text/html", "text/x-html-safe"
            ),
        )
        api.content.create(
            group,
            "Recommendation",
            id="lys",
            title="Lys med bevægelsessensor",
            summary="Lyset tænder, når nogen kommer.",
            recommendation=RichTextValue(
                "<p>Sensorer i alle opgange.</p>", "text/html", "text/x-html-safe"
            ),
        )
    transaction.commit()


def test_from_the_overview_to_the_decision(site, page_as, group):
    group_url = f"{site}/{GROUP}"

    # A resident finds the open group on the overview and signs up.
    jens = page_as("jens")
    goto(jens, f"{site}/opgavegrupper")
    jens.check("#opgavegrupper-open")
    jens.click("#content form button[type=submit]")
    jens.wait_for_load_state()
    screenshot(jens, "overview-open-for-sign-up")
    accessible(jens)
    jens.click(f'#content a[href="{group_url}"]')
    jens.wait_for_url(group_url)
    jens.click(f'#content a[href="{group_url}/@@apply"]')
    jens.select_option("#form-widgets-constituency", "resident")
    jens.click("#form-buttons-apply")
    jens.wait_for_url(group_url)

    # Staff accept.
    mette = page_as("mette")
    goto(mette, f"{group_url}/@@manage-applications")
    card = mette.locator("li.card", has_text="Jens Nielsen")
    card.locator('button[value="accept"]').click()
    mette.wait_for_load_state()

    arrange_the_work(group)

    # The chair publishes the minutes and submits the recommendation.
    fatima = page_as("fatima")
    goto(fatima, f"{group_url}/opstart")
    follow_transition(fatima, "publish")
    goto(fatima, f"{group_url}/lys")
    follow_transition(fatima, "submit")
    screenshot(fatima, "recommendation-submitted")

    # A board member adopts it on the board desk, with the decision text.
    ole = page_as("ole")
    goto(ole, f"{site}/@@board-desk")
    screenshot(ole, "board-desk")
    accessible(ole)
    item = ole.locator("article.card", has_text="Lys med bevægelsessensor")
    item.locator("textarea[name=comment]").fill(DECISION)
    item.locator('button[value="adopt"]').click()
    ole.wait_for_load_state()
    transaction.begin()
    assert api.content.get_state(group["lys"]) == "adopted"

    # The resident reads the decision on the group's page.
    goto(jens, group_url)
    content = jens.inner_text("#content")
    assert DECISION in content
    assert "Vi gik opgangene igennem." in content or "Opstart" in content
    screenshot(jens, "group-decision")
    accessible(jens)
