"""The CSV downloads read as Danish Excel reads them: BOM, `;`, Danish words.

The bytes are read the way Excel does on a double-click: a UTF-8 byte-order
mark decides the encoding, `;` separates the cells, "240,5" is a number.
"""

from . import dataset as stats_dataset
from . import people
from plone import api

import csv
import io
import pytest
import re
import transaction


BOM = b"\xef\xbb\xbf"
FORMULAS = ["=HYPERLINK(1)", "+45 1234", "-2+3", "@SUM(A1)", "\tTab", "\rCR"]


def as_excel(body):
    """The rows Danish Excel shows for the file's bytes."""
    assert body.startswith(BOM)
    return list(
        csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""), delimiter=";")
    )


def as_program(body):
    assert not body.startswith(BOM)
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))


def figures(**departments):
    """A figures dict shaped as stats.figures.figures() returns it."""
    return {
        "groups_by_state": {"active": 2, "not_a_state": 1},
        "participants_total": 5,
        "participants_by_constituency": {"resident": 3},
        "participants_by_department": {"Nøjsomhed": 2, "none": 1, **departments},
        "first_time_participants_per_year": {"2026": 4},
        "applications_per_month": {"2026-11": 3},
        "days_from_start": {
            "to_first_recommendation": {"count": 2, "median": 240.5, "mean": 240.0},
            "to_decision": {"count": 0, "median": None, "mean": None},
        },
        "decisions": {"adopted": 2, "rejected": -1},
        "implementation": {
            "count": 2,
            "status": {"not_started": 1, "in_progress": 0, "done": 1},
            "average_progress": 70.5,
        },
    }


@pytest.fixture
def danish(portal):
    """The request of a Danish site, its language bound as traversal binds it."""
    from plone.i18n.utility import setLanguageBinding

    api.portal.set_registry_record("plone.default_language", "da")
    request = portal.REQUEST
    request.other.pop("LANGUAGE_TOOL", None)
    setLanguageBinding(request)
    return request


def test_excel_file_has_bom_semicolons_and_crlf(danish):
    from threeb.opgavegrupper.stats.export import encode

    body = encode(danish, figures())
    assert body.startswith(BOM)
    text = body.decode("utf-8-sig")
    assert text.count("\r\n") == len(text.splitlines())
    assert "\n" not in text.replace("\r\n", "")
    assert text.splitlines()[0] == "Nøgletal;Opdeling;Værdi"


def test_excel_file_has_danish_words_and_numbers(danish):
    from threeb.opgavegrupper.stats.export import encode

    rows = as_excel(encode(danish, figures()))
    assert rows[0] == ["Nøgletal", "Opdeling", "Værdi"]
    assert ["Deltagere efter afdeling", "Nøjsomhed", "2"] in rows
    assert ["Deltagere efter afdeling", "Ingen afdeling", "1"] in rows
    assert ["Deltagere i alt", "", "5"] in rows
    assert ["Deltagere efter plads", "Beboer", "3"] in rows
    assert ["Tilmeldinger pr. måned", "november 2026", "3"] in rows
    first = "Dage fra gruppens start til første anbefaling"
    assert [first, "Median", "240,5"] in rows
    # A whole number has no ".0".
    assert [first, "Gennemsnit", "240"] in rows
    assert [first, "Antal grupper", "2"] in rows
    decided = "Dage fra gruppens start til bestyrelsens beslutning"
    assert [decided, "Median", ""] in rows
    implementation = "Gennemførelse af vedtagne anbefalinger"
    assert [implementation, "Ikke påbegyndt", "1"] in rows
    assert [implementation, "Gennemsnitlig fremdrift (%)", "70,5"] in rows
    assert [implementation, "Vedtagne anbefalinger", "2"] in rows
    # No English key and no "." decimal is left for a person to read.
    cells = [cell for row in rows for cell in row]
    assert not {"not_started", "none", "participants_total", "median"} & set(cells)
    assert not [cell for cell in cells if "." in cell and cell[:1].isdigit()]


def test_a_negative_number_stays_a_number(danish):
    from threeb.opgavegrupper.stats.export import encode

    rows = as_excel(encode(danish, figures()))
    (rejected,) = [row for row in rows if row[0] == "Bestyrelsens beslutninger"][1:]
    assert rejected[2] == "-1"


def test_an_unknown_state_is_written_as_it_is(danish):
    from threeb.opgavegrupper.stats.export import encode

    rows = as_excel(encode(danish, figures()))
    assert ["Grupper efter status", "not_a_state", "1"] in rows


