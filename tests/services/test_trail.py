"""GET @trail and ?expand=trail: the group's timeline, as far as one may see."""

from datetime import date
from plone import api

import pytest
import transaction


@pytest.fixture
def group(functional_portal):
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
        group = api.content.create(
            folder,
            "TaskGroup",
            id="vaskeri",
            title="Vaskeri",
            summary="S",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )
        api.content.transition(group, transition="open_signup")
        mandate = api.content.create(
            group, "Mandate", id="kommissorium", title="K", questions=["Hvad?"]
        )
        api.content.transition(mandate, transition="submit_for_approval")
        api.content.transition(mandate, transition="approve")
        api.content.transition(group, transition="start_work")
        adopted = api.content.create(
            group,
            "Recommendation",
            id="forslag",
            title="Forslag",
            summary="Kort",
            decision_text="Vedtaget med 7 stemmer.",
        )
        api.content.transition(adopted, transition="submit")
        api.content.transition(adopted, transition="adopt")
        api.content.create(
            group, "Recommendation", id="kladde", title="Kladde", summary="K"
        )
    transaction.commit()
    return group


def ids(items):
    return [item["id"] for item in items if item.get("id")]


def test_anonymous_sees_the_public_trail(group, anon_request):
    response = anon_request.get("/grupper/vaskeri/@trail")
    assert response.status_code == 200
    items = response.json()["items"]
    assert "kommissorium" in ids(items)
    assert "forslag" in ids(items)
    assert "kladde" not in ids(items)
    (decided,) = [item for item in items if item.get("id") == "forslag"]
    assert "Vedtaget med 7 stemmer." in str(decided)


def test_staff_see_the_draft_too(group, manager_request):
    assert "kladde" in ids(
        manager_request.get("/grupper/vaskeri/@trail").json()["items"]
    )


def test_expand_on_the_group(group, anon_request):
    data = anon_request.get("/grupper/vaskeri", params={"expand": "trail"}).json()
    assert "forslag" in ids(data["@components"]["trail"]["items"])
    plain = anon_request.get("/grupper/vaskeri").json()
    assert plain["@components"]["trail"]["@id"].endswith("/@trail")
