"""The LIX limit: a setting of the control panel, in @controlpanels and @registry."""

from plone import api

import pytest
import transaction


RECORD = "threeb.opgavegrupper.readability_threshold"
PANEL = "/@controlpanels/opgavegrupper-settings"


@pytest.fixture
def admin(functional_portal, request_factory):
    api.user.create(email="a@example.org", username="admin1", password="secret-pw-1")
    api.user.grant_roles(username="admin1", roles=["Site Administrator"])
    transaction.commit()
    return request_factory(basic_auth=("admin1", "secret-pw-1"))


def test_default_is_40(portal):
    assert api.portal.get_registry_record(RECORD) == 40


def test_the_settings_form_shows_it_in_danish(portal, http_request):
    from plone.app.testing import setRoles
    from plone.app.testing import TEST_USER_ID
    from threeb.opgavegrupper.controlpanel.interfaces import IOpgavegrupperSettings
    from zope.i18n import translate

    setRoles(portal, TEST_USER_ID, ["Site Administrator"])
    html = api.content.get_view("opgavegrupper-settings", portal, http_request)()
    assert 'name="form.widgets.readability_threshold"' in html
    field = IOpgavegrupperSettings["readability_threshold"]
    assert translate(field.title, target_language="da") == "Grænse for læsbarhed (LIX)"
    assert translate(field.description, target_language="da").startswith(
        "Redigeringsformularerne advarer"
    )


def test_read_and_changed_through_controlpanels(admin, manager_request):
    assert admin.get(PANEL).json()["data"]["readability_threshold"] == 40
    response = admin.patch(PANEL, json={"readability_threshold": 35})
    assert response.status_code == 204
    transaction.begin()
    assert api.portal.get_registry_record(RECORD) == 35
    # plone.restapi's @registry is for Managers.
    assert manager_request.get(f"/@registry/{RECORD}").json() == 35


@pytest.mark.parametrize("value", ["35", 35.5, True, None, -1, 101])
def test_bad_values_are_refused(admin, value):
    response = admin.patch(PANEL, json={"readability_threshold": value})
    assert response.status_code == 400
    assert "readability_threshold" in response.text
    transaction.begin()
    assert api.portal.get_registry_record(RECORD) == 40


def test_residents_cannot_change_it(admin, request_factory):
    api.user.create(email="r@example.org", username="resident1", password="secret-pw-1")
    api.group.add_user(groupname="beboere", username="resident1")
    transaction.commit()
    resident = request_factory(basic_auth=("resident1", "secret-pw-1"))
    response = resident.patch(PANEL, json={"readability_threshold": 80})
    assert response.status_code == 401
    transaction.begin()
    assert api.portal.get_registry_record(RECORD) == 40


def test_the_forms_and_rest_follow_it(admin, request_factory):
    from .conftest import make_group
    from .conftest import OFFICIAL

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(api.portal.get(), "TaskGroupFolder", id="grupper")
        make_group(folder, "g", OFFICIAL)
    transaction.commit()
    assert admin.patch(PANEL, json={"readability_threshold": 90}).status_code == 204
    data = request_factory().get("/grupper/g/@readability").json()
    assert data["threshold"] == 90
    assert data["fields"]["summary"]["above_threshold"] is False
