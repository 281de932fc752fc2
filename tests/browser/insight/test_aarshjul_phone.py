"""The årshjul's table on a phone (375 px): words whole, the page no wider.

The add-on's phone rule lets text in the content break anywhere, so that
nothing pushes a page sideways; in the årshjul's six columns that broke
"Udlejningshjul" and the header "Status" between two letters. Words now
wrap at their ends (hyphenated where the browser knows the language: the
Chromium of the tests has no hyphenation dictionaries, its component
updates are off, so any word on two lines here is a mid-word break), and a
table still too wide scrolls inside its own box.
"""

from datetime import date
from plone import api

import pytest
import transaction


pytestmark = pytest.mark.slow

PHONE = {"width": 375, "height": 740}
TIMEOUT_MS = 120_000

# Every word of the table's headers and cells whose letters do not all sit
# on one line: a Range over the word has a box on each line it touches.
BROKEN_WORDS = """() => {
    const broken = [];
    const table = document.querySelector('.opgavegrupper-aarshjul table');
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A break after a word's own hyphen ("sign-|up") is a word's end.
        for (const match of node.data.matchAll(/[^\\s-]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set(
                [...range.getClientRects()].filter(r => r.width > 0)
                    .map(r => Math.round(r.top))
            );
            if (lines.size > 1) broken.push(match[0]);
        }
    }
    return broken;
}"""


@pytest.fixture
def long_words(folder, dataset):
    """Groups with long Danish words in their titles, running in 2026."""
    with api.env.adopt_roles(["Manager"]):
        for number, title in enumerate(
            (
                "Udlejningshjul: synlig udlejning",
                "Energibesparelser i opgangene",
                "Fællesskab på tværs af afdelinger",
            )
        ):
            group = api.content.create(
                folder,
                "TaskGroup",
                id=f"lang-{number}",
                title=title,
                summary="Om",
                theme="Udlejning",
                start=date(2026, 5, 1 + number),
                deadline=date(2026, 11, 1 + number),
                signup_deadline=date(2026, 4, 20 + number),
            )
            dataset.set_state(group, "recruiting")
    transaction.commit()
    return folder


@pytest.fixture
def phone_page(chromium):
    context = chromium.new_context(viewport=PHONE)
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def test_the_table_keeps_its_words_whole_on_a_phone(phone_page, long_words):
    url = f"{long_words.absolute_url()}/@@aarshjul?year=2026"
    response = phone_page.goto(url)
    assert response is not None and response.status == 200
    assert phone_page.locator(".opgavegrupper-aarshjul tbody tr").count() == 5
    assert phone_page.evaluate(BROKEN_WORDS) == []
    # Each header on one line.
    heights = phone_page.evaluate(
        """() => [...document.querySelectorAll('.opgavegrupper-aarshjul thead th')]
            .map(th => {
                const range = document.createRange();
                range.selectNodeContents(th);
                return new Set([...range.getClientRects()]
                    .map(r => Math.round(r.top))).size;
            })"""
    )
    assert heights == [1] * 6
    # The page itself does not scroll sideways.
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{width}px wide"
