"""The overview's cards: seats left, the board's outcome, working groups first."""

from .conftest import browser_for
from .conftest import make_group
from .conftest import rich
from datetime import date
from plone import api
from threeb.opgavegrupper.overview import listing

import pytest
import re
import transaction


NO_SEATS = {
    "seats_resident": 0,
    "seats_org_board": 0,
    "seats_department_board": 0,
    "seats_staff": 0,
    "seats_external": 0,
}


def finish(group, transition="conclude"):
    with api.env.adopt_roles(["Manager"]):
        if api.content.get_state(group) == "recruiting":
            api.content.transition(group, transition="start_work")
        api.content.transition(group, transition=transition)


def decide(group, rec_id, decision, day):
    """A recommendation of the group, submitted and decided by the board."""
    with api.env.adopt_roles(["Manager"]):
        if "kommissorium" not in group:
            mandate = api.content.create(
                group, "Mandate", id="kommissorium", title="Kommissorium"
            )
            api.content.transition(mandate, transition="submit_for_approval")
            api.content.transition(mandate, transition="approve")
        rec = api.content.create(
            group,
            "Recommendation",
            id=rec_id,
            title=rec_id,
            summary=rec_id,
            recommendation=rich("<p>Forslag</p>"),
        )
        api.content.transition(rec, transition="submit")
        if decision:
            rec.decision_date = day
            api.content.transition(rec, transition=decision, comment="Besluttet.")
    return rec


def cards(browser):
    """(title, text of the card) in the page's order."""
    found = re.findall(
        r'<article class="card h-100 opgavegrupper-card".*?</article>',
        browser.contents,
        re.S,
    )
    result = []
    for card in found:
        title = re.search(r'<h2 class="card-title h5">\s*<a [^>]*>([^<]*)</a>', card)
        text = " ".join(re.sub(r"<[^>]+>", " ", card).split())
        result.append((title[1], text))
    return result


@pytest.mark.parametrize(
    ("seats", "expected"),
    [
        ({"seats_resident": 2}, "2 seats left"),
        ({"seats_staff": 1}, "1 seat left"),
        ({}, "No seats left"),
    ],
)
def test_an_open_group_shows_its_seats_left(functional_app, folder, seats, expected):
    make_group(folder, "Vaskeriet", **{**NO_SEATS, **seats})
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    ((title, text),) = cards(browser)
    assert expected in text
    assert text.count("left") == 1


def test_seats_left_counts_what_is_free_in_each_constituency():
    seats = {
        "resident": {"filled": 4, "total": 4},
        "staff": {"filled": 0, "total": 1},
        # More members than seats (seats lowered by hand) frees nothing.
        "org_board": {"filled": 2, "total": 1},
    }
    assert listing.seats_left(seats) == 1


def test_seats_left_in_danish_say_plads_and_pladser(functional_app, folder):
    make_group(folder, "Én plads", **{**NO_SEATS, "seats_resident": 1})
    make_group(folder, "To pladser", **{**NO_SEATS, "seats_resident": 2})
    make_group(folder, "Fuld", **NO_SEATS)
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    texts = dict(cards(browser))
    assert "1 ledig plads" in texts["Én plads"]
    assert "2 ledige pladser" in texts["To pladser"]
    assert "Ingen ledige pladser" in texts["Fuld"]


def test_a_working_group_shows_no_seats_left(functional_app, folder):
    make_group(folder, "I arbejde", state="active")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    ((title, text),) = cards(browser)
    assert "left" not in text


def test_concluded_groups_show_the_boards_outcome(functional_app, folder):
    mixed = make_group(folder, "Blandet", state="active")
    decide(mixed, "a", "adopt", date(2026, 5, 1))
    decide(mixed, "b", "adopt", date(2026, 5, 2))
    decide(mixed, "c", "reject", date(2026, 5, 3))
    # Waiting for the board: counts neither way.
    decide(mixed, "d", None, None)
    finish(mixed)
    one = make_group(folder, "Én anbefaling", state="active")
    decide(one, "a", "reject", date(2026, 4, 1))
    finish(one)
    nothing = make_group(folder, "Uden beslutning", state="active")
    finish(nothing)
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    texts = dict(cards(browser))
    assert "The board adopted 2 of 3 recommendations." in texts["Blandet"]
    assert "The board rejected the group's recommendation." in texts["Én anbefaling"]
    assert (
        "The board has not decided on recommendations from this group."
        in texts["Uden beslutning"]
    )


