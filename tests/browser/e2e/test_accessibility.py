"""axe-core on the content area of each of our pages: no serious or critical violation.

The theme's own failures (Barceloneta's contrast, the toolbar) are outside
``#content``; see docs/design.md, "Accessibility".
Adding a page is one line in ``PAGES``: (demo user or None for anonymous, path
from the site root).
"""

from .conftest import axe
from .conftest import describe
from .conftest import goto

import pytest


pytestmark = pytest.mark.slow

RECRUITING = "opgavegrupper/faellesskab-paa-tvaers"
ACTIVE = "opgavegrupper/groenne-gaarde"

PAGES = [
    (None, RECRUITING),
    ("jens", RECRUITING),
    ("mette", RECRUITING),
    (None, ACTIVE),
    ("jens", ACTIVE),
    ("mette", ACTIVE),
    ("ole", ACTIVE),
    (None, f"{ACTIVE}/@@roster"),
    ("jens", f"{ACTIVE}/@@roster"),
    ("jens", f"{RECRUITING}/@@apply"),
    ("mette", f"{RECRUITING}/@@manage-applications"),
    ("ole", f"{ACTIVE}/@@manage-applications"),
    ("mette", f"{RECRUITING}/@@add-member"),
    ("jens", "@@mine-opgavegrupper"),
    ("mette", "@@mine-opgavegrupper"),
    (None, "opgavegrupper"),
    ("jens", "opgavegrupper?theme=Gr%C3%B8n+omstilling"),
    ("mette", "opgavegrupper"),
    (None, f"{ACTIVE}/kommissorium"),
    (None, f"{ACTIVE}/moede-1"),
    (None, f"{ACTIVE}/vild-natur-i-en-tredjedel-af-gardene"),
    ("ole", f"{ACTIVE}/vild-natur-i-en-tredjedel-af-gardene/@@decision-memo"),
    (None, "opgavegrupper/@@aarshjul"),
    ("mette", "opgavegrupper/@@aarshjul"),
    ("ole", "@@board-desk"),
    ("mette", "@@board-desk"),
    ("ole", "@@participation-dashboard"),
]


@pytest.mark.parametrize(
    "user_id,path", PAGES, ids=[f"{user or 'anonymous'}:{path}" for user, path in PAGES]
)
def test_no_serious_violation_in_content(site, page_as, user_id, path):
    page = page_as(user_id)
    goto(page, f"{site}/{path}")
    violations = axe(page)
    assert not violations, describe(violations)


def test_apply_form_with_errors(site, page_as):
    """The sign-up form sent empty shows its errors accessibly too."""
    page = page_as("jens")
    goto(page, f"{site}/{RECRUITING}/@@apply")
    page.click("#form-buttons-apply")
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback, .alert-danger, .error").count()
    violations = axe(page)
    assert not violations, describe(violations)
