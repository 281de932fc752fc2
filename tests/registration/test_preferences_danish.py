"""Plone's personal preferences in Danish: the editor choice says "Ingen".

plone.app.vocabularies gives each editor's name as a msgid of Plone's
domain; Plone's Danish catalogue leaves "None" untranslated, the add-on's
``plone.po`` gives it. Over the real server.
"""

from .conftest import PASSWORD
from plone import api

import html
import pytest
import re
import transaction


@pytest.fixture
def danish(functional_portal):
    # As the demo site is made (scripts/create_site.py): Danish only.
    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.available_languages", ["da"])
    api.user.create(email="anna@example.org", username="anna", password=PASSWORD)
    transaction.commit()


def editor_options(page):
    """The visible texts of the editor choice's options, by value."""
    select = re.search(
        r'<select[^>]+name="form\.widgets\.wysiwyg_editor:list"[^>]*>(.*?)</select>',
        page,
        re.S,
    )
    assert select, page[:2000]
    return {
        value: html.unescape(text).strip()
        for value, text in re.findall(
            r'<option[^>]*value="([^"]*)"[^>]*>(.*?)</option>', select.group(1), re.S
        )
    }


def test_the_editor_choice_none_is_danish(request_factory, danish):
    browser = request_factory(basic_auth=("anna", PASSWORD), api=False)
    browser.headers["Accept-Language"] = "da"
    page = browser.get("/@@personal-preferences")

    assert page.status_code == 200
    options = editor_options(page.text)
    # The value stays the editor's id; only what the person reads changes.
    assert options["None"] == "Ingen"
    assert "None" not in options.values()
    # Plone's own Danish for the prompt: the page really is in Danish.
    assert options["--NOVALUE--"] == "Brug sitets standard-indstillinger"
