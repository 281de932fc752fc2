"""The domain through plone.restapi alone, as a REST client plays it."""

from plone import api

import pytest
import transaction


PASSWORD = "secret-pw-1"

PEOPLE = {
    "staff1": "medarbejdere",
    "board1": "organisationsbestyrelse",
    "chair1": "beboere",
    "member1": "beboere",
    "resident1": "beboere",
}


@pytest.fixture
def people(functional_portal):
    for user_id, group in PEOPLE.items():
        api.user.create(
            email=f"{user_id}@example.org", username=user_id, password=PASSWORD
        )
        api.group.add_user(groupname=group, username=user_id)
    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(
            functional_portal, "TaskGroupFolder", id="grupper", title="Opgavegrupper"
        )
    transaction.commit()
    return folder


@pytest.fixture
def as_user(request_factory, people):
    def session(user_id):
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session


GROUP = {
    "@type": "TaskGroup",
    "title": "Cykelparkering",
    "summary": "Flere og bedre cykelstativer",
    "theme": "Vedligeholdelse og byggeri",
    "start": "2026-03-01",
    "deadline": "2026-09-01",
}


def test_resident_cannot_create_group(as_user):
    response = as_user("resident1").post("/grupper", json=GROUP)
    assert response.status_code == 401


def test_whole_story_over_rest(as_user, anon_request):
    staff, board, chair = as_user("staff1"), as_user("board1"), as_user("chair1")
    resident = as_user("resident1")

    response = staff.post("/grupper", json=GROUP)
    assert response.status_code == 201, response.text
    path = "/grupper/" + response.json()["id"]

    assert staff.patch(path, json={"meeting_cadence": "Hver mandag"}).status_code == 204
    assert anon_request.get(path).status_code == 401  # a draft is internal

    sharing = staff.post(
        f"{path}/@sharing",
        json={
            "entries": [
                {"id": "chair1", "type": "user", "roles": {"TaskGroupChair": True}},
            ]
        },
    )
    assert sharing.status_code == 204, sharing.text
    # Members come from the applications, not from the sharing page.
    sharing = staff.post(
        f"{path}/@sharing",
        json={
            "entries": [
                {"id": "member1", "type": "user", "roles": {"TaskGroupMember": True}},
            ]
        },
    )
    assert sharing.status_code == 400, sharing.text
    assert sharing.json()["error"]["field"] == "entries"

    response = staff.post(f"{path}/@workflow/open_signup")
    assert response.status_code == 200, response.text
    assert response.json()["review_state"] == "recruiting"
    assert anon_request.get(path).status_code == 200

    response = resident.post(f"{path}/@apply", json={"constituency": "resident"})
    assert response.status_code == 201, response.text
    application = response.json()["@id"].split(path)[-1]
    response = staff.post(
        f"{path}{application}/@workflow/accept", json={"comment": "Velkommen"}
    )
    assert response.status_code == 200, response.text
    mine = resident.get("/@my-taskgroups").json()
    assert [a["review_state"] for a in mine["applications"]] == ["accepted"]

    response = staff.post(
        path,
        json={
            "@type": "Mandate",
            "title": "Kommissorium",
            "purpose": "Flere cykelstativer",
            "questions": ["Hvor skal stativerne stå?"],
        },
    )
    assert response.status_code == 201, response.text
    mandate = f"{path}/kommissorium"
    assert staff.post(f"{mandate}/@workflow/submit_for_approval").status_code == 200
    # A member sees the mandate but may not approve it.
    assert resident.post(f"{mandate}/@workflow/approve").status_code == 400
    assert board.post(f"{mandate}/@workflow/approve").status_code == 200

    assert staff.post(f"{path}/@workflow/start_work").status_code == 200

    response = chair.post(
        path,
        json={
            "@type": "Meeting",
            "title": "Første møde",
            "start": "2026-03-10T17:00:00+01:00",
            "end": "2026-03-10T19:00:00+01:00",
            "minutes": "Vi talte om stativer.",
        },
    )
    assert response.status_code == 201, response.text
    meeting = f"{path}/" + response.json()["id"]
    assert chair.post(f"{meeting}/@workflow/publish").status_code == 200
    assert anon_request.get(meeting).status_code == 200

    response = chair.post(
        path,
        json={
            "@type": "Recommendation",
            "title": "Stativer ved alle opgange",
            "summary": "Ti nye stativer",
            "recommendation": "Vi anbefaler ti nye stativer.",
            "answers": ["Hvor skal stativerne stå?"],
        },
    )
    assert response.status_code == 201, response.text
    recommendation = f"{path}/" + response.json()["id"]
    assert anon_request.get(recommendation).status_code == 401
    assert chair.post(f"{recommendation}/@workflow/submit").status_code == 200

    refused = board.post(f"{recommendation}/@workflow/adopt")
    assert refused.status_code == 400
    assert "decision text" in refused.text

    response = board.post(
        f"{recommendation}/@workflow/adopt",
        json={"comment": "Vedtaget. Stativerne sættes op i foråret."},
    )
    assert response.status_code == 200, response.text

    data = resident.get(recommendation).json()
    assert data["review_state"] == "adopted"
    assert data["decision_text"] == "Vedtaget. Stativerne sættes op i foråret."
    assert data["decision_date"]
    assert anon_request.get(recommendation).status_code == 200

    response = staff.patch(
        recommendation, json={"implementation_status": "in_progress", "progress": 30}
    )
    assert response.status_code == 204, response.text
    assert resident.get(recommendation).json()["progress"] == 30
    assert staff.post(f"{recommendation}/@workflow/mark_implemented").status_code == 200

    assert staff.post(f"{path}/@workflow/conclude").status_code == 200
    assert anon_request.get(path).json()["review_state"] == "concluded"


def test_types_schema_served(as_user):
    response = as_user("staff1").get("/@types/TaskGroup")
    assert response.status_code == 200
    properties = response.json()["properties"]
    assert properties["summary"]["maxLength"] == 300
    assert "seats_resident" in properties
