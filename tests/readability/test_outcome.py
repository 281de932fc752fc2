"""An outcome's plain-language texts are scored like the groups' own."""

from .conftest import EASY
from .conftest import HARD
from .conftest import OFFICIAL
from .conftest import PROPOSAL
from .test_forms import region
from plone import api

import pytest
import transaction


GROUP = "/grupper/vaskeri"


@pytest.fixture
def outcome(texts):
    with api.env.adopt_roles(["Manager"]):
        item = api.content.create(
            texts["vaskeri"],
            "Outcome",
            id="resultat",
            title="Nye vaskemaskiner",
            summary=EASY,
            proposed=PROPOSAL,
            decided=HARD,
            next_steps=OFFICIAL,
        )
        api.content.transition(item, transition="publish")
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    return item


def test_anonymous_reads_the_scores_of_a_published_outcome(session_as, outcome):
    response = session_as().get(f"{GROUP}/resultat/@readability")
    assert response.status_code == 200
    fields = response.json()["fields"]
    assert {name: field["lix"] for name, field in fields.items()} == {
        "summary": 6.0,
        "proposed": 79.0,
        "decided": 69.7,
        "next_steps": 87.0,
    }


def test_the_outcome_edit_form_scores_its_texts(session_as, outcome):
    response = session_as("staff1", api=False).get(f"{GROUP}/resultat/edit")
    assert response.status_code == 200
    summary, _element = region(response.text, "form-widgets-summary")
    assert summary.startswith("LIX 6: meget let.")
    steps, _element = region(response.text, "form-widgets-next_steps")
    assert steps.startswith("LIX 87: meget svær.")


def test_the_hardest_outcome_text_is_in_the_catalog(outcome):
    catalog = api.portal.get_tool("portal_catalog")
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Outcome")
    assert (brain.readability, brain.readability_field) == (87.0, "next_steps")
