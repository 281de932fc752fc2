"""Plone's own pages the add-on's people meet, mended by the accessibility bundle.

The sharing page, the publishing page behind the state menu's "Avanceret"
and Plone's search page name some fields only by a tooltip (``title``), and
the publishing page's date labels name no field. The bundle's script gives
the first a real, visually hidden ``<label>`` with the tooltip's words and
ties the second to the one field beside it; the bundle's stylesheet lets the
search page's result bar wrap on a phone. axe on these whole pages is in
test_whole_pages_axe.py.
"""

from .conftest import goto

import pytest


pytestmark = pytest.mark.slow

# The first page of a run also builds the resource bundles; on a loaded
# machine that can take longer than a minute. A ceiling, not a wait.
NAVIGATION_TIMEOUT_MS = 120_000

ACTIVE = "opgavegrupper/groenne-gaarde"
PHONE = {"width": 375, "height": 740}
SEARCH = "@@search?SearchableText=udlejning"

READY = "document.documentElement.dataset.opgavegrupperA11y === 'ready'"

LABELS_OF = """selector => {
    const control = document.querySelector(selector);
    return [...control.labels].map(label => ({
        tag: label.tagName,
        text: label.textContent.trim(),
        hidden: label.classList.contains('visually-hidden'),
    }));
}"""


def open_page(page_as, site, user_id, path, viewport=None):
    page = page_as(user_id)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    if viewport:
        page.set_viewport_size(viewport)
    goto(page, f"{site}/{path}")
    page.wait_for_function(READY)
    return page


@pytest.mark.parametrize(
    "user_id,path,selector",
    [
        ("mette", f"{ACTIVE}/@@sharing", "#sharing-user-group-search"),
        ("ole", f"{ACTIVE}/@@sharing", "#sharing-user-group-search"),
        (None, "@@search", "input.searchPage[name='SearchableText']"),
        ("jens", SEARCH, "input.searchPage[name='SearchableText']"),
        ("mette", f"{ACTIVE}/content_status_history", "input.toggle-all"),
    ],
)
def test_a_field_named_by_its_tooltip_gets_a_real_label(
    site, page_as, user_id, path, selector
):
    page = open_page(page_as, site, user_id, path)
    tooltip = page.get_attribute(selector, "title")
    assert tooltip
    # One label (the script runs again as the page changes, never twice for
    # a field), a real <label> with the tooltip's words, shown to screen
    # readers only: the field looks as before.
    assert page.evaluate(LABELS_OF, selector) == [
        {"tag": "LABEL", "text": tooltip, "hidden": True}
    ]


@pytest.mark.parametrize("field", ["effective_date", "expiration_date"])
def test_the_publishing_dates_have_their_visible_labels(site, page_as, field):
    page = open_page(page_as, site, "mette", f"{ACTIVE}/content_status_history")
    selector = f"#form-widgets-{field}"
    labels = page.evaluate(LABELS_OF, selector)
    assert len(labels) == 1
    assert labels[0]["tag"] == "LABEL"
    assert labels[0]["text"]
    assert not labels[0]["hidden"]
    # The field's own label, the one above it: a click on it reaches the field.
    page.click(f"label[for='form-widgets-{field}']")
    assert page.evaluate("document.activeElement.id") == f"form-widgets-{field}"


def test_the_result_list_heading_keeps_its_label_apart(site, page_as):
    """The publishing page's "affected content" label names no single field:
    it is left as it is rather than tied to the "select all" checkbox."""
    page = open_page(page_as, site, "mette", f"{ACTIVE}/content_status_history")
    tied = page.evaluate(
        "document.querySelector('#edit_form .field label.form-label').htmlFor"
    )
    assert tied == ""


@pytest.mark.parametrize("user_id", [None, "jens"])
def test_plone_search_page_fits_a_phone(site, page_as, user_id):
    page = open_page(page_as, site, user_id, SEARCH, viewport=PHONE)
    assert page.locator("#search-results .result-title").count() >= 1
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{width}px wide"
    # The sort menu (it pushed the page to 384 px) is on the screen, whole.
    box = page.locator("#search-filter + .dropdown > .dropdown-toggle").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
