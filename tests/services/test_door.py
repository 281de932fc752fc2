"""Text and bodies bad on every road are refused at the door: a 400 naming
the field, before any service runs, and nothing stored.

Found by a hostile client: a lone surrogate stored in a mandate question
made the question vocabulary and every new recommendation a 500; a deeply
nested body was a 500 while logging the caller in; a key given twice lost
its first value; a list as ``@type`` was a 500.
"""

from .roads import as_user_fixture  # noqa: F401
from .roads import fresh
from .roads import site_fixture  # noqa: F401
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD

import pytest


@pytest.fixture
def admin(request_factory):
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


def raw(session, method, path, body):
    return session.request(
        method,
        path,
        data=body.encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
    )


@pytest.mark.parametrize(
    "body,field",
    [
        ('{"questions": ["Q\\ud800?"]}', "questions"),
        ('{"title": "a\\u0000b"}', "title"),
        ('{"title": "A", "title": "B"}', "title"),
        ('{"milestones": [{"title": "x\\udfff"}]}', "milestones"),
        ("[" * 40 + "]" * 40, "body"),
    ],
)
def test_bad_text_in_a_patch_is_400_naming_the_field(site, admin, body, field):
    before = fresh(site["Mandate"]).title
    response = raw(admin, "PATCH", site["Mandate"], body)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == field
    mandate = fresh(site["Mandate"])
    assert mandate.title == before
    assert mandate.questions == ["Hvor?"]


def test_a_body_too_deep_for_python_is_400_also_for_anonymous(site, request_factory):
    # Met while plone.restapi's JWT plugin reads the body to log in.
    anonymous = request_factory()
    response = raw(anonymous, "PATCH", site["TaskGroup"], "[" * 5000 + "]" * 5000)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "body"


def test_a_body_deeper_than_any_field_is_400(site, admin):
    response = raw(admin, "PATCH", site["TaskGroup"], "[" * 100 + "]" * 100)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "body"


def test_type_that_is_no_text_is_400(site, admin):
    response = raw(
        admin, "POST", site["folder"], '{"@type": ["TaskGroup"], "title": "t"}'
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "@type"


def test_bad_text_in_a_workflow_comment_is_400(site, admin):
    response = raw(
        admin,
        "POST",
        site["TaskGroup"] + "/@workflow/open_signup",
        '{"comment": "Velkommen \\ud800"}',
    )
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "comment"


def test_bad_text_in_a_parameter_is_400(site, request_factory):
    response = request_factory().get("/@search?SearchableText=%ed%a0%80")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "SearchableText"


def test_ordinary_text_passes(site, admin):
    response = raw(
        admin,
        "PATCH",
        site["Mandate"],
        '{"title": "Kommissorium \\u00e6\\u00f8\\u00e5\\n", "questions": ["Hvor?", "Hvorn\\u00e5r?\\tNu"]}',
    )
    assert response.status_code == 204
    assert fresh(site["Mandate"]).questions == ["Hvor?", "Hvornår?\tNu"]
