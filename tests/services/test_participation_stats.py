"""GET @participation: the dashboard's figures for REST clients."""

from ..stats import dataset as stats_dataset
from ..stats import people

import csv
import io
import pytest
import transaction


@pytest.fixture
def api_as(functional_portal, request_factory):
    people.make_people()
    stats_dataset.build(functional_portal)
    transaction.commit()

    def session(user_id=None):
        auth = (user_id, people.PASSWORD) if user_id else None
        return request_factory(basic_auth=auth)

    return session


@pytest.mark.parametrize("path", ["/@participation", "/grupper/@participation"])
@pytest.mark.parametrize("user_id", ["staff1", "board1"])
def test_board_and_staff_get_the_figures(api_as, path, user_id):
    response = api_as(user_id).get(path)
    assert response.status_code == 200
    data = response.json()
    assert data["@id"].endswith(path)
    assert data["participants_total"] == 5
    assert data["participants_by_department"] == {
        "Hvidovre": 2,
        "Tingbjerg": 2,
        "none": 1,
    }
    assert data["decisions"] == {"adopted": 2, "rejected": 1}
    assert data["days_from_start"]["to_decision"]["median"] == 85.5
    assert data["implementation"]["average_progress"] == 70.0


def test_anonymous_gets_401(api_as):
    response = api_as().get("/grupper/@participation")
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "Unauthorized"


def test_resident_gets_403(api_as):
    response = api_as("resident1").get("/grupper/@participation")
    assert response.status_code == 403
    error = response.json()["error"]
    assert error["type"] == "Forbidden"
    assert "participants_total" not in response.text


def test_csv(api_as):
    # The programs' variant; tests/stats/test_csv_excel.py reads the default.
    response = api_as("staff1").get(
        "/@participation", params={"format": "csv", "dialect": "machine"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert ["participants_total", "", "5"] in rows
    assert ["applications_per_month", "2026-01", "3"] in rows


def test_residents_get_no_csv_either(api_as):
    response = api_as("resident1").get("/@participation", params={"format": "csv"})
    assert response.status_code == 403
    assert response.json()["error"]["type"] == "Forbidden"


def test_unknown_format_is_a_bad_request(api_as):
    response = api_as("staff1").get("/@participation", params={"format": "xml"})
    assert response.status_code == 400
    assert response.json()["error"] == {
        "type": "BadRequest",
        "message": "format must be json or csv",
        "field": "format",
    }
