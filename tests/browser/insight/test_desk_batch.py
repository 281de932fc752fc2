"""board-desk shows a page of 20 per section, with links to the others."""

from plone import api

import re
import transaction


DESK = "/grupper/@@board-desk"


def _submit_many(folder, dataset, count):
    with api.env.adopt_roles(["Manager"]):
        for number in range(count):
            rec = api.content.create(
                folder["energi"],
                "Recommendation",
                id=f"ny{number:02d}",
                title=f"Forslag {number:02d}",
                summary="Kort",
            )
            dataset.set_state(rec, "submitted")
    transaction.commit()


def _titles(html):
    return re.findall(r'class="card-title">\s*<a[^>]*>([^<]+)</a>', html)


def test_a_page_of_twenty_and_a_link_to_the_rest(browser_as, folder, dataset):
    _submit_many(folder, dataset, 24)  # and r4 of the data set: 25 waiting
    session = browser_as("board1")
    first = session.get(DESK)
    assert first.status_code == 200
    assert len(_titles(first.text)) == 20
    assert "Showing 1 to 20 of 25" in " ".join(first.text.split())
    found = re.search(r'href="([^"]*b_start_recommendations=20)"', first.text)
    assert found
    second = session.get(found[1].replace("&amp;", "&"))
    assert len(_titles(second.text)) == 5
    assert "Showing 21 to 25 of 25" in " ".join(second.text.split())
    assert set(_titles(first.text)).isdisjoint(_titles(second.text))
    # Each item still names its group, from the group's catalog record.
    assert second.text.count(">Energi<") + second.text.count(">Gaarde<") == 5


def test_a_page_past_the_end_shows_the_last_one(browser_as, folder, dataset):
    _submit_many(folder, dataset, 24)
    response = browser_as("board1").get(DESK, params={"b_start_recommendations": "400"})
    assert response.status_code == 200
    assert len(_titles(response.text)) == 5


def test_a_short_desk_has_no_page_links(browser_as, folder):
    response = browser_as("board1").get(DESK)
    assert "b_start_" not in response.text
    assert "Showing" not in response.text
