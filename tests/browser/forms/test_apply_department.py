"""The sign-up form shows the department the person registered with chosen.

Over the real server: the person may still choose another department, or
none, and what they send is what the application keeps.
"""

from ...participation.conftest import make_group
from ...participation.conftest import make_people
from lxml import html as lxml_html
from plone import api
from threeb.opgavegrupper.participation import applications
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory

import pytest
import transaction


PASSWORD = "secret-pw-1"
APPLY = "/grupper/vaskeriet/@@apply"
NO_VALUE = "--NOVALUE--"


@pytest.fixture
def group(functional_portal):
    make_people()
    # resident1 registered in Tingbjerg; resident2 gave no department.
    api.user.get(userid="resident1").setMemberProperties({"department": "Tingbjerg"})
    group = make_group(functional_portal)
    transaction.commit()
    return group


@pytest.fixture
def browser_as(request_factory, group):
    def session(user_id):
        return request_factory(api=False, basic_auth=(user_id, PASSWORD))

    return session


def the_form(response):
    doc = lxml_html.fromstring(response.text)
    (form,) = (f for f in doc.forms if (f.action or "").endswith("@@apply"))
    return form


def chosen_department(response):
    select = the_form(response).inputs["form.widgets.department:list"]
    return select.value


def sent(session, group, department):
    """Send the form as the page fills it, the department as given."""
    form = the_form(session.get(APPLY))
    values = dict(form.form_values())
    values["form.widgets.constituency:list"] = "resident"
    values["form.widgets.department:list"] = department
    values["form.buttons.apply"] = "Send"
    response = session.post(APPLY, data=values)
    assert response.status_code == 200, response.text[:2000]
    transaction.begin()  # see what the server committed
    brains = applications.applications(group)
    assert len(brains) == 1
    return brains[0].getObject().department


def department_token(department):
    """The form's token of a department of the settings."""
    vocabulary = getUtility(IVocabularyFactory, "threeb.opgavegrupper.Departments")
    return vocabulary(api.portal.get()).getTerm(department).token


def test_the_registered_department_is_chosen(browser_as):
    response = browser_as("resident1").get(APPLY)
    assert response.status_code == 200
    assert chosen_department(response) == "tingbjerg"


def test_without_a_department_nothing_is_chosen(browser_as):
    response = browser_as("resident2").get(APPLY)
    assert response.status_code == 200
    assert chosen_department(response) == NO_VALUE


def test_a_department_no_longer_in_the_settings_is_not_chosen(browser_as):
    api.user.get(userid="resident2").setMemberProperties({"department": "Atlantis"})
    transaction.commit()
    response = browser_as("resident2").get(APPLY)
    assert response.status_code == 200
    assert chosen_department(response) == NO_VALUE


def test_the_chosen_department_is_kept(browser_as, group):
    assert sent(browser_as("resident1"), group, "tingbjerg") == "Tingbjerg"


def test_the_person_may_choose_another(browser_as, group):
    other = api.portal.get_registry_record("threeb.opgavegrupper.departments")[0]
    assert other != "Tingbjerg"
    token = department_token(other)
    assert sent(browser_as("resident1"), group, token) == other


def test_the_person_may_choose_none(browser_as, group):
    assert sent(browser_as("resident1"), group, NO_VALUE) is None


def test_a_refused_form_keeps_the_person_s_choice(browser_as):
    session = browser_as("resident1")
    values = dict(the_form(session.get(APPLY)).form_values())
    values["form.widgets.department:list"] = NO_VALUE
    values["form.widgets.motivation"] = "x" * 1001  # too long: the form again
    values["form.buttons.apply"] = "Send"
    response = session.post(APPLY, data=values)
    assert response.status_code == 200
    assert chosen_department(response) == NO_VALUE
