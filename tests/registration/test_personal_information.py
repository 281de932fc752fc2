"""Plone's personal-information form as a resident reads it, in Danish:
no department is "Ingen afdeling valgt", as on the sign-up form, and the
e-mail address is plainly read-only with a help text saying that the
site's administrators change it; they still edit it. Over the real server."""

from .conftest import FIELDS
from .conftest import PASSWORD
from .conftest import register
from lxml import html as lxml_html
from plone import api

import pytest
import transaction


NO_VALUE = "--NOVALUE--"


@pytest.fixture
def danish(functional_portal):
    # As the demo site is made (scripts/create_site.py): Danish only.
    api.portal.set_registry_record("plone.default_language", "da")
    api.portal.set_registry_record("plone.available_languages", ["da"])
    api.user.create(email="admin1@example.org", username="admin1", password=PASSWORD)
    api.user.grant_roles(username="admin1", roles=["Site Administrator"])
    register("anna")
    transaction.commit()


def session(request_factory, user_id):
    browser = request_factory(basic_auth=(user_id, PASSWORD), api=False)
    browser.headers["Accept-Language"] = "da"
    return browser


def the_form(page):
    assert page.status_code == 200, page.text[:2000]
    doc = lxml_html.fromstring(page.text)
    (form,) = doc.xpath('//form[.//*[@name="form.buttons.save"]]')
    return form


def email_field(form):
    (wrapper,) = form.xpath('.//*[@id="formfield-form-widgets-email"]')
    (field,) = wrapper.xpath('.//input[@name="form.widgets.email"]')
    return wrapper, field


def no_department_text(form):
    (option,) = form.xpath(
        f'.//select[@name="form.widgets.department:list"]/option[@value="{NO_VALUE}"]'
    )
    return option.text_content().strip()


def test_no_department_is_said_as_on_the_sign_up_form(request_factory, danish):
    form = the_form(session(request_factory, "anna").get("/@@personal-information"))
    assert no_department_text(form) == "Ingen afdeling valgt"
    assert "Ingen værdi" not in form.text_content()


def test_the_e_mail_address_is_plainly_read_only(request_factory, danish):
    form = the_form(session(request_factory, "anna").get("/@@personal-information"))
    wrapper, field = email_field(form)
    assert field.get("value") == "anna@example.org"
    assert field.get("readonly") == "readonly"
    classes = field.get("class").split()
    assert "form-control-plaintext" in classes
    assert "form-control" not in classes
    # The label still names the field, the help says who changes it.
    (label,) = wrapper.xpath(".//label")
    assert label.get("for") == field.get("id")
    assert not wrapper.xpath('.//*[contains(@class, "required")]')
    assert field.get("required") is None
    help_text = " ".join(wrapper.xpath('.//*[@class="form-text"]//text()'))
    assert "ændrer sidens administratorer den for dig" in help_text


def test_saving_the_form_as_it_is_filled_succeeds(request_factory, danish):
    browser = session(request_factory, "anna")
    form = the_form(browser.get("/@@personal-information"))
    values = dict(form.form_values())
    values["form.widgets.fullname"] = "Anna B. Hansen"
    values["form.buttons.save"] = "Gem"
    page = browser.post("/@@personal-information", data=values)
    assert page.status_code == 200
    assert "bed sidens administratorer" not in page.text
    transaction.begin()
    anna = api.user.get(userid="anna")
    assert anna.getProperty("fullname") == "Anna B. Hansen"
    assert anna.getProperty("email") == "anna@example.org"
    assert anna.getProperty("department") == FIELDS["department"]


def test_a_forged_change_of_the_address_is_still_refused(request_factory, danish):
    browser = session(request_factory, "anna")
    values = dict(the_form(browser.get("/@@personal-information")).form_values())
    values["form.widgets.email"] = "mallory@example.org"
    values["form.buttons.save"] = "Gem"
    page = browser.post("/@@personal-information", data=values)
    assert page.status_code == 200
    wrapper, _field = email_field(the_form(page))
    assert "error" in wrapper.get("class")
    transaction.begin()
    assert api.user.get(userid="anna").getProperty("email") == "anna@example.org"


def test_administrators_edit_a_person_s_address(request_factory, danish):
    browser = session(request_factory, "admin1")
    page = browser.get("/@@user-information?userid=anna")
    form = the_form(page)
    assert no_department_text(form) == "Ingen afdeling valgt"
    _wrapper, field = email_field(form)
    assert field.get("readonly") is None
    assert "form-control" in field.get("class").split()
    values = dict(form.form_values())
    values["form.widgets.email"] = "anna.hansen@example.org"
    values["form.buttons.save"] = "Gem"
    page = browser.post("/@@user-information?userid=anna", data=values)
    assert page.status_code == 200
    transaction.begin()
    assert api.user.get(userid="anna").getProperty("email") == (
        "anna.hansen@example.org"
    )


def test_administrators_edit_their_own_address(request_factory, danish):
    form = the_form(session(request_factory, "admin1").get("/@@personal-information"))
    _wrapper, field = email_field(form)
    assert field.get("readonly") is None
