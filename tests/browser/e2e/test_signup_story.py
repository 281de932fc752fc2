"""The scenario so far: a resident signs up, staff accept, the resident sees it.

Screenshots of each page go to docs/screenshots/ (the README shows them).
"""

from .conftest import axe
from .conftest import describe
from .conftest import goto
from .conftest import screenshot
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from plone import api
from threeb.opgavegrupper.participation.applications import application_id

import contextlib
import pytest
import re
import transaction


pytestmark = pytest.mark.slow

RECRUITING = "opgavegrupper/faellesskab-paa-tvaers"
MOTIVATION = "Jeg bor i Tingbjerg og vil gerne lære naboerne at kende."
# The site may speak English (the test site) or Danish (the association's).
SENT = re.compile("Your application has been sent|Din tilmelding er sendt")
SAVED = re.compile("The decision has been saved|Afgørelsen er gemt")
ACCEPTED = re.compile("^(Accepted|Optaget)$")


@pytest.fixture
def group_without_jens(demo_portal):
    """The recruiting demo group, without the application jens has in the demo."""
    group = demo_portal.unrestrictedTraverse(RECRUITING)
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(group[application_id(group, "jens")])
    transaction.commit()
    return group


def assert_accessible(page):
    violations = axe(page)
    assert not violations, describe(violations)


def test_resident_signs_up_staff_accept_resident_sees_it(
    site, page_as, group_without_jens
):
    group_url = f"{site}/{RECRUITING}"

    jens = page_as("jens")
    goto(jens, group_url)
    screenshot(jens, "group-recruiting")
    jens.click(f'#content a[href="{group_url}/@@apply"]')
    jens.wait_for_url(f"{group_url}/@@apply")
    jens.select_option("#form-widgets-constituency", "resident")
    jens.fill("#form-widgets-motivation", MOTIVATION)
    screenshot(jens, "apply-form")
    assert_accessible(jens)
    jens.click("#form-buttons-apply")
    jens.wait_for_url(group_url)
    assert SENT.search(jens.inner_text(".portalMessage"))
    assert jens.locator(f'#content a[href="{group_url}/@@apply"]').count() == 0

    mette = page_as("mette")
    goto(mette, f"{group_url}/@@manage-applications")
    card = mette.locator("li.card", has_text="Jens Nielsen").filter(
        has=mette.locator('button[value="accept"]')
    )
    card.locator("textarea").fill("Velkommen i gruppen, Jens")
    card.scroll_into_view_if_needed()
    screenshot(mette, "manage-applications")
    card.locator('button[value="accept"]').click()
    mette.wait_for_load_state()
    assert SAVED.search(mette.inner_text(".portalMessage"))
    accepted = mette.locator(
        "#content section", has=mette.get_by_role("heading", name=ACCEPTED)
    )
    assert "Jens Nielsen" in accepted.inner_text()

    goto(jens, f"{site}/@@mine-opgavegrupper")
    row = jens.locator("tr", has_text="Fællesskab på tværs af afdelinger")
    assert row.get_by_role("cell", name=ACCEPTED).count() == 1
    screenshot(jens, "mine-opgavegrupper")
    assert_accessible(jens)


def test_sign_up_with_the_keyboard_only(site, page_as, group_without_jens):
    """Tab reaches every field and the button; Enter sends the application."""
    group_url = f"{site}/{RECRUITING}"
    jens = page_as("jens")
    goto(jens, f"{group_url}/@@apply")

    def tab_to(element_id, limit=80):
        for _ in range(limit):
            jens.keyboard.press("Tab")
            if jens.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"Tab never reached #{element_id}")

    tab_to("form-widgets-constituency")
    # A native select takes the first letters of an option, like a person types.
    jens.keyboard.press("ArrowDown")
    value = jens.evaluate("document.activeElement.value")
    while value != "resident":
        jens.keyboard.press("ArrowDown")
        new_value = jens.evaluate("document.activeElement.value")
        assert new_value != value, "the resident seat is not in the list"
        value = new_value
    tab_to("form-widgets-motivation")
    jens.keyboard.type(MOTIVATION)
    tab_to("form-buttons-apply")
    # WCAG 2.4.7: the focused button shows that it has the focus.
    # Bootstrap fades the focus ring in (0.15 s): wait until the style shows
    # one (or the default timeout), not a fixed time a busy machine outlasts.
    focus_ring = """() => {
        const style = getComputedStyle(document.activeElement);
        const invisible = /^(none|rgba\\(\\d+, \\d+, \\d+, 0\\))/;
        return style.outlineStyle !== "none" || !invisible.test(style.boxShadow);
    }"""
    with contextlib.suppress(PlaywrightTimeoutError):
        jens.wait_for_function(focus_ring)
    outline, shadow = jens.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return [style.outlineStyle, style.boxShadow];
        }"""
    )
    assert outline != "none" or not re.match(
        r"none|rgba\(\d+, \d+, \d+, 0\)", shadow
    ), f"the focused button shows no focus ring: {outline}, {shadow}"
    jens.keyboard.press("Enter")
    jens.wait_for_url(group_url)
    assert SENT.search(jens.inner_text(".portalMessage"))
