"""A login on one instance holds on the other: JWT tokens and login cookies
are signed with keys kept in the database, not in one process."""

import pytest
import requests


SITE = "/Plone"
TIMEOUT = 600


@pytest.mark.slow
def test_a_login_on_one_instance_holds_on_the_other(cluster):
    # Back after test_cluster.py killed it (a no-op if it runs).
    cluster.processes[2] = cluster.start_instance(2) or cluster.processes[2]
    first, second = cluster.instance_url(1), cluster.instance_url(2)
    headers = {"Accept": "application/json"}

    login = requests.post(
        f"{first}{SITE}/@login",
        json={"login": "cluster-staff-1", "password": cluster.password},
        headers=headers,
        timeout=TIMEOUT,
    )
    assert login.status_code == 200, login.text
    token = login.json()["token"]
    me = requests.get(
        f"{second}{SITE}/@users/cluster-staff-1",
        headers={**headers, "Authorization": f"Bearer {token}"},
        timeout=TIMEOUT,
    )
    assert me.status_code == 200, me.text
    assert me.json()["id"] == "cluster-staff-1"

    browser = requests.Session()
    form = browser.post(
        f"{first}{SITE}/login",
        data={
            "__ac_name": "cluster-staff-1",
            "__ac_password": cluster.password,
            "form.submitted": "1",
            "buttons.login": "1",
        },
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    assert form.status_code == 302
    assert "__ac" in browser.cookies
    page = browser.get(
        f"{second}{SITE}/@users/cluster-staff-1", headers=headers, timeout=TIMEOUT
    )
    assert page.status_code == 200

    anonymous = requests.get(
        f"{second}{SITE}/@users/cluster-staff-1", headers=headers, timeout=TIMEOUT
    )
    assert anonymous.status_code == 401
