"""REST basics over a real WSGI server: JWT login and the settings panel."""

from ..helpers import REQUEST_TIMEOUT
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import requests
import transaction


def test_jwt_login_and_bearer_token(functional_portal):
    url = functional_portal.absolute_url()
    response = requests.post(
        f"{url}/@login",
        json={"login": SITE_OWNER_NAME, "password": SITE_OWNER_PASSWORD},
        headers={"Accept": "application/json"},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 200, response.text
    token = response.json()["token"]
    response = requests.get(
        f"{url}/@controlpanels/opgavegrupper-settings",
        headers={"Accept": "application/json", "Authorization": f"Bearer {token}"},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 200, response.text
    assert response.json()["data"]["organisation_name"] == "Boligforeningen 3B"


def test_settings_listed_in_controlpanels(manager_request):
    response = manager_request.get("/@controlpanels")
    assert response.status_code == 200
    ids = [panel["@id"].rsplit("/", 1)[-1] for panel in response.json()]
    assert "opgavegrupper-settings" in ids


def test_site_administrator_updates_settings_over_rest(
    functional_portal, request_factory
):
    api.user.create(email="s@example.org", username="siteadmin", password="secret-pw-1")
    api.user.grant_roles(username="siteadmin", roles=["Site Administrator"])
    transaction.commit()
    session = request_factory(basic_auth=("siteadmin", "secret-pw-1"))
    response = session.patch(
        "/@controlpanels/opgavegrupper-settings",
        json={"themes": ["Udlejning", "Tryghed"], "public_transparency": False},
    )
    assert response.status_code == 204, response.text
    transaction.begin()
    assert api.portal.get_registry_record("threeb.opgavegrupper.themes") == [
        "Udlejning",
        "Tryghed",
    ]
    assert (
        api.portal.get_registry_record("threeb.opgavegrupper.public_transparency")
        is False
    )


def test_anonymous_cannot_read_settings(anon_request):
    response = anon_request.get("/@controlpanels/opgavegrupper-settings")
    assert response.status_code == 401


def test_resident_cannot_change_settings(functional_portal, request_factory):
    api.user.create(email="r@example.org", username="resident1", password="secret-pw-1")
    api.group.add_user(groupname="beboere", username="resident1")
    transaction.commit()
    session = request_factory(basic_auth=("resident1", "secret-pw-1"))
    response = session.patch(
        "/@controlpanels/opgavegrupper-settings", json={"themes": ["Hacked"]}
    )
    assert response.status_code == 401
    transaction.begin()
    assert "Hacked" not in api.portal.get_registry_record("threeb.opgavegrupper.themes")


def test_bad_retention_days_is_a_400_naming_the_field(manager_request):
    response = manager_request.patch(
        "/@controlpanels/opgavegrupper-settings", json={"retention_days": -5}
    )
    assert response.status_code == 400
    assert "retention_days" in response.text


def test_vocabulary_served(manager_request):
    response = manager_request.get("/@vocabularies/threeb.opgavegrupper.Themes")
    assert response.status_code == 200
    tokens = [item["token"] for item in response.json()["items"]]
    assert "gron-omstilling" in tokens
