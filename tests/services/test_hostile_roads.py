"""What a hostile client found on the roads around the add-on's content.

Each case answered 2xx while dropping or changing what was sent, or named no
field: @sharing took "false" as a role given, a repeated decision answered
200 and dropped its text, PATCH of ``id`` renamed to another id, @apply
dropped a department of the wrong type, a chair listed every account
through @sharing's search.
"""

from .roads import as_user_fixture  # noqa: F401
from .roads import fresh
from .roads import site_fixture  # noqa: F401
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest
import transaction


WORKFLOW = "taskgroup_workflow"


@pytest.fixture
def admin(request_factory):
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


def local_roles(path, user_id):
    return set(fresh(path).get_local_roles_for_userid(user_id))


@pytest.mark.parametrize(
    "body,field",
    [
        (
            {
                "entries": [
                    {
                        "id": "resident1",
                        "type": "user",
                        "roles": {"TaskGroupChair": "false"},
                    }
                ]
            },
            "entries",
        ),
        (
            {
                "entries": [
                    {
                        "id": "resident1",
                        "type": "user",
                        "roles": {"TaskGroupChair": "yes"},
                    }
                ]
            },
            "entries",
        ),
        ({"inherit": None}, "inherit"),
        ({"inherit": 0}, "inherit"),
        ({"foo": 1}, "foo"),
        ([1], "body"),
    ],
)
def test_sharing_takes_only_what_it_reads(site, as_user, body, field):
    response = as_user("staff1").post(site["TaskGroup"] + "/@sharing", json=body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert "TaskGroupChair" not in local_roles(site["TaskGroup"], "resident1")
    assert not getattr(fresh(site["TaskGroup"]), "__ac_local_roles_block__", False)


def test_sharing_refused_is_a_forbidden_in_the_error_shape(site, as_user):
    assert (
        as_user("staff1").post(site["TaskGroup"] + "/@workflow/open_signup").status_code
        == 200
    )
    # The resident sees the recruiting group, but may not share it.
    response = as_user("resident1").get(site["TaskGroup"] + "/@sharing")
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "Forbidden"


def test_a_chair_cannot_search_the_sites_people(site, as_user):
    group = fresh(site["TaskGroup"])
    api.user.grant_roles(username="chair1", obj=group, roles=["TaskGroupChair"])
    group.reindexObjectSecurity()
    transaction.commit()
    chair = as_user("chair1")
    assert chair.get(site["TaskGroup"] + "/@sharing").status_code == 200
    response = chair.get(site["TaskGroup"] + "/@sharing?search=e")
    assert response.status_code == 403
    assert response.json()["error"]["field"] == "search"
    staff = as_user("staff1").get(site["TaskGroup"] + "/@sharing?search=resident")
    assert staff.status_code == 200
    assert "resident1" in {entry["id"] for entry in staff.json()["entries"]}


def test_a_decision_made_already_is_409_and_keeps_the_record(site, as_user):
    staff = as_user("staff1")
    assert staff.post(site["TaskGroup"] + "/@workflow/open_signup").status_code == 200
    history = len(fresh(site["TaskGroup"]).workflow_history[WORKFLOW])
    response = staff.post(
        site["TaskGroup"] + "/@workflow/open_signup", json={"comment": "igen"}
    )
    assert response.status_code == 409
    assert response.json()["error"]["type"] == "Conflict"
    after = fresh(site["TaskGroup"]).workflow_history[WORKFLOW]
    assert len(after) == history


def test_workflow_refuses_a_key_it_does_not_read(site, as_user):
    response = as_user("staff1").post(
        site["TaskGroup"] + "/@workflow/open_signup", json={"coment": "stavefejl"}
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "coment"
    assert api.content.get_state(fresh(site["TaskGroup"])) == "draft"


def test_effective_past_the_last_year_in_utc_is_refused(site, as_user):
    response = as_user("staff1").post(
        site["TaskGroup"] + "/@workflow/open_signup",
        json={"effective": "2999-12-31T23:59:59-12:00"},
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "effective"


@pytest.mark.parametrize("new_id", ["moede", "a/b", "Store-Bogstaver", "", 5])
def test_patch_of_an_id_that_cannot_be_is_400(site, admin, new_id):
    mandate = site["Mandate"]
    response = admin.patch(mandate, json={"id": new_id})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "id"
    assert fresh(mandate).getId() == "kommissorium"


def test_patch_of_a_free_id_renames_to_exactly_it(site, admin):
    response = admin.patch(site["Mandate"], json={"id": "kommissorium-2027"})
    assert response.status_code == 204
    transaction.begin()
    assert "kommissorium-2027" in fresh(site["TaskGroup"]).objectIds()


@pytest.mark.parametrize(
    "body,field",
    [
        ({"title": "Uden type"}, "@type"),
        ({"@type": "NoSuchType", "title": "x"}, "@type"),
        ({"@type": "Meeting", "title": "x", "id": "moede"}, "id"),
        ({"@type": "Meeting", "title": "x", "id": "a b"}, "id"),
    ],
)
def test_creation_names_type_and_id(site, admin, body, field):
    before = set(fresh(site["TaskGroup"]).objectIds())
    response = admin.post(site["TaskGroup"], json=body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    assert set(fresh(site["TaskGroup"]).objectIds()) == before
