"""aarshjul: a group is on the wheel of every year it has a dated event in.

Its run (start to deadline), its sign-up deadline and its published
meetings: a group starting in January 2027 that signs people up in December
2026 is on the 2026 wheel too, with its deadline and no arc.
"""

from datetime import date
from datetime import datetime
from plone import api

import pytest
import re
import transaction


WHEEL = "/grupper/@@aarshjul"


def arcs(html):
    return sorted(re.findall(r'class="aarshjul-arc"[^>]*data-group="([^"]+)"', html))


def groups(html):
    return sorted(re.findall(r'<g class="aarshjul-group" data-group="([^"]+)"', html))


def drawn(html, group_id):
    """The SVG of one group: its arc, number and markers."""
    part = html[html.index(f'<g class="aarshjul-group" data-group="{group_id}"') :]
    return part[: part.index("</g>")]


def row(html, title):
    table = html[html.index("<table") : html.index("</table>")]
    for found in re.findall(r"<tr>.*?</tr>", table, re.S):
        words = " ".join(re.sub(r"<[^>]+>", " ", found).split())
        if f" {title} " in f" {words} ":
            return words
    return None


@pytest.fixture
def across_years(folder, dataset):
    def add(group_id, start, deadline, signup, state):
        group = api.content.create(
            folder,
            "TaskGroup",
            id=group_id,
            title=group_id.capitalize(),
            summary="Om",
            theme="Udlejning",
            start=start,
            deadline=deadline,
            signup_deadline=signup,
        )
        if state != "draft":
            dataset.set_state(group, state)
        return group

    with api.env.adopt_roles(["Manager"]):
        add(
            "januar",
            date(2027, 1, 15),
            date(2027, 6, 1),
            date(2026, 12, 1),
            "recruiting",
        )
        add(
            "senere",
            date(2028, 2, 1),
            date(2028, 6, 1),
            date(2028, 1, 10),
            "recruiting",
        )
        add("kladde", date(2027, 2, 1), date(2027, 6, 1), date(2026, 11, 1), "draft")
        old = add("efterslaeb", date(2025, 1, 1), date(2025, 12, 1), None, "concluded")
        dataset.add_meeting(old, "sidste", True, datetime(2026, 1, 20, 17, 0))
        dataset.add_meeting(old, "intern", False, datetime(2027, 1, 20, 17, 0))
    transaction.commit()
    return folder


def test_a_sign_up_deadline_brings_next_years_group_onto_the_wheel(
    browser_as, across_years
):
    html = browser_as().get(WHEEL, params={"year": "2026"}).text
    assert "januar" in groups(html)
    # It does not run in 2026: no arc, only the sign-up deadline's triangle.
    assert "januar" not in arcs(html)
    assert 'fill="#ffc107"' in drawn(html, "januar")
    assert "1 December 2026: sign-up deadline" in row(html, "Januar")
    # Later years' groups and drafts (for anonymous) stay off.
    assert "senere" not in groups(html)
    assert "kladde" not in groups(html)


def test_staff_see_the_drafts_deadline_too(browser_as, across_years):
    html = browser_as("staff1").get(WHEEL, params={"year": "2026"}).text
    assert "kladde" in groups(html)


def test_the_next_year_draws_the_run_without_last_years_deadline(
    browser_as, across_years
):
    html = browser_as().get(WHEEL, params={"year": "2027"}).text
    assert "januar" in arcs(html)
    assert 'fill="#ffc107"' not in drawn(html, "januar")
    assert "sign-up deadline" not in row(html, "Januar")


def test_a_published_meeting_brings_its_group_onto_the_wheel(browser_as, across_years):
    html = browser_as().get(WHEEL, params={"year": "2026"}).text
    assert "efterslaeb" in groups(html)
    assert "efterslaeb" not in arcs(html)
    assert drawn(html, "efterslaeb").count("<circle") == 1
    assert "20 January 2026: meeting Møde sidste" in row(html, "Efterslaeb")
    # An internal meeting is no event of the year for the wheel.
    assert "efterslaeb" not in groups(
        browser_as().get(WHEEL, params={"year": "2027"}).text
    )


def test_the_count_and_the_year_selector_know_these_groups(browser_as, across_years):
    html = browser_as().get(WHEEL, params={"year": "2026"}).text
    # energi and gaarde run in 2026; januar signs up and efterslaeb meets in it.
    assert sorted(groups(html)) == ["efterslaeb", "energi", "gaarde", "januar"]
    assert 'value="2028"' in html


def test_a_group_in_the_year_by_its_run_lists_those_dates(browser_as, across_years):
    """Its sign-up deadline was last December: in 2027 its dates column
    lists its start and deadline, the dates that put it in the year."""
    html = browser_as().get(WHEEL, params={"year": "2027"}).text
    dates = row(html, "Januar")
    assert "15 January 2027: the group starts" in dates
    assert "1 June 2027: the group's deadline" in dates


def test_only_the_run_dates_in_the_year_are_listed(browser_as, across_years):
    html = browser_as().get(WHEEL, params={"year": "2026"}).text
    # gaarde runs from 1 February to 1 September 2026; energi until November.
    gaarde = row(html, "Gaarde")
    assert "1 February 2026: the group starts" in gaarde
    assert "1 September 2026: the group's deadline" in gaarde
    # januar only signs up in 2026: its run's dates are another year's.
    assert "the group starts" not in row(html, "Januar")
    assert "the group's deadline" not in row(html, "Januar")
    # Listed in date order with the wheel's markers.
    assert gaarde.index("the group starts") < gaarde.index("meeting Møde m1")


@pytest.mark.parametrize("year", ["2026", "2027"])
def test_the_browser_title_names_the_aarshjul_of_the_year(browser_as, folder, year):
    html = browser_as().get(WHEEL, params={"year": year}).text
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith(f"Annual wheel {year} — "), title
    # The folder's own page keeps its title.
    folder_html = browser_as().get("/grupper").text
    folder_title = re.search(r"<title>(.*?)</title>", folder_html, re.S).group(1)
    assert not folder_title.startswith("Annual wheel"), folder_title
