"""aarshjul with many groups: a page of 20 arcs, a filter by theme and department."""

from datetime import date
from plone import api

import re
import transaction


WHEEL = "/grupper/@@aarshjul"


def arcs(html):
    return re.findall(r'class="aarshjul-arc"[^>]*data-group="([^"]+)"', html)


def _many(folder, count):
    with api.env.adopt_roles(["Manager"]):
        for number in range(count):
            group = api.content.create(
                folder,
                "TaskGroup",
                id=f"g{number:02d}",
                title=f"Gruppe {number:02d}",
                summary="S",
                theme="Kommunikation" if number % 3 else "Økonomi",
                departments=["Bellahøj"] if number % 2 else ["Kildevæld"],
                start=date(2026, 1 + number % 12, 1),
                deadline=date(2026, 12, 20),
            )
            api.content.transition(group, transition="open_signup")
    transaction.commit()


def test_a_page_of_twenty_groups_and_the_way_on(browser_as, folder):
    _many(folder, 43)  # with energi and gaarde: 45 public groups in 2026
    session = browser_as()
    first = session.get(WHEEL, params={"year": "2026"})
    assert first.status_code == 200
    assert len(arcs(first.text)) == 20
    html = " ".join(first.text.split())
    assert "Groups 1 to 20 of 45" in html
    rows = re.findall(r"<tr>\s*<td>(\d+)</td>", first.text)
    assert rows == [str(number) for number in range(1, 21)]
    found = re.search(r'href="([^"]*b_start=20[^"]*)"', first.text)
    second = session.get(found[1].replace("&amp;", "&"))
    assert len(arcs(second.text)) == 20
    assert set(arcs(first.text)).isdisjoint(arcs(second.text))
    assert re.findall(r"<tr>\s*<td>(\d+)</td>", second.text)[0] == "21"
    last = session.get(WHEEL, params={"year": "2026", "b_start": "40"})
    assert len(arcs(last.text)) == 5


def test_the_filters_narrow_the_groups_and_stay_on_the_next_page(browser_as, folder):
    _many(folder, 43)
    session = browser_as()
    response = session.get(
        WHEEL,
        params={"year": "2026", "theme": "Økonomi", "department": "Kildevæld"},
    )
    # Økonomi: every third group; Kildevæld: the even ones: 0, 6, ..., 42.
    expected = {f"g{number:02d}" for number in range(0, 43, 6)}
    assert set(arcs(response.text)) == expected
    assert re.search(r'<option[^>]*value="Økonomi"[^>]*selected', response.text)
    many = session.get(WHEEL, params={"year": "2026", "theme": "Kommunikation"})
    found = re.search(r'href="([^"]*b_start=20[^"]*)"', many.text)
    assert "theme=Kommunikation" in found[1]


def test_an_unknown_filter_value_is_no_filter(browser_as, folder):
    response = browser_as().get(
        WHEEL, params={"year": "2026", "theme": "<script>", "b_start": "x"}
    )
    assert response.status_code == 200
    assert sorted(arcs(response.text)) == ["energi", "gaarde"]
    assert "<script>" not in response.text


def test_the_page_stays_small_with_many_groups(browser_as, folder):
    _many(folder, 43)
    small = browser_as().get(WHEEL, params={"year": "2026", "theme": "Økonomi"})
    large = browser_as().get(WHEEL, params={"year": "2026"})
    # 20 arcs and rows whatever the year holds: a few KB more than 15 groups.
    assert len(large.content) < 200_000
    assert len(large.content) - len(small.content) < 15_000
