"""POST @apply without a department takes the one the person registered with.

As the sign-up form shows it chosen; a body that names one, or says
``null``, keeps what it says. Over the real server.
"""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from plone import api

import pytest
import transaction


PASSWORD = "secret-pw-1"
APPLY = "/grupper/vaskeriet/@apply"


@pytest.fixture
def group(functional_portal):
    make_people()
    # resident1 registered in Tingbjerg; resident2 gave no department.
    api.user.get(userid="resident1").setMemberProperties({"department": "Tingbjerg"})
    group = make_group(functional_portal)
    transaction.commit()
    return group


@pytest.fixture
def as_user(request_factory, group):
    def session(user_id):
        return request_factory(basic_auth=(user_id, PASSWORD))

    return session


def applied(session, **body):
    response = session.post(APPLY, json={"constituency": "resident", **body})
    assert response.status_code == 201, response.text
    department = response.json()["department"]  # serialized as a term
    return department and department["title"]


def test_a_body_without_department_takes_the_member_s(as_user):
    assert applied(as_user("resident1")) == "Tingbjerg"


def test_a_body_naming_another_department_keeps_it(as_user):
    other = api.portal.get_registry_record("threeb.opgavegrupper.departments")[0]
    assert other != "Tingbjerg"
    assert applied(as_user("resident1"), department=other) == other


@pytest.mark.parametrize("none", [None, ""])
def test_a_body_saying_no_department_keeps_none(as_user, none):
    assert applied(as_user("resident1"), department=none) is None


def test_a_member_without_department_applies_without(as_user):
    assert applied(as_user("resident2")) is None


def test_a_department_no_longer_in_the_settings_is_left_out(as_user):
    # Staff removed it since: the person is not refused for a choice they
    # did not make.
    api.user.get(userid="resident2").setMemberProperties({"department": "Atlantis"})
    transaction.commit()
    assert applied(as_user("resident2")) is None


def test_a_wrong_department_in_the_body_is_still_refused(as_user):
    response = as_user("resident1").post(
        APPLY, json={"constituency": "resident", "department": "Atlantis"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "department"
