"""A JWT stops working when its holder logs out or renews it."""

from ..helpers import REQUEST_TIMEOUT
from .conftest import EVIL
from .conftest import login
from threeb.opgavegrupper.hardening.setup import configure_jwt

import requests


def get_mine(portal_url, token):
    return requests.get(
        f"{portal_url}/++api++/@my-taskgroups",
        headers={"Accept": "application/json", "Authorization": f"Bearer {token}"},
        timeout=REQUEST_TIMEOUT,
    )


def post(portal_url, name, token):
    return requests.post(
        f"{portal_url}/++api++/{name}",
        headers={"Accept": "application/json", "Authorization": f"Bearer {token}"},
        timeout=REQUEST_TIMEOUT,
    )


def test_install_makes_the_plugin_store_tokens(portal):
    assert portal.acl_users.jwt_auth.store_tokens is True


def test_configure_jwt_on_a_site_that_did_not_store_them(portal):
    plugin = portal.acl_users.jwt_auth
    plugin.store_tokens = False
    plugin._tokens = None
    assert configure_jwt(portal) is True
    assert plugin.store_tokens is True
    assert plugin._tokens is not None
    # Again: nothing changes, stored tokens stay.
    plugin._tokens["someone"] = {}
    assert configure_jwt(portal) is True
    assert "someone" in plugin._tokens


def test_configure_jwt_without_the_plugin(portal):
    portal.acl_users.manage_delObjects(["jwt_auth"])
    assert configure_jwt(portal) is False


def test_logout_revokes_the_token(site, portal_url):
    session, token = login(portal_url, "resident1")
    session.close()
    assert get_mine(portal_url, token).status_code == 200
    response = post(portal_url, "@logout", token)
    assert response.status_code == 204, response.text
    assert get_mine(portal_url, token).status_code == 401


def test_renew_replaces_the_token(site, portal_url):
    # Even in the second the old token was issued (restapi's would be the
    # same string and revoke itself).
    session, old = login(portal_url, "resident1")
    session.close()
    response = post(portal_url, "@login-renew", old)
    assert response.status_code == 200, response.text
    new = response.json()["token"]
    assert new != old
    assert get_mine(portal_url, new).status_code == 200
    assert get_mine(portal_url, old).status_code == 401


def test_renew_twice_and_logout(site, portal_url):
    session, first = login(portal_url, "resident1")
    session.close()
    second = post(portal_url, "@login-renew", first).json()["token"]
    third = post(portal_url, "@login-renew", second).json()["token"]
    assert get_mine(portal_url, third).status_code == 200
    assert post(portal_url, "@logout", third).status_code == 204
    for token in (first, second, third):
        assert get_mine(portal_url, token).status_code == 401


def test_renew_without_login_is_401(site, portal_url):
    response = requests.post(
        f"{portal_url}/++api++/@login-renew",
        headers={"Accept": "application/json"},
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 401


def test_login_again_while_the_cookie_is_set(site, cookie, portal_url):
    response = cookie("resident1").post(
        f"{portal_url}/@login",
        json={"login": "resident1", "password": "secret-pw-1"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200, response.text
    assert get_mine(portal_url, response.json()["token"]).status_code == 200


def test_renew_with_the_cookie_from_this_site(site, cookie, portal_url, own_origin):
    session = cookie("resident1")
    response = session.post(
        f"{portal_url}/++api++/@login-renew",
        data="{}",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Origin": own_origin,
        },
    )
    assert response.status_code == 200, response.text
    refused = session.post(
        f"{portal_url}/++api++/@login-renew",
        data="{}",
        headers={"Content-Type": "text/plain", "Origin": EVIL},
    )
    assert refused.status_code == 403


def test_logout_with_the_cookie_from_this_site(site, cookie, portal_url, own_origin):
    session = cookie("resident1")
    response = session.post(
        f"{portal_url}/++api++/@logout",
        data="{}",
        headers={
            "Accept": "application/json",
            "Content-Type": "application/json",
            "Origin": own_origin,
        },
    )
    assert response.status_code == 204, response.text
    # The response expired the cookie, so the session holds none.
    assert "__ac" not in session.cookies
    mine = session.get(
        f"{portal_url}/++api++/@my-taskgroups", headers={"Accept": "application/json"}
    )
    assert mine.status_code == 401
