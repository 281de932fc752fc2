"""Plone's own search page lists applications for those who may see them."""

from plone import api
from threeb.opgavegrupper.participation import applications

import transaction


def test_staff_search_page_with_applications(functional_portal, request_factory):
    from ..participation.conftest import make_group
    from ..participation.conftest import make_people

    make_people()
    group = make_group(functional_portal)
    applications.apply(
        group, api.user.get(userid="resident1"), {"constituency": "resident"}
    )
    api.user.create(email="s@example.org", username="staffer", password="secret-pw-1")
    api.user.grant_roles(username="staffer", roles=["Staff"])
    transaction.commit()
    browser = request_factory(api=False, basic_auth=("staffer", "secret-pw-1"))
    browser.headers["Accept"] = "text/html"
    response = browser.get("/@@search?portal_type=Application")
    assert response.status_code == 200
    assert 'id="search-results-number"' in response.text
