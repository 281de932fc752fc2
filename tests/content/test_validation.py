"""Bad input is refused with a clear field error, in the form and over REST."""

from plone import api
from plone.app.testing import setRoles
from plone.app.testing import TEST_USER_ID

import ast
import pytest
import transaction


def field_errors(response):
    # plone.restapi sends the list of errors as its Python repr in "message".
    return ast.literal_eval(response.json()["message"])


VALID = {
    "@type": "TaskGroup",
    "title": "Affaldssortering",
    "summary": "Bedre affaldssortering i gårdene",
    "theme": "Grøn omstilling",
    "start": "2026-01-05",
    "deadline": "2026-05-01",
}


@pytest.fixture
def folder_url(functional_portal):
    setRoles(functional_portal, TEST_USER_ID, ["Manager"])
    folder = api.content.create(functional_portal, "TaskGroupFolder", id="grupper")
    transaction.commit()
    return folder.absolute_url()


@pytest.mark.parametrize(
    "change,field",
    [
        ({"deadline": "2026-01-01"}, "deadline"),
        ({"seats_resident": -1}, "seats_resident"),
        ({"summary": "x" * 301}, "summary"),
        ({"theme": "Ukendt tema"}, "theme"),
        ({"departments": ["Ukendt afdeling"]}, "departments"),
        ({"signup_deadline": "2026-06-01"}, "signup_deadline"),
    ],
)
def test_rest_refuses_bad_task_group(
    manager_request, folder_url, functional_portal, change, field
):
    response = manager_request.post("/grupper", json={**VALID, **change})
    assert response.status_code == 400, response.text
    errors = field_errors(response)
    assert field in [error.get("field") for error in errors], errors
    transaction.begin()
    assert functional_portal["grupper"].objectIds() == []


def test_rest_accepts_good_task_group(manager_request, folder_url, functional_portal):
    response = manager_request.post(
        "/grupper", json={**VALID, "departments": ["Tingbjerg"], "seats_resident": 6}
    )
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["theme"]["title"] == "Grøn omstilling"
    assert data["seats_resident"] == 6
    assert data["summary"] == "Bedre affaldssortering i gårdene"


def test_rest_refuses_bad_edit_and_keeps_old_values(
    manager_request, folder_url, functional_portal
):
    created = manager_request.post("/grupper", json=VALID)
    assert created.status_code == 201, created.text
    url = created.json()["@id"].split("++api++")[-1]
    response = manager_request.patch(url, json={"seats_staff": -3, "title": "Nyt"})
    assert response.status_code == 400
    assert [error["field"] for error in field_errors(response)] == ["seats_staff"]
    transaction.begin()
    group = functional_portal["grupper"].objectValues()[0]
    assert group.title == "Affaldssortering"
    assert group.seats_staff == 1


def _add_form(context, request, data):
    request.form.update(data)
    view = context.restrictedTraverse("++add++TaskGroup")
    form = view.form_instance
    form.update()
    _data, errors = form.extractData()
    return form, errors


FORM_VALID = {
    "form.widgets.title": "Vaskeriet",
    "form.widgets.summary": "Nye tider i vaskeriet",
    "form.widgets.theme": ["udlejning"],
    "form.widgets.theme-empty-marker": "1",
    "form.widgets.start": "2026-02-01",
    "form.widgets.deadline": "2026-04-01",
    "form.widgets.seats_org_board": "1",
    "form.widgets.seats_department_board": "1",
    "form.widgets.seats_resident": "3",
    "form.widgets.seats_staff": "1",
    "form.widgets.seats_external": "0",
}


@pytest.fixture
def folder(portal):
    setRoles(portal, TEST_USER_ID, ["Manager"])
    return api.content.create(portal, "TaskGroupFolder", id="grupper")


def test_form_accepts_good_input(folder, http_request):
    _form, errors = _add_form(folder, http_request, FORM_VALID)
    assert errors == ()


@pytest.mark.parametrize(
    "change,field",
    [
        ({"form.widgets.seats_resident": "-2"}, "seats_resident"),
        ({"form.widgets.summary": "x" * 301}, "summary"),
        ({"form.widgets.theme": ["no-such-theme"]}, "theme"),
    ],
)
def test_form_field_error(folder, http_request, change, field):
    form, errors = _add_form(folder, http_request, {**FORM_VALID, **change})
    assert [error.widget.field.__name__ for error in errors if error.widget] == [field]


def test_form_deadline_before_start(folder, http_request):
    form, errors = _add_form(
        folder, http_request, {**FORM_VALID, "form.widgets.deadline": "2026-01-01"}
    )
    messages = [str(error.message) for error in errors]
    assert "The deadline must be after the start." in messages
