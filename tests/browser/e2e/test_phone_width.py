"""No sideways scrolling at 375 px on any of the add-on's pages.

The whole page counts (header, toolbar and footer included), for the
people each page is for; the årshjul's labels stay readable.
"""

from .conftest import goto

import pytest


pytestmark = pytest.mark.slow

# The first page of a run also builds the resource bundles; on a loaded
# machine that can take longer than a minute. A ceiling, not a wait.
NAVIGATION_TIMEOUT_MS = 120_000

PHONE = {"width": 375, "height": 740}
ACTIVE = "opgavegrupper/groenne-gaarde"
RECRUITING = "opgavegrupper/faellesskab-paa-tvaers"

PAGES = [
    (None, "opgavegrupper"),
    (None, ACTIVE),
    (None, RECRUITING),
    (None, f"{ACTIVE}/kommissorium"),
    (None, f"{ACTIVE}/moede-1"),
    (None, f"{ACTIVE}/vild-natur-i-en-tredjedel-af-gardene"),
    (None, f"{ACTIVE}/@@roster"),
    (None, "opgavegrupper/@@aarshjul"),
    ("mette", "opgavegrupper/@@aarshjul"),
    ("jens", "@@mine-opgavegrupper"),
    ("mette", "@@mine-opgavegrupper"),
    ("jens", f"{RECRUITING}/@@apply"),
    ("mette", f"{RECRUITING}/@@manage-applications"),
    ("ole", "@@board-desk"),
    ("ole", "@@participation-dashboard"),
    ("ole", f"{ACTIVE}/++add++Meeting"),
    ("ole", f"{ACTIVE}/++add++Recommendation"),
]


@pytest.mark.parametrize(
    "user_id,path", PAGES, ids=[f"{user or 'anonymous'}:{path}" for user, path in PAGES]
)
def test_no_sideways_scrolling_on_a_phone(site, page_as, user_id, path):
    page = page_as(user_id)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page.set_viewport_size(PHONE)
    goto(page, f"{site}/{path}")
    overflow = page.evaluate(
        """() => {
            const wide = [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                        && e.getClientRects().length
                        && getComputedStyle(e).visibility !== 'hidden')
                .map(e => e.tagName + '.' + e.className).slice(0, 5);
            return [document.documentElement.scrollWidth - window.innerWidth, wide];
        }"""
    )
    assert overflow[0] <= 1, f"{overflow[0]}px wider than the phone: {overflow[1]}"


def test_aarshjul_labels_stay_readable_on_a_phone(site, page_as):
    page = page_as(None)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page.set_viewport_size(PHONE)
    goto(page, f"{site}/opgavegrupper/@@aarshjul")
    sizes = page.evaluate(
        """() => [...document.querySelectorAll('#content svg text')]
            .filter(t => t.getClientRects().length && t.textContent.trim())
            .map(t => t.getBoundingClientRect().height)"""
    )
    assert sizes, "the wheel shows no labels"
    # A rendered label's box about 1.2 times its font size: 12 px text at least.
    assert min(sizes) >= 14, sorted(sizes)[:5]
