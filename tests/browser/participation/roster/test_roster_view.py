"""Classic UI: the @@roster page and the fragment the group page includes."""

from plone import api
from plone.app.testing import logout
from threeb.opgavegrupper.interfaces import IBrowserLayer
from zope.interface import alsoProvides

import pytest
import transaction


def render(group, user_id):
    alsoProvides(group.REQUEST, IBrowserLayer)
    if user_id is None:
        logout()
        html = group.restrictedTraverse("@@roster")()
    else:
        with api.env.adopt_user(username=user_id):
            html = group.restrictedTraverse("@@roster")()
    # One space for any run of whitespace, as a reader sees the text.
    return " ".join(html.split())


@pytest.mark.parametrize("user_id", [None, "outsider"])
def test_public_page_names_who_consented_and_counts_the_rest(group, user_id):
    html = render(group, user_id)
    assert "Anna Andersen" in html
    assert "Dorte Dahl" in html
    for hidden in ("Bjarne Bertelsen", "Carl Christensen", "Eva Ekstern"):
        assert hidden not in html
    assert "mailto:" not in html
    assert "Not named: 2" in html


@pytest.mark.parametrize("user_id", ["staff1", "chair1"])
def test_full_page_shows_names_and_addresses(group, user_id):
    html = render(group, user_id)
    for name in ("Bjarne Bertelsen", "Eva Ekstern"):
        assert name in html
    assert 'href="mailto:eva@raad.example"' in html
    assert "Not named" not in html


def test_fragment_is_the_list_without_the_page(group):
    # As the group page's template reaches it: context/@@roster/fragment.
    alsoProvides(group.REQUEST, IBrowserLayer)
    logout()
    html = " ".join(group.restrictedTraverse("@@roster/fragment")().split())
    assert html.startswith("<section")
    assert "<html" not in html
    assert "Anna Andersen" in html
    assert "3 of 3 seats taken" in html
    assert "0 of 1 seat taken" in html


def test_page_over_http_in_the_site_language(functional_group, request_factory):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    response = request_factory(api=False).get("/grupper/vaskeriet/@@roster")
    assert response.status_code == 200
    html = " ".join(response.text.split())
    assert "Ekstern rådgiver" in html
    assert "Anna Andersen" in html
    assert "Eva Ekstern" not in html
