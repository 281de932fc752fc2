"""The overview of task groups: who sees which cards, filters, facets, batching."""

from .conftest import browser_for
from .conftest import make_group
from datetime import date
from plone import api

import pytest
import re
import transaction


@pytest.fixture
def groups(folder):
    make_group(folder, "Kladdegruppe", state="draft")
    make_group(
        folder,
        "Grønne tage",
        state="active",
        theme="Grøn omstilling",
        departments=["Bellahøj"],
        deadline=date(2026, 3, 1),
    )
    make_group(
        folder,
        "Vaskeriet",
        state="recruiting",
        departments=["Tingbjerg"],
        signup_deadline=date(2026, 2, 15),
        deadline=date(2026, 9, 1),
    )
    transaction.commit()
    return folder


def card_titles(browser):
    return re.findall(
        r'<h2 class="card-title h5">\s*<a href="[^"]*">([^<]*)</a>', browser.contents
    )


def test_anonymous_sees_public_groups_open_first(functional_app, groups):
    browser = browser_for(functional_app)
    browser.open(groups.absolute_url())
    # Open for sign-up first, although its deadline is the later one.
    assert card_titles(browser) == ["Vaskeriet", "Grønne tage"]
    assert "2 task groups found" in browser.contents


def test_resident_does_not_see_draft(functional_app, groups):
    browser = browser_for(functional_app, "resident1")
    browser.open(groups.absolute_url())
    assert "Kladdegruppe" not in card_titles(browser)
    # Nor is a draft offered as a state to filter by.
    assert "Draft (" not in browser.contents


def test_staff_see_draft(functional_app, groups):
    browser = browser_for(functional_app, "staff1")
    browser.open(groups.absolute_url())
    assert sorted(card_titles(browser)) == ["Grønne tage", "Kladdegruppe", "Vaskeriet"]
    assert "Draft (1)" in browser.contents


def test_card_shows_badge_seats_and_signup_deadline(functional_app, groups):
    browser = browser_for(functional_app)
    browser.open(groups.absolute_url())
    page = " ".join(browser.contents.split())
    assert '<span class="visually-hidden">State:</span> Open for sign-up' in page
    assert '<th scope="row">Resident</th> <td>0 / 4</td>' in page
    assert "Sign-up deadline" in page
    # Only the open group shows a sign-up deadline.
    assert page.count("<dt>Sign-up deadline</dt>") == 1


def test_facet_counts_beside_options(functional_app, groups):
    browser = browser_for(functional_app)
    browser.open(groups.absolute_url())
    theme = browser.getControl(name="theme")
    assert "Udlejning (1)" in theme.displayOptions
    assert "Grøn omstilling (1)" in theme.displayOptions
    assert "Økonomi (0)" in theme.displayOptions
    department = browser.getControl(name="departments")
    assert "Tingbjerg (1)" in department.displayOptions


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("theme", "Grøn omstilling", ["Grønne tage"]),
        ("departments", "Tingbjerg", ["Vaskeriet"]),
        ("review_state", "active", ["Grønne tage"]),
    ],
)
def test_filter_by_select(functional_app, groups, field, value, expected):
    browser = browser_for(functional_app)
    browser.open(groups.absolute_url())
    browser.getControl(name=field).value = [value]
    browser.getControl("Show groups").click()
    assert card_titles(browser) == expected
    assert f"{len(expected)} task group found" in browser.contents  # one each


def test_filter_open_for_signup_and_text(functional_app, groups):
    browser = browser_for(functional_app)
    browser.open(groups.absolute_url())
    browser.getControl("Only open for sign-up").selected = True
    browser.getControl("Show groups").click()
    assert card_titles(browser) == ["Vaskeriet"]
    browser.open(groups.absolute_url())
    browser.getControl(name="text").value = "grøn"
    browser.getControl("Show groups").click()
    assert card_titles(browser) == ["Grønne tage"]


def test_batching_twenty_a_page(functional_app, folder):
    for number in range(25):
        make_group(folder, f"Gruppe {number:02d}")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    assert "25 task groups found" in browser.contents
    first = card_titles(browser)
    assert len(first) == 20
    browser.getLink("Next").click()
    second = card_titles(browser)
    assert len(second) == 5
    assert sorted(first + second) == [f"Gruppe {n:02d}" for n in range(25)]


def test_batching_keeps_the_filter(functional_app, folder):
    for number in range(22):
        make_group(folder, f"Åben {number:02d}")
    for number in range(3):
        make_group(folder, f"Arbejder {number}", state="active")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url() + "?open=1")
    assert "22 task groups found" in browser.contents
    browser.getLink("Next").click()
    assert len(card_titles(browser)) == 2
    assert all(title.startswith("Åben") for title in card_titles(browser))


def test_bad_filter_value_shows_all_with_a_message(functional_app, groups):
    browser = browser_for(functional_app)
    browser.open(groups.absolute_url() + "?open=maybe")
    assert "The filter could not be used" in browser.contents
    assert len(card_titles(browser)) == 2


def test_state_badges_and_options_in_danish(functional_app, groups):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(groups.absolute_url())
    assert (
        "Åben for tilmelding (1)"
        in browser.getControl(name="review_state").displayOptions
    )
    assert "I arbejde" in browser.contents
