"""The pages read on a phone, and the board desk works from the keyboard."""

from .conftest import goto

import pytest


pytestmark = pytest.mark.slow

ACTIVE = "opgavegrupper/groenne-gaarde"
PHONE = {"width": 375, "height": 740}

PAGES = [
    "opgavegrupper",
    ACTIVE,
    f"{ACTIVE}/kommissorium",
    f"{ACTIVE}/moede-1",
    f"{ACTIVE}/vild-natur-i-en-tredjedel-af-gardene",
]


@pytest.mark.parametrize("path", PAGES)
def test_reads_on_a_phone_without_sideways_scrolling(site, page_as, path):
    page = page_as(None)
    page.set_viewport_size(PHONE)
    goto(page, f"{site}/{path}")
    overflow = page.evaluate(
        """() => {
            const page = document.documentElement;
            const wide = [...document.querySelectorAll('#content *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.tagName + '.' + e.className).slice(0, 5);
            return [page.scrollWidth - window.innerWidth, wide];
        }"""
    )
    assert overflow[0] <= 1, (
        f"the page is {overflow[0]}px wider than a phone: {overflow[1]}"
    )


def test_board_desk_from_the_keyboard(site, page_as, demo_portal):
    """Tab reaches a decision text and its button; Enter on it sends."""
    ole = page_as("ole")
    goto(ole, f"{site}/@@board-desk")

    def tab_until(check, limit=150):
        for _ in range(limit):
            ole.keyboard.press("Tab")
            if ole.evaluate(check):
                return
        raise AssertionError(f"Tab never reached: {check}")

    tab_until("document.activeElement.name === 'comment'")
    ole.keyboard.type("Vedtaget uden ændringer.")
    tab_until("document.activeElement.value === 'adopt'")
    with ole.expect_navigation():
        ole.keyboard.press("Enter")
    ole.wait_for_load_state()
    assert ole.locator(".portalMessage").count() >= 1
