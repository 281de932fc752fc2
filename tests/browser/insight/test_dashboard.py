"""participation-dashboard: SVG charts with tables, CSV, board and staff only."""

import csv
import io
import pytest
import re


VIEW = "/grupper/@@participation-dashboard"


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize("user_id", ["staff1", "board1"])
def test_board_and_staff_see_the_figures(browser_as, user_id):
    response = browser_as(user_id).get(VIEW)
    assert response.status_code == 200
    html = response.text
    # One SVG per chart, each named by its heading and described.
    charts = re.findall(r"<svg[^>]*role=\"img\"[^>]*>", html)
    assert len(charts) == 8
    assert all("aria-labelledby" in svg for svg in charts)
    assert 'id="participants-by-department-title"' in html
    body = text(html)
    assert "Participants in all: 5" in body
    # The text alternative: the same figures in a table.
    assert "Tingbjerg 2" in body
    assert "No department 1" in body
    assert "2024 2 2025 1 2026 1" in body


def test_the_site_shows_the_same_figures(browser_as):
    response = browser_as("staff1").get("/@@participation-dashboard")
    assert "Participants in all: 5" in text(response.text)


@pytest.mark.parametrize("user_id", ["resident1", None])
def test_residents_and_anonymous_are_refused(browser_as, user_id):
    response = browser_as(user_id).get(VIEW, allow_redirects=False)
    assert response.status_code != 200
    assert "Participants in all" not in response.text


@pytest.mark.parametrize("path", [VIEW + "?format=csv", VIEW + "/figures.csv"])
def test_csv_download_has_every_figure(browser_as, path):
    # The programs' variant; tests/stats/test_csv_excel.py reads the default.
    response = browser_as("board1").get(path, params={"dialect": "machine"})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["figure", "key", "value"]
    assert ["participants_by_constituency", "resident", "3"] in rows
    assert ["decisions", "rejected", "1"] in rows
    assert ["first_time_participants_per_year", "2024", "2"] in rows


def test_residents_get_no_csv(browser_as):
    response = browser_as("resident1").get(VIEW + "/figures.csv", allow_redirects=False)
    assert response.status_code != 200
    assert "figure,key,value" not in response.text