def test_the_outcome_in_danish(functional_app, folder):
    group = make_group(folder, "Blandet", state="active")
    decide(group, "a", "adopt", date(2026, 5, 1))
    decide(group, "b", "reject", date(2026, 5, 2))
    finish(group)
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    assert "Bestyrelsen vedtog 1 af 2 anbefalinger." in dict(cards(browser))["Blandet"]


def test_the_outcome_follows_a_decision_taken_after_the_group_ended(
    functional_app, folder
):
    group = make_group(folder, "Sent", state="active")
    rec = decide(group, "a", None, None)
    finish(group)
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    assert "has not decided" in dict(cards(browser))["Sent"]
    with api.env.adopt_roles(["Manager"]):
        api.content.transition(rec, transition="adopt", comment="Vedtaget.")
    transaction.commit()
    browser.open(folder.absolute_url())
    assert (
        "The board adopted the group's recommendation." in dict(cards(browser))["Sent"]
    )
    # Deleted, it no longer counts.
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(group["a"])
    transaction.commit()
    browser.open(folder.absolute_url())
    assert "has not decided" in dict(cards(browser))["Sent"]


def test_rest_items_carry_seats_left_and_outcome(functional_app, folder):
    make_group(folder, "Åben", **{**NO_SEATS, "seats_resident": 3})
    group = make_group(folder, "Færdig", state="active")
    decide(group, "a", "adopt", date(2026, 5, 1))
    decide(group, "b", "reject", date(2026, 6, 2))
    finish(group)
    transaction.commit()
    browser = browser_for(functional_app)
    browser.addHeader("Accept", "application/json")
    browser.open(folder.absolute_url() + "/++api++/@taskgroups")
    import json

    items = {item["title"]: item for item in json.loads(browser.contents)["items"]}
    assert items["Åben"]["seats_left"] == 3
    assert items["Åben"]["outcome"] is None
    assert items["Færdig"]["outcome"] == {
        "adopted": 1,
        "rejected": 1,
        "decided": 2,
        "decision_date": "2026-06-02",
        "verdict": "partly",
    }


def test_working_groups_come_first_across_pages(functional_app, folder):
    # Finished groups with the earliest deadlines, and more than a page of
    # them: the working groups still open the first page.
    for number in range(22):
        group = make_group(
            folder, f"Færdig {number:02d}", deadline=date(2026, 2, 1 + number)
        )
        finish(group, "conclude" if number % 2 else "cancel")
    make_group(folder, "Arbejder", state="active", deadline=date(2026, 12, 1))
    make_group(folder, "Åben", deadline=date(2026, 11, 1))
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    first = [title for title, _text in cards(browser)]
    assert first[:2] == ["Åben", "Arbejder"]
    # Concluded before cancelled, each by deadline.
    concluded = [f"Færdig {n:02d}" for n in range(1, 22, 2)]
    cancelled = [f"Færdig {n:02d}" for n in range(0, 22, 2)]
    browser.getLink("Next").click()
    second = [title for title, _text in cards(browser)]
    assert first[2:] + second == concluded + cancelled


def test_a_group_changes_place_with_its_state(functional_app, folder):
    late = make_group(folder, "Sen", state="active", deadline=date(2026, 12, 1))
    make_group(folder, "Tidlig", state="active", deadline=date(2026, 3, 1))
    transaction.commit()
    browser = browser_for(functional_app)
    browser.open(folder.absolute_url())
    assert [title for title, _text in cards(browser)] == ["Tidlig", "Sen"]
    finish(folder["tidlig"])
    transaction.commit()
    browser.open(folder.absolute_url())
    assert [title for title, _text in cards(browser)] == ["Sen", "Tidlig"]
    assert (
        late.portal_catalog.unrestrictedSearchResults(
            portal_type="TaskGroup", sort_on="taskgroup_phase_order"
        )[0].getId
        == "sen"
    )
