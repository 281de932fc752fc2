"""Requests that broke Zope below the add-on's services: a 4xx, never a 5xx.

PATCH and DELETE through ++api++ without a JSON Accept header are tested on
the test server; the unknown method and the multipart body without boundary
are refused by the WSGI middleware of the instance's pipeline, tested
around the real Zope application and through the pipeline's configuration.
"""

from ..helpers import REQUEST_TIMEOUT
from .roads import as_user_fixture  # noqa: F401
from .roads import fresh
from .roads import PASSWORD
from .roads import site_fixture  # noqa: F401
from paste.deploy import loadfilter
from pathlib import Path
from threeb.opgavegrupper.wsgi import RefuseUnreadableRequests
from zope.globalrequest import getRequest
from zope.globalrequest import setRequest
from ZPublisher.WSGIPublisher import publish_module

import pytest
import requests
import webtest


TEMPLATES = Path(__file__).parents[2] / "scripts" / "templates"


def api_url(portal, path):
    return portal.absolute_url() + "/++api++" + path


@pytest.mark.parametrize("portal_type", ["TaskGroup", "Meeting"])
def test_patch_through_api_without_accept(functional_portal, site, portal_type):
    response = requests.patch(
        api_url(functional_portal, site[portal_type]),
        json={"title": "Nyt navn"},
        auth=("staff1", PASSWORD),
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 204, response.text
    assert fresh(site[portal_type]).title == "Nyt navn"


def test_patch_through_api_without_accept_still_checks_the_body(
    functional_portal, site
):
    response = requests.patch(
        api_url(functional_portal, site["Meeting"]),
        data=b"[1]",
        headers={"Content-Type": "application/json"},
        auth=("staff1", PASSWORD),
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "body"


def test_patch_through_api_by_who_may_not(functional_portal, site):
    response = requests.patch(
        api_url(functional_portal, site["Meeting"]),
        json={"title": "Nyt navn"},
        auth=("resident1", PASSWORD),
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 401, response.text
    assert fresh(site["Meeting"]).title == "Første møde"


def test_delete_through_api_without_accept(functional_portal, site):
    response = requests.delete(
        api_url(functional_portal, site["Meeting"]),
        auth=("staff1", PASSWORD),
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 204, response.text
    assert "moede" not in fresh(site["TaskGroup"]).objectIds()


def test_delete_through_api_by_who_may_not(functional_portal, site):
    response = requests.delete(
        api_url(functional_portal, site["Meeting"]),
        auth=("resident1", PASSWORD),
        timeout=REQUEST_TIMEOUT,
    )
    assert response.status_code == 401, response.text
    assert "moede" in fresh(site["TaskGroup"]).objectIds()


@pytest.fixture
def zope_app(functional_portal):
    """The real Zope application behind the middleware, called in-process."""
    request = getRequest()
    yield webtest.TestApp(RefuseUnreadableRequests(publish_module))
    # The publisher clears the global request it set for each call.
    setRequest(request)


@pytest.mark.parametrize("method", ["QUERY", "FOO", "TRACE"])
def test_unknown_method_is_405(zope_app, method):
    response = zope_app.request("/plone", method=method, expect_errors=True)
    assert response.status_int == 405
    assert "GET" in response.headers["Allow"]
    error = response.json["error"]
    assert error["type"] == "MethodNotAllowed"
    assert method in error["message"]


def test_unknown_method_in_danish(zope_app):
    response = zope_app.request(
        "/plone",
        method="QUERY",
        headers={"Accept-Language": "da,en;q=0.5"},
        expect_errors=True,
    )
    assert response.status_int == 405
    assert "understøttes ikke" in response.json["error"]["message"]


@pytest.mark.parametrize("path", ["/plone/++api++", "/plone"])
def test_multipart_without_boundary_is_400(zope_app, path):
    response = zope_app.post(
        path,
        params=b"--x\r\n",
        headers={"Content-Type": "multipart/form-data"},
        expect_errors=True,
    )
    assert response.status_int == 400
    error = response.json["error"]
    assert error["type"] == "BadRequest"
    assert "boundary" in error["message"]


def test_known_requests_pass_through(zope_app):
    assert zope_app.get("/plone").status_int == 200
    response = zope_app.post(
        "/plone/@@search",
        params=b'--xyz\r\nContent-Disposition: form-data; name="SearchableText"'
        b"\r\n\r\nvask\r\n--xyz--\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert response.status_int == 200


def test_the_instance_pipeline_has_the_middleware(tmp_path):
    ini = tmp_path / "zope.ini"
    ini.write_text(
        (TEMPLATES / "zope.ini.in")
        .read_text()
        .replace("<<INSTANCE_HOME>>", str(tmp_path))
    )
    pipeline = ini.read_text().split("[pipeline:main]")[1]
    assert "refuse_unreadable" in pipeline
    factory = loadfilter(f"config:{ini}", name="refuse_unreadable")
    assert isinstance(factory(publish_module), RefuseUnreadableRequests)
