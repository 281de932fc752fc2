"""The staff-only view @@anonymise-applications and the zconsole script."""

from .conftest import PASSWORD
from AccessControl import Unauthorized
from pathlib import Path
from plone import api
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zope.interface import alsoProvides

import importlib.util
import pytest
import re
import transaction


VIEW = "/@@anonymise-applications"
SCRIPT = Path(__file__).resolve().parents[4] / "scripts" / "anonymise_applications.py"


@pytest.fixture
def browser_as(request_factory, functional_groups):
    def session(user_id):
        browser = request_factory(api=False, basic_auth=(user_id, PASSWORD))
        browser.headers["Accept"] = "text/html"
        return browser

    return session


def anna_application():
    transaction.begin()  # see what the server committed
    group = api.portal.get()["grupper"]["vaskeriet"]
    # Ids are random and anonymising drops the link to Anna: hers is the one
    # with her department, which stays.
    (anna,) = [
        app
        for app in group.objectValues()
        if getattr(app, "department", None) == "Tingbjerg"
    ]
    return anna


@pytest.mark.parametrize("user_id", ["anna", "bjarne"])
def test_a_resident_may_not_open_it(portal, groups, user_id):
    alsoProvides(portal.REQUEST, IBrowserLayer)
    with api.env.adopt_user(username=user_id), pytest.raises(Unauthorized):
        portal.restrictedTraverse("@@anonymise-applications")


def test_a_resident_is_refused_over_http(browser_as):
    session = browser_as("anna")
    response = session.get(VIEW, allow_redirects=False)
    assert response.status_code != 200
    assert "Due now" not in response.text
    response = session.post(VIEW, data={}, allow_redirects=False)
    assert response.status_code != 200
    assert anna_application().anonymised is False


def test_staff_see_what_is_due(browser_as):
    response = browser_as("staff1").get(VIEW)
    assert response.status_code == 200
    html = " ".join(response.text.split())
    assert "Due now: 3 applications." in html
    assert "Vaskeriet" in html
    assert "Haver" not in html
    assert anna_application().anonymised is False


def test_staff_run_it_with_the_token(browser_as):
    session = browser_as("staff1")
    page = session.get(VIEW)
    token = re.search(r'name="_authenticator"[^>]*value="([0-9a-f]+)"', page.text)[1]
    response = session.post(VIEW, data={"_authenticator": token})
    assert response.url.endswith(VIEW)
    html = " ".join(response.text.split())
    assert "3 applications anonymised." in html
    assert "No applications are due." in html
    assert anna_application().anonymised is True


def test_without_the_token_nothing_happens(browser_as):
    response = browser_as("staff1").post(VIEW, data={}, allow_redirects=False)
    assert response.status_code == 403
    assert anna_application().anonymised is False


def test_the_script_anonymises_and_commits(functional_app, functional_groups, capsys):
    spec = importlib.util.spec_from_file_location("anonymise_applications", SCRIPT)
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    done = script.main(functional_app, site_id="plone")
    assert [item["group"] for item in done] == ["/plone/grupper/vaskeriet"]
    assert "Anonymised 3 applications in 1 groups of plone." in capsys.readouterr().out
    assert anna_application().anonymised is True
    # Run again: nothing left to do.
    assert script.main(functional_app, site_id="plone") == []