@pytest.mark.parametrize("dialect", ["excel", "machine"])
def test_formulas_typed_by_people_stay_text(danish, dialect):
    from threeb.opgavegrupper.stats.export import encode

    departments = dict.fromkeys(FORMULAS, 1)
    body = encode(danish, figures(**departments), dialect)
    rows = as_excel(body) if dialect == "excel" else as_program(body)
    keys = [row[1] for row in rows]
    for formula in FORMULAS:
        assert f"'{formula}" in keys
        assert formula not in keys
    # No cell of either file starts a formula.
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in "=+@\t\r" and cell]


def test_machine_file_keeps_english_keys_commas_and_no_bom(danish):
    from threeb.opgavegrupper.stats.export import encode

    body = encode(danish, figures(), "machine")
    rows = as_program(body)
    assert rows[0] == ["figure", "key", "value"]
    assert ["participants_by_department", "Nøjsomhed", "2"] in rows
    assert ["days_from_start.to_first_recommendation", "median", "240.5"] in rows
    assert ["implementation.status", "not_started", "1"] in rows
    assert body.decode("utf-8").splitlines()[0] == "figure,key,value"


def test_unknown_dialect_is_refused(danish):
    from threeb.opgavegrupper.stats.export import encode

    with pytest.raises(ValueError, match="valid: excel, machine"):
        encode(danish, figures(), "xlsx")


# Over HTTP: the real figures, the real downloads.


@pytest.fixture
def site(functional_portal):
    api.portal.set_registry_record("plone.default_language", "da")
    people.make_people()
    folder = stats_dataset.build(functional_portal)
    with api.env.adopt_roles(["Manager"]):
        for number, department in enumerate(["Nøjsomhed", "=HYPERLINK(1)"]):
            application = api.content.create(
                folder["gaarde"],
                "Application",
                id=f"a-extra-{number}",
                title="extra",
                applicant=f"extra{number}",
                constituency="resident",
                department=department,
            )
            stats_dataset.set_state(application, "accepted")
    transaction.commit()
    return functional_portal


@pytest.fixture
def get(site, request_factory):
    def call(path, api_call=True, **params):
        session = request_factory(api=api_call, basic_auth=("staff1", people.PASSWORD))
        return session.get(path, params=params)

    return call


@pytest.mark.parametrize(
    "path, api_call",
    [
        ("/@participation?format=csv", True),
        ("/grupper/@@participation-dashboard/figures.csv", False),
        ("/grupper/@@participation-dashboard?format=csv", False),
    ],
)
def test_downloads_open_in_danish_excel(get, path, api_call):
    response = get(path, api_call)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = as_excel(response.content)
    assert rows[0] == ["Nøgletal", "Opdeling", "Værdi"]
    assert ["Deltagere efter afdeling", "Nøjsomhed", "1"] in rows
    assert ["Deltagere efter afdeling", "'=HYPERLINK(1)", "1"] in rows
    assert ["Grupper efter status", "Afsluttet", "1"] in rows
    assert [
        "Dage fra gruppens start til bestyrelsens beslutning",
        "Median",
        "85,5",
    ] in rows
    assert [
        "Gennemførelse af vedtagne anbefalinger",
        "Gennemsnitlig fremdrift (%)",
        "70",
    ] in rows


@pytest.mark.parametrize(
    "path, api_call",
    [
        ("/@participation", True),
        ("/grupper/@@participation-dashboard/figures.csv", False),
    ],
)
def test_machine_downloads(get, path, api_call):
    response = get(path, api_call, format="csv", dialect="machine")
    assert response.status_code == 200
    rows = as_program(response.content)
    assert rows[0] == ["figure", "key", "value"]
    assert ["participants_by_department", "'=HYPERLINK(1)", "1"] in rows
    assert ["implementation", "average_progress", "70.0"] in rows


def test_rest_refuses_an_unknown_dialect(get):
    response = get("/@participation", format="csv", dialect="xlsx")
    assert response.status_code == 400
    assert response.json()["error"] == {
        "type": "BadRequest",
        "message": "dialect skal være excel eller machine",
        "field": "dialect",
    }


def test_dashboard_refuses_an_unknown_dialect(get):
    response = get("/grupper/@@participation-dashboard/figures.csv", False, dialect="x")
    assert response.status_code == 400
    assert "text/csv" not in response.headers["Content-Type"]


def test_dashboard_writes_danish_numbers(get):
    response = get("/grupper/@@participation-dashboard", False)
    assert response.status_code == 200
    text = " ".join(re.sub(r"<[^>]+>", " ", response.text).split())
    assert "Gennemsnitlig fremdrift i gennemførelsen: 70 %" in text
    assert (
        "Dage fra start til bestyrelsens beslutning: median 85,5, gennemsnit 85,5,"
        " grupper 2." in text
    )
    assert "Dage fra start til første anbefaling: median 60, gennemsnit 60," in text
    assert "70.0" not in text
    assert "85.5" not in text
