"""aarshjul: the year's groups as arcs, markers, the table and the year selector."""

import pytest
import re


WHEEL = "/grupper/@@aarshjul"


def arcs(html):
    return sorted(re.findall(r'class="aarshjul-arc"[^>]*data-group="([^"]+)"', html))


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_anonymous_sees_an_arc_per_public_group_of_the_year(browser_as):
    response = browser_as().get(WHEEL, params={"year": "2026"})
    assert response.status_code == 200
    # breve is a draft: invisible to anonymous, so no arc; vaskeri ran in 2025.
    assert arcs(response.text) == ["energi", "gaarde"]


def test_staff_see_the_draft_group_too(browser_as):
    response = browser_as("staff1").get(WHEEL, params={"year": "2026"})
    assert arcs(response.text) == ["breve", "energi", "gaarde"]


def test_the_year_selector_picks_the_year(browser_as):
    response = browser_as().get(WHEEL, params={"year": "2025"})
    assert arcs(response.text) == ["vaskeri"]
    assert re.search(r'<option[^>]*value="2025"[^>]*selected', response.text)
    assert 'value="2026"' in response.text


def test_twelve_month_sectors_with_names(browser_as):
    html = browser_as().get(WHEEL, params={"year": "2026"}).text
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert svg.count("<text dominant-baseline") == 12
    assert "January" in svg and "December" in svg


def test_the_svg_is_an_image_with_a_name_and_the_table_says_the_same(browser_as):
    html = browser_as().get(WHEEL, params={"year": "2026"}).text
    assert re.search(r'<svg[^>]*aria-labelledby="aarshjul-title aarshjul-desc"', html)
    assert 'role="img"' in html
    body = text(html[html.index("<table") : html.index("</table>")])
    assert "Gaarde" in body and "Energi" in body and "Breve" not in body
    # Markers: sign-up deadline, the published meeting, the board's decision.
    assert "1 February 2026: sign-up deadline" in body
    assert "10 March 2026: meeting Møde m1" in body
    assert "Møde m2" not in body  # internal
    assert "2 April 2026: board decision on Anbefaling r3" in body


def test_markers_are_drawn_with_their_own_shapes(browser_as):
    html = browser_as().get(WHEEL, params={"year": "2026"}).text
    gaarde = html[html.index('data-group="gaarde"') :]
    gaarde = gaarde[: gaarde.index("</g>")]
    assert gaarde.count("<circle") == 1  # the published meeting
    assert gaarde.count("<rect") == 1  # the decision on r3


def test_state_shown_by_pattern_and_words_not_colour_alone(browser_as):
    html = browser_as("staff1").get(WHEEL, params={"year": "2026"}).text
    dashes = set(
        re.findall(r'class="aarshjul-arc"[^>]*stroke-dasharray="([^"]+)"', html)
    )
    assert len(dashes) == 3  # draft, recruiting, active
    assert "Draft" in text(html)


def test_print_stylesheet_fits_a4(browser_as):
    html = browser_as().get(WHEEL).text
    assert "++resource++threeb.opgavegrupper.insight/print.css" in html
    css = browser_as().get("/++resource++threeb.opgavegrupper.insight/print.css")
    assert "size: A4" in css.text


@pytest.mark.parametrize("year", ["abc", "99999"])
def test_a_bad_year_falls_back_to_this_year(browser_as, year):
    assert browser_as().get(WHEEL, params={"year": year}).status_code == 200
