"""Classic UI: Plone's registration form requires a resident's fields, and
the staff page decides with a valid token only. Over the real server."""

from .conftest import FIELDS
from .conftest import PASSWORD
from .conftest import sink_mailhost
from plone import api
from threeb.opgavegrupper.registration import requests

import pytest
import re
import transaction


TOKEN = re.compile(r'name="_authenticator"\s+(?:type="hidden"\s+)?value="([^"]+)"')


@pytest.fixture
def site(functional_portal):
    api.user.create(email="staff1@example.org", username="staff1", password=PASSWORD)
    api.group.add_user(groupname="medarbejdere", username="staff1")
    api.portal.set_registry_record("plone.enable_self_reg", True)
    # Mail is set up: Plone hides the form otherwise.
    with sink_mailhost(functional_portal):
        transaction.commit()
        yield functional_portal


def token(session, path):
    page = session.get(path)
    assert page.status_code == 200, page.text
    match = TOKEN.search(page.text)
    assert match, "no _authenticator on the page"
    return match.group(1)


def register_form(values):
    form = {f"form.widgets.{name}": value for name, value in values.items()}
    form["form.buttons.register"] = "Register"
    return form


@pytest.mark.parametrize(
    "left_out",
    ["fullname", "department", "address_or_tenancy", "privacy_accepted"],
)
def test_the_form_refuses_without_a_residents_field(request_factory, site, left_out):
    browser = request_factory(api=False)
    values = {
        "fullname": FIELDS["fullname"],
        "email": "anna@example.org",
        "username": "anna",
        "department": "tingbjerg",
        "address_or_tenancy": FIELDS["address_or_tenancy"],
        "privacy_accepted": "selected",
    }
    del values[left_out]
    form = register_form(values)
    form["_authenticator"] = token(browser, "/@@register")
    page = browser.post("/@@register", data=form)

    assert page.status_code == 200
    field = re.search(
        rf'<div[^>]+id="formfield-form-widgets-{left_out}"[^>]*>', page.text
    )
    assert field and "error" in field.group(0), page.text[:2000]
    transaction.begin()
    assert api.user.get(userid="anna") is None


def test_the_form_marks_the_residents_fields_required(request_factory, site):
    page = request_factory(api=False).get("/@@register").text
    for name in ("department", "address_or_tenancy", "privacy_accepted"):
        field = re.search(
            rf'<div[^>]+id="formfield-form-widgets-{name}"[^>]*>.*?</label>',
            page,
            re.S,
        )
        assert field and "required" in field.group(0), name


@pytest.fixture
def anna(site):
    registration = api.portal.get_tool("portal_registration")
    registration.addMember(
        "anna",
        PASSWORD,
        properties={**FIELDS, "username": "anna", "email": "anna@example.org"},
    )
    requests.start("anna")
    # As the mailed link does: a password set while waiting.
    api.portal.get_tool("acl_users").userSetPassword("anna", PASSWORD)
    transaction.commit()


@pytest.fixture
def staff(request_factory, anna):
    return request_factory(basic_auth=("staff1", PASSWORD), api=False)


def test_staff_page_refuses_a_decision_without_token(staff):
    page = staff.post(
        "/@@registration-requests",
        data={"user_id": "anna", "decision": "approve_resident"},
    )
    assert page.status_code == 403
    transaction.begin()
    assert requests.is_pending("anna")


def test_staff_page_rejects_only_with_a_message(staff):
    form = {
        "user_id": "anna",
        "decision": "reject",
        "message": "  ",
        "_authenticator": token(staff, "/@@registration-requests"),
    }
    page = staff.post("/@@registration-requests", data=form)
    assert page.status_code == 400
    assert 'id="message-1-error"' in page.text
    transaction.begin()
    assert requests.is_pending("anna")


def test_staff_page_approves_a_board_member_once_confirmed(staff):
    form = {
        "user_id": "anna",
        "decision": "approve_board",
        "_authenticator": token(staff, "/@@registration-requests"),
    }
    page = staff.post("/@@registration-requests", data=form)
    assert page.status_code == 400
    assert 'id="confirmed-1-error"' in page.text

    page = staff.post("/@@registration-requests", data={**form, "confirmed": "1"})
    assert page.status_code == 200
    transaction.begin()
    groups = {group.getId() for group in api.group.get_groups(username="anna")}
    assert "afdelingsbestyrelser" in groups
    assert "tilmeldte" not in groups


def test_staff_page_says_when_a_request_is_already_decided(staff):
    form = {
        "user_id": "anna",
        "decision": "approve_resident",
        "_authenticator": token(staff, "/@@registration-requests"),
    }
    requests.approve("anna")
    transaction.commit()
    page = staff.post("/@@registration-requests", data=form)
    assert page.status_code == 409
    assert "alert-danger" in page.text


def test_the_form_refuses_an_address_another_account_has(request_factory, site):
    browser = request_factory(api=False)
    form = register_form(
        {
            "fullname": FIELDS["fullname"],
            "email": "staff1@example.org",
            "username": "anna",
            "department": "tingbjerg",
            "address_or_tenancy": FIELDS["address_or_tenancy"],
            "privacy_accepted": "selected",
        }
    )
    form["_authenticator"] = token(browser, "/@@register")
    page = browser.post("/@@register", data=form)

    assert page.status_code == 200
    field = re.search(r'<div[^>]+id="formfield-form-widgets-email"[^>]*>', page.text)
    assert field and "error" in field.group(0), page.text[:2000]
    transaction.begin()
    assert api.user.get(userid="anna") is None


def test_the_register_button_has_one_id(request_factory, site):
    page = request_factory(api=False).get("/@@register").text
    ids = re.findall(r'\bid\s*=\s*["\']([^"\']+)["\']', page)
    assert ids.count("form-buttons-register") == 1, re.findall(
        r"<[^>]*form-buttons-register[^>]*>", page
    )
    form_ids = [name for name in ids if name.startswith("form")]
    assert not [name for name in set(form_ids) if form_ids.count(name) > 1]


def test_the_department_is_chosen_not_preselected(request_factory, site):
    page = request_factory(api=False).get("/@@register").text
    select = re.search(
        r'<select[^>]+name="form\.widgets\.department:list"[^>]*>(.*?)</select>',
        page,
        re.S,
    )
    assert select, page[:2000]
    first = re.search(r"<option([^>]*)>", select.group(1)).group(1)
    # The first option is the prompt, and it is what the form shows chosen.
    assert 'value="--NOVALUE--"' in first
    assert "selected" in first
