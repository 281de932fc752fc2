"""Application ids say nothing, and forbidden ones answer as unknown ones.

Ids are random, so nobody can compute the id of a person's application; and
someone who may not see an application gets the same 404 for its real id as
for an id that does not exist, on the REST API and the Classic UI.
"""

from .conftest import make_group
from .conftest import make_people
from plone import api
from threeb.opgavegrupper.participation import applications

import hashlib
import pytest
import re
import transaction


PASSWORD = "secret-pw-1"


@pytest.fixture
def app_path(functional_portal):
    make_people()
    group = make_group(functional_portal)
    with api.env.adopt_user(username="resident1"):
        application = applications.apply(
            group, api.user.get(username="resident1"), {"constituency": "resident"}
        )
    transaction.commit()
    return "/".join(application.getPhysicalPath()[2:])


def unknown(path):
    return path.rsplit("/", 1)[0] + "/application-0123456789abcdef"


def test_ids_are_random_and_not_derived_from_the_person(functional_portal, app_path):
    group = api.content.get(path="/grupper/vaskeriet")
    application_id = app_path.rsplit("/", 1)[1]
    assert re.fullmatch(r"application-[0-9a-f]{16}", application_id)
    old_style = hashlib.sha256(f"{group.UID()}:resident1".encode()).hexdigest()
    assert old_style[:12] not in application_id
    # A second application (after withdrawing) gets another random id.
    application = group[application_id]
    with api.env.adopt_user(username="resident1"):
        api.content.transition(application, transition="withdraw")
        again = applications.apply(
            group, api.user.get(username="resident1"), {"constituency": "resident"}
        )
    assert again.getId() != application_id
    assert not again.getId().startswith(application_id)


@pytest.mark.parametrize("who", [None, "resident2", "board1"])
def test_rest_forbidden_answers_as_unknown(request_factory, app_path, who):
    session = request_factory(basic_auth=(who, PASSWORD)) if who else request_factory()
    real = session.get(app_path)
    missing = session.get(unknown(app_path))
    assert missing.status_code == 404
    assert real.status_code == 404, real.text
    assert real.json()["type"] == missing.json()["type"] == "NotFound"
    assert "WWW-Authenticate" not in real.headers or (
        real.headers.get("WWW-Authenticate") == missing.headers.get("WWW-Authenticate")
    )
    # Writing roads alike.
    for method in ("patch", "delete"):
        real = getattr(session, method)(app_path, json={"motivation": "x"})
        missing = getattr(session, method)(unknown(app_path), json={"motivation": "x"})
        assert (real.status_code, missing.status_code) == (404, 404), real.text
    real = session.post(f"{app_path}/@workflow/withdraw", json={})
    missing = session.post(f"{unknown(app_path)}/@workflow/withdraw", json={})
    assert (real.status_code, missing.status_code) == (404, 404), real.text


@pytest.mark.parametrize("who", ["resident1", "staff1", "chair1"])
def test_rest_those_who_may_see_it_do(request_factory, app_path, who):
    response = request_factory(basic_auth=(who, PASSWORD)).get(app_path)
    assert response.status_code == 200, response.text
    assert response.json()["applicant"] == "resident1"


@pytest.mark.parametrize("who", [None, "resident2"])
def test_classic_forbidden_answers_as_unknown(request_factory, app_path, who):
    session = request_factory(api=False, basic_auth=(who, PASSWORD) if who else None)
    session.headers["Accept"] = "text/html"
    real = session.get(app_path, allow_redirects=False)
    missing = session.get(unknown(app_path), allow_redirects=False)
    assert missing.status_code == 404
    assert real.status_code == 404
    assert "Location" not in real.headers
    assert "resident1" not in real.text
    assert "Resident1 Hansen" not in real.text


def test_classic_the_applicant_sees_it(request_factory, app_path):
    session = request_factory(api=False, basic_auth=("resident1", PASSWORD))
    session.headers["Accept"] = "text/html"
    response = session.get(app_path)
    assert response.status_code == 200
    assert "Resident1 Hansen" in response.text


def test_other_refusals_keep_their_answer(request_factory, functional_portal):
    # A forbidden page that is no application still asks for a login.
    session = request_factory()
    response = session.get("/@users")
    assert response.status_code == 401
    classic = request_factory(api=False)
    classic.headers["Accept"] = "text/html"
    response = classic.get("/@@overview-controlpanel", allow_redirects=False)
    assert response.status_code == 302
    assert "login" in response.headers["Location"]


def test_applications_are_not_in_the_full_text_indexes(functional_portal, app_path):
    """Personal data stays out of site search, and new words (the random
    id) would make sign-ups at the same moment conflict on the lexicon."""
    catalog = api.portal.get_tool("portal_catalog")
    application_id = app_path.rsplit("/", 1)[1]
    hexpart = application_id.split("-", 1)[1]
    for index in ("SearchableText", "Description"):
        for word in (hexpart, "Resident1", "Hansen"):
            found = catalog.unrestrictedSearchResults(
                portal_type="Application", **{index: word}
            )
            assert list(found) == [], (index, word)
    # Still listed, with the name as metadata, for those who may see it.
    (brain,) = catalog.unrestrictedSearchResults(portal_type="Application")
    assert brain.getId == application_id
    assert brain.Title == "Resident1 Hansen"


@pytest.mark.parametrize("who", [None, "resident2"])
@pytest.mark.parametrize("api_request", [True, False])
@pytest.mark.parametrize("attribute", ["absolute_url", "getId", "getIcon", "Title"])
def test_public_attributes_answer_as_unknown(
    request_factory, app_path, who, api_request, attribute
):
    session = request_factory(
        api=api_request, basic_auth=(who, PASSWORD) if who else None
    )
    if not api_request:
        session.headers["Accept"] = "text/html"
    real = session.get(f"{app_path}/{attribute}", allow_redirects=False)
    missing = session.get(f"{unknown(app_path)}/{attribute}", allow_redirects=False)
    assert missing.status_code == 404
    assert real.status_code == 404, real.text
    assert "application-" not in real.text.replace(app_path.rsplit("/", 1)[1], "")


def test_rest_not_found_messages_differ_only_by_the_id(request_factory, app_path):
    session = request_factory()
    real = session.get(app_path).json()
    missing = session.get(unknown(app_path)).json()
    real_id, missing_id = (
        app_path.rsplit("/", 1)[1],
        unknown(app_path).rsplit("/", 1)[1],
    )
    assert real["message"].replace(real_id, "X") == missing["message"].replace(
        missing_id, "X"
    )
    assert real["context"] == missing["context"]


def test_the_applicant_still_reads_public_attributes(request_factory, app_path):
    session = request_factory(api=False, basic_auth=("resident1", PASSWORD))
    session.headers["Accept"] = "text/html"
    response = session.get(f"{app_path}/getId")
    assert response.status_code == 200, (response.url, response.text[:3000])
    assert response.text == app_path.rsplit("/", 1)[1]
