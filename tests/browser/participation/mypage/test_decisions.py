"""Mine opgavegrupper: the board's decision on each group's work beside its state.

Anna sits in Vaskeriet (member) and chairs Cykler (see conftest.py).
"""

from .conftest import make_scenario
from datetime import date
from plone import api
from plone.app.textfield.value import RichTextValue

import pytest
import re
import transaction


PAGE = "/@@mine-opgavegrupper"


def recommend(group, rec_id, decision=None, day=None):
    """A recommendation of the group, decided by the board if ``decision``."""
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
            recommendation=RichTextValue("<p>R</p>", "text/html", "text/x-html-safe"),
        )
        api.content.transition(rec, transition="submit")
        if decision:
            rec.decision_date = day
            api.content.transition(rec, transition=decision, comment="Besluttet.")
    return rec


@pytest.fixture
def decided(functional_portal):
    folder = make_scenario(functional_portal)
    recommend(folder["vaskeriet"], "a", "adopt", date(2026, 5, 12))
    recommend(folder["vaskeriet"], "b", "reject", date(2026, 5, 19))
    recommend(folder["cykler"], "c", "adopt", date(2026, 4, 2))
    # Waiting for the board: no decision yet.
    recommend(folder["cykler"], "d")
    transaction.commit()
    return folder


def rows(response):
    """{group title: text of its row} in "Groups I take part in"."""
    section = re.search(
        r'aria-labelledby="mine-groups".*?</section>', response.text, re.S
    )[0]
    found = {}
    for item in re.findall(r"<li class=\"list-group-item\".*?</li>", section, re.S):
        words = " ".join(re.sub(r"<[^>]+>", " ", item).split())
        found[words.split(" ")[0]] = words
    return found


def test_my_page_shows_the_boards_decision_beside_the_state(request_factory, decided):
    session = request_factory(api=False, basic_auth=("anna", "secret-pw-1"))
    session.headers["Accept"] = "text/html"
    response = session.get(PAGE)
    assert response.status_code == 200
    found = rows(response)
    assert "Partly adopted by the board, 19 May 2026" in found["Vaskeriet"]
    assert "Adopted by the board, 2 April 2026" in found["Cykler"]
    assert 'data-verdict="partly"' in response.text


def test_a_group_without_decisions_says_nothing_of_them(request_factory, decided):
    with api.env.adopt_roles(["Manager"]):
        api.content.delete(decided["cykler"]["c"])
    transaction.commit()
    session = request_factory(api=False, basic_auth=("anna", "secret-pw-1"))
    session.headers["Accept"] = "text/html"
    found = rows(session.get(PAGE))
    assert "board" not in found["Cykler"]


def test_the_decision_in_danish(request_factory, decided):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    session = request_factory(api=False, basic_auth=("anna", "secret-pw-1"))
    session.headers["Accept"] = "text/html"
    found = rows(session.get(PAGE))
    assert "Delvis vedtaget af bestyrelsen, 19. maj 2026" in found["Vaskeriet"]
    assert "Vedtaget af bestyrelsen, 2. april 2026" in found["Cykler"]


def test_rest_groups_carry_the_decision(request_factory, decided):
    session = request_factory(basic_auth=("anna", "secret-pw-1"))
    response = session.get("/@my-taskgroups")
    assert response.status_code == 200
    groups = {group["title"]: group for group in response.json()["groups"]}
    assert groups["Vaskeriet"]["decision"] == {
        "adopted": 1,
        "rejected": 1,
        "decided": 2,
        "decision_date": "2026-05-19",
        "verdict": "partly",
    }
    assert groups["Cykler"]["decision"]["verdict"] == "adopted"


def test_rest_a_group_without_decisions_has_none(request_factory, functional_portal):
    make_scenario(functional_portal)
    transaction.commit()
    session = request_factory(basic_auth=("anna", "secret-pw-1"))
    groups = session.get("/@my-taskgroups").json()["groups"]
    assert [group["decision"] for group in groups] == [None, None]
