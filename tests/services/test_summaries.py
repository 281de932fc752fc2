"""Listings of task groups carry the add-on's metadata."""

from ..participation.conftest import make_group
from ..participation.conftest import make_people

import transaction


def test_search_summary_has_group_metadata(functional_portal, manager_request):
    make_people()
    group = make_group(functional_portal)
    group.departments = ["Tingbjerg"]
    group.reindexObject()
    transaction.commit()
    response = manager_request.get("/@search", params={"portal_type": "TaskGroup"})
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["review_state"] == "recruiting"
    assert item["theme"] == "Udlejning"
    assert item["departments"] == ["Tingbjerg"]
    assert item["deadline"].startswith("2026-06-01")
    assert item["seats"]["resident"] == 2
    assert item["seats_filled"]["resident"] == 0
    assert item["description"] == "Nye regler i vaskeriet"


def test_folder_items_carry_it_too(functional_portal, anon_request):
    make_people()
    make_group(functional_portal)
    transaction.commit()
    response = anon_request.get("/grupper")
    assert response.status_code == 200
    (item,) = response.json()["items"]
    assert item["theme"] == "Udlejning"
    assert "seats_filled" in item


def test_search_filters_on_the_add_ons_indexes(functional_portal, anon_request):
    make_people()
    make_group(functional_portal)
    draft = make_group(functional_portal, state="draft")
    transaction.commit()
    response = anon_request.get(
        "/@search", params={"portal_type": "TaskGroup", "theme": "Udlejning"}
    )
    ids = [item["@id"].rsplit("/", 1)[-1] for item in response.json()["items"]]
    assert len(ids) == 1
    assert draft.getId() not in ids
    response = anon_request.get("/@search", params={"theme": "Økonomi"})
    assert response.json()["items"] == []
