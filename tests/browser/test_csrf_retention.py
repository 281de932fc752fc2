"""@@anonymise-applications: run without the CSRF token, nothing is anonymised
and the page says so."""

from .participation.retention.conftest import make_scenario
from .participation.retention.conftest import PASSWORD
from DateTime import DateTime
from plone import api

import pytest
import re
import transaction


VIEW = "/@@anonymise-applications"
DONE = "3 applications anonymised."
STALE = "Nothing was anonymised: the page was too old. Please try again."


@pytest.fixture
def staff(functional_portal, request_factory):
    # Ended long enough ago that the view (which uses the real clock) acts.
    make_scenario(functional_portal, ended=DateTime() - 200)
    transaction.commit()
    browser = request_factory(api=False, basic_auth=("staff1", PASSWORD))
    browser.headers["Accept"] = "text/html"
    return browser


def text(response):
    return " ".join(response.text.split())


def anonymised():
    """Whether each application of the ended group is anonymised."""
    transaction.begin()  # see what the server committed
    group = api.portal.get()["grupper"]["vaskeriet"]
    return {
        bool(getattr(obj, "anonymised", False))
        for obj in group.objectValues()
        if obj.portal_type == "Application"
    }


def test_with_the_token_it_runs(staff):
    page = staff.get(VIEW)
    token = re.search(r'name="_authenticator"[^>]*value="([0-9a-f]+)"', page.text)[1]
    response = staff.post(VIEW, data={"_authenticator": token})
    assert DONE in text(response)
    assert anonymised() == {True}


@pytest.mark.parametrize("data", [{}, {"_authenticator": "0123456789abcdef"}])
def test_without_a_valid_token_nothing_is_anonymised(staff, data):
    response = staff.post(VIEW, data=data, allow_redirects=False)
    assert response.status_code == 403
    assert STALE in text(response)
    assert "statusmessage-error" in response.text
    assert DONE not in text(response)
    # The page again, with what is still due and a fresh token.
    assert "Due now: 3 applications." in text(response)
    assert 'name="_authenticator"' in response.text
    assert anonymised() == {False}
    assert DONE not in text(staff.get(VIEW))
