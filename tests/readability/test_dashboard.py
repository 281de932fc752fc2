"""participation-dashboard: "Sværeste tekster", the public texts hardest to read."""

import re


def rows(html):
    """(text, field, LIX, band) of each row of the section's table."""
    section = html.split('id="hardest-texts-title"', 1)[1].split("</section>", 1)[0]
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", section, re.S)[1:]:
        cells = re.findall(r"<td>(.*?)</td>", row, re.S)
        found.append(tuple(" ".join(re.sub(r"<[^>]+>", " ", c).split()) for c in cells))
    return found


def test_staff_see_the_public_texts_hardest_first(session_as, texts):
    response = session_as("staff1", api=False).get("/grupper/@@participation-dashboard")
    assert response.status_code == 200
    assert rows(response.text) == [
        ("Vaskeri", "The challenge", "87", "meget svær"),
        ("Forslag", "Summary", "79", "meget svær"),
    ]
    # Linked to the text; the drafts (LIX 69.7) are not public.
    assert f'href="{texts["vaskeri"].absolute_url()}"' in response.text
    assert "Kladde" not in response.text
    assert "Udkast" not in response.text


def test_the_list_is_in_danish(session_as, texts):
    from plone import api

    import transaction

    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    response = session_as("board1", api=False).get("/@@participation-dashboard")
    assert "Sværeste tekster" in response.text
    assert rows(response.text)[1] == ("Forslag", "Resumé", "79", "meget svær")


def test_at_most_ten_texts(session_as, texts):
    from .conftest import make_group
    from .conftest import OFFICIAL
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        for number in range(11):
            make_group(texts, f"gruppe-{number}", OFFICIAL)
    transaction.commit()
    response = session_as("staff1", api=False).get("/@@participation-dashboard")
    listed = rows(response.text)
    assert len(listed) == 10
    assert {lix for _text, _field, lix, _band in listed} == {"87"}


def test_a_site_without_scored_texts_says_so(session_as, texts):
    from plone import api

    import transaction

    with api.env.adopt_roles(["Manager"]):
        api.content.delete(objects=list(texts.objectValues()))
    transaction.commit()
    response = session_as("staff1", api=False).get("/@@participation-dashboard")
    assert "No public text has a LIX yet." in response.text
