"""The score under each readable field of the add and edit forms, in Danish."""

from .conftest import OFFICIAL
from plone import api

import lxml.html
import pytest
import transaction


@pytest.fixture
def danish(texts):
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    return texts


def region(html, widget_id):
    """The text of the field's status region, and the element."""
    page = lxml.html.fromstring(html)
    (found,) = page.xpath(f'//*[@id="{widget_id}-readability"]')
    return " ".join(found.text_content().split()), found


def test_the_edit_form_scores_the_stored_texts(session_as, danish):
    response = session_as("staff1", api=False).get("/grupper/vaskeri/edit")
    assert response.status_code == 200
    summary, element = region(response.text, "form-widgets-summary")
    assert element.get("role") == "status"
    assert summary.startswith("LIX 6: meget let. LIX måler, hvor let en tekst er")
    # The warning is there for the live update, hidden under the limit.
    warning = element.xpath('.//*[@class="readability-warning"]')[0]
    assert warning.get("hidden") is not None
    challenge, element = region(response.text, "form-widgets-challenge")
    assert challenge.startswith("LIX 87: meget svær.")
    assert "Sværere end grænsen på 40: skriv kortere sætninger" in challenge
    warning = element.xpath('.//*[@class="readability-warning"]')[0]
    assert warning.get("hidden") is None
    # The field's own description stays; the script comes once.
    assert response.text.count("readability.js") == 1


def test_the_add_form_says_when_the_score_comes(session_as, danish):
    response = session_as("staff1", api=False).get("/grupper/++add++TaskGroup")
    assert response.status_code == 200
    summary, _element = region(response.text, "form-widgets-summary")
    assert summary.startswith("LIX vises, når teksten har ord.")


def test_a_recommendation_scores_its_summary_only(session_as, danish):
    response = session_as("staff1", api=False).get("/grupper/vaskeri/udkast/edit")
    assert response.status_code == 200
    summary, _element = region(response.text, "form-widgets-summary")
    assert summary.startswith("LIX 69,7: meget svær.")
    assert 'id="form-widgets-recommendation-readability"' not in response.text


def test_a_form_sent_back_scores_the_text_just_sent(session_as, danish):
    browser = session_as("staff1", api=False)
    page = lxml.html.fromstring(browser.get("/grupper/vaskeri/edit").text)
    (form,) = [f for f in page.forms if f.get("id") == "form"]
    values = dict(form.form_values())
    values["form.widgets.summary"] = OFFICIAL
    values["form.widgets.title"] = ""  # required: the form comes back
    values["form.buttons.save"] = "Gem"
    response = browser.post("/grupper/vaskeri/edit", data=values)
    assert response.status_code == 200
    summary, _element = region(response.text, "form-widgets-summary")
    assert summary.startswith("LIX 87: meget svær.")
    transaction.begin()
    assert danish["vaskeri"].summary != OFFICIAL


def test_other_forms_get_no_score(session_as, danish):
    response = session_as("staff1", api=False).get("/grupper/vaskeri/kommissorium/edit")
    assert response.status_code == 200
    assert "opgavegrupper-readability" not in response.text


def test_the_script_is_served(session_as):
    response = session_as(api=False).get(
        "/++resource++threeb.opgavegrupper.readability/readability.js"
    )
    assert response.status_code == 200
    assert "@readability" in response.text or "readabilityUrl" in response.text
