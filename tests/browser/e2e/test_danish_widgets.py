"""What only JavaScript draws on the add-on's forms is Danish on a Danish
site: TinyMCE's menus and buttons (the server-side Danish test cannot see
them). The date and time fields are the browser's own (datetime-local),
which it draws in the person's own language."""

from .conftest import goto
from plone import api

import pytest
import transaction


pytestmark = pytest.mark.slow

ACTIVE = "opgavegrupper/groenne-gaarde"
# A ceiling for the first page of a run on a loaded machine, not a wait.
NAVIGATION_TIMEOUT_MS = 120_000


@pytest.fixture
def danish(demo_portal):
    transaction.begin()
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()


def test_the_text_editor_speaks_danish(site, page_as, danish):
    page = page_as("ole")
    page.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    goto(page, f"{site}/{ACTIVE}/++add++Meeting")
    page.wait_for_selector(".tox-tinymce", timeout=NAVIGATION_TIMEOUT_MS)
    menus = set(
        page.evaluate(
            "() => [...document.querySelectorAll('.tox-mbtn')]"
            ".map(e => e.textContent.trim())"
        )
    )
    assert {"Rediger", "Indsæt", "Tabel"} <= menus, menus
    assert not menus & {"Edit", "Insert", "Table", "View", "Format"}, menus
    labels = set(
        page.evaluate(
            "() => [...document.querySelectorAll('.tox-tbtn')]"
            ".map(e => e.getAttribute('aria-label'))"
        )
    )
    assert {"Fed", "Kursiv", "Fortryd"} <= labels, labels
    assert not labels & {"Bold", "Italic", "Undo"}, labels
    kinds = page.evaluate(
        "() => [...document.querySelectorAll('input[name*=\"IEventBasic\"]')]"
        ".map(e => e.type)"
    )
    assert "datetime-local" in kinds
