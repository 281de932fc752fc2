"""axe-core on whole pages, header, navigation, portlets and footer included.

At a desk (1280 px) and on a phone (375 px): no serious or critical WCAG 2.1
A/AA violation, for anonymous visitors and for the people who use the
add-on's pages and forms (the Meeting and Recommendation forms with their
rich text editors, the sharing page, the publishing page behind the state
menu's "Avanceret", Plone's search page). Besides WCAG's own rules, axe's
best practices count where they are serious (a field named only by its
tooltip: ``label-title-only``). The add-on's accessibility bundle
(browser/static/accessibility.css and .js) mends what Barceloneta and
Plone's widgets leave; what it cannot mend is in the README.
"""

from .conftest import AXE_IMPACTS
from .conftest import AXE_JS
from .conftest import AXE_TAGS
from .conftest import describe
from .conftest import goto

import pytest


pytestmark = pytest.mark.slow

# The first page of a run also builds the resource bundles; on a loaded
# machine that can take longer than a minute. A ceiling, not a wait.
NAVIGATION_TIMEOUT_MS = 120_000

ACTIVE = "opgavegrupper/groenne-gaarde"
RECRUITING = "opgavegrupper/faellesskab-paa-tvaers"
DECIDED = f"{ACTIVE}/vild-natur-i-en-tredjedel-af-gardene"
# WCAG 2.1 A/AA and the best practices: a reviewer runs them all.
WHOLE_PAGE_TAGS = [*AXE_TAGS, "best-practice"]
WIDTHS = {
    "desk": {"width": 1280, "height": 900},
    "phone": {"width": 375, "height": 740},
}

PAGES = [
    (None, "opgavegrupper"),
    (None, ACTIVE),
    (None, RECRUITING),
    (None, f"{ACTIVE}/kommissorium"),
    (None, f"{ACTIVE}/moede-1"),
    (None, DECIDED),
    (None, f"{ACTIVE}/@@roster"),
    (None, "opgavegrupper/@@aarshjul"),
    ("jens", ACTIVE),
    ("jens", f"{RECRUITING}/@@apply"),
    ("jens", "@@mine-opgavegrupper"),
    ("mette", f"{RECRUITING}/@@manage-applications"),
    ("mette", f"{RECRUITING}/@@add-member"),
    ("mette", f"{ACTIVE}/@@sharing"),
    # The chair shares the group from the same page.
    ("ole", f"{ACTIVE}/@@sharing"),
    # The state menu's "Avanceret": publishing and expiry dates, "Vælg alle".
    ("mette", f"{ACTIVE}/content_status_history"),
    ("ole", f"{ACTIVE}/moede-1/content_status_history"),
    ("ole", f"{ACTIVE}/++add++Meeting"),
    ("ole", f"{ACTIVE}/moede-1/edit"),
    ("ole", f"{ACTIVE}/++add++Recommendation"),
    ("fatima", "opgavegrupper/klar-tale/sms-for-varsling/edit"),
    ("ole", "@@board-desk"),
    ("ole", "@@participation-dashboard"),
    # Plone's own pages a resident meets once they have an account.
    ("jens", "@@personal-information"),
    ("jens", "dashboard"),
    (None, "@@login-help"),
    # Plone's search, from the header's search field.
    (None, "@@search"),
    (None, "@@search?SearchableText=udlejning"),
    ("jens", "@@search?SearchableText=udlejning"),
]


def whole_page_violations(page):
    """axe on the whole document, once the page's scripts have run.

    The add-on's script names Plone's widgets when they appear; TinyMCE
    builds its editors after the page has loaded, so the editors are
    waited for before axe looks.
    """
    page.wait_for_function(
        "document.documentElement.dataset.opgavegrupperA11y === 'ready'"
    )
    editors = page.locator("textarea.pat-tinymce").count()
    if editors:
        page.wait_for_function(
            "n => document.querySelectorAll('iframe.tox-edit-area__iframe[title]')"
            ".length >= n",
            arg=editors,
        )
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: "tag", values: tags},
            resultTypes: ["violations"],
        })""",
        WHOLE_PAGE_TAGS,
    )
    return [v for v in result["violations"] if v["impact"] in AXE_IMPACTS]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "user_id,path", PAGES, ids=[f"{user or 'anonymous'}:{path}" for user, path in PAGES]
)
def test_whole_page_has_no_serious_violation(site, page_as, user_id, path, width):
    page = page_as(user_id)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page.set_viewport_size(WIDTHS[width])
    goto(page, f"{site}/{path}")
    violations = whole_page_violations(page)
    assert not violations, describe(violations)


def test_the_skip_link_is_first_and_leads_to_the_content(site, page_as):
    page = page_as(None)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    goto(page, f"{site}/{ACTIVE}")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.getAttribute('href'), "
        "document.activeElement.textContent.trim()]"
    )
    assert focused[0] == "#content"
    assert focused[1]
    # Shown while it has the focus: a person sees where Tab went.
    box = page.locator(".opgavegrupper-skip-link").bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10


def _contrast(page, selector):
    """Contrast of the focus outline against the page's background, as WCAG
    2.2's focus appearance measures it (the outline's colour against the
    unfocused pixels around it)."""
    return page.evaluate(
        """selector => {
            const luminance = rgb => {
                const [r, g, b] = rgb.match(/\\d+/g).slice(0, 3).map(Number)
                    .map(v => v / 255)
                    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const element = document.querySelector(selector);
            element.focus();
            const style = getComputedStyle(element);
            let ground = element.parentElement, colour = 'rgba(0, 0, 0, 0)';
            while (ground && (colour = getComputedStyle(ground).backgroundColor)
                   .endsWith(', 0)')) { ground = ground.parentElement; }
            if (!ground) colour = 'rgb(255, 255, 255)';
            const [a, b] = [luminance(style.outlineColor), luminance(colour)];
            return [parseFloat(style.outlineWidth),
                    (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];
        }""",
        selector,
    )


def test_focus_indicator_is_thick_and_contrasting(site, page_as):
    page = page_as(None)
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    goto(page, f"{site}/{ACTIVE}")
    # Focus from the keyboard, so that :focus-visible applies.
    page.keyboard.press("Tab")
    for selector in ("#content a", "#portal-footer-wrapper a"):
        page.keyboard.press("Tab")
        width, contrast = _contrast(page, selector)
        assert width >= 2, selector
        assert contrast >= 3, (selector, contrast)
