"""GET @taskgroups: the overview's data for REST clients."""

from datetime import date
from plone import api

import pytest
import transaction


GROUPS = [
    # id, theme, departments, transitions, deadline
    ("vaskeri", "Udlejning", ["Tingbjerg"], ("open_signup",), date(2026, 9, 1)),
    (
        "gaarde",
        "Grøn omstilling",
        ["Hvidovre"],
        ("open_signup", "start_work"),
        date(2026, 5, 1),
    ),
    ("energi", "Grøn omstilling", ["Tingbjerg"], ("open_signup",), date(2026, 7, 1)),
    ("breve", "Kommunikation", [], (), date(2026, 4, 1)),  # draft: internal
]


@pytest.fixture
def folder(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
        for group_id, theme, departments, transitions, deadline in GROUPS:
            group = api.content.create(
                folder,
                "TaskGroup",
                id=group_id,
                title=group_id.capitalize(),
                summary=f"Om {group_id}",
                theme=theme,
                departments=departments,
                start=date(2026, 1, 1),
                deadline=deadline,
            )
            for transition in transitions:
                api.content.transition(group, transition=transition)
    transaction.commit()
    return folder


def ids(response):
    return [item["id"] for item in response.json()["items"]]


def test_open_groups_first_then_by_deadline(folder, anon_request):
    response = anon_request.get("/grupper/@taskgroups")
    assert response.status_code == 200
    assert ids(response) == ["energi", "vaskeri", "gaarde"]
    assert response.json()["items_total"] == 3


def test_staff_see_drafts_too(folder, manager_request):
    assert "breve" in ids(manager_request.get("/@taskgroups"))


@pytest.mark.parametrize(
    "params,expected",
    [
        ({"theme": "Grøn omstilling"}, ["energi", "gaarde"]),
        ({"departments": "Tingbjerg"}, ["energi", "vaskeri"]),
        ({"review_state": "active"}, ["gaarde"]),
        ({"open": "true"}, ["energi", "vaskeri"]),
        ({"text": "Vask"}, ["vaskeri"]),
    ],
)
def test_filters(folder, anon_request, params, expected):
    assert ids(anon_request.get("/grupper/@taskgroups", params=params)) == expected


def test_facets_count_with_the_other_filters(folder, anon_request):
    data = anon_request.get(
        "/grupper/@taskgroups", params={"theme": "Grøn omstilling"}
    ).json()
    assert data["facets"]["review_state"] == {"recruiting": 1, "active": 1}
    assert data["facets"]["theme"] == {
        "Udlejning": 1,
        "Grøn omstilling": 2,
    }


def test_seats_per_constituency(folder, anon_request):
    item = anon_request.get("/grupper/@taskgroups").json()["items"][0]
    assert item["seats"]["resident"] == {"filled": 0, "total": 4}
    assert item["open_for_signup"] is True


def test_batching(folder, anon_request):
    data = anon_request.get("/grupper/@taskgroups", params={"b_size": 2}).json()
    assert len(data["items"]) == 2
    assert "next" in data["batching"]


def test_second_page_continues_the_order(folder, anon_request):
    data = anon_request.get(
        "/grupper/@taskgroups", params={"b_size": 2, "b_start": 2}
    ).json()
    assert [item["id"] for item in data["items"]] == ["gaarde"]
    assert data["items_total"] == 3


@pytest.mark.parametrize(
    "params,field",
    [
        ({"b_size": "mange"}, "b_size"),
        ({"b_size": "0"}, "b_size"),
        ({"open": "måske"}, "open"),
    ],
)
def test_bad_parameters_are_400(folder, anon_request, params, field):
    response = anon_request.get("/grupper/@taskgroups", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field


@pytest.mark.parametrize("text", ["\x15", "not", "and or", '"vask', "*"])
def test_search_syntax_is_not_an_error(folder, anon_request, text):
    response = anon_request.get("/grupper/@taskgroups", params={"text": text})
    assert response.status_code == 200
