"""Plone's editorial roles on the add-on's public content only.

Editor edits a public group's summary and challenge, in the Classic form and
through REST, and nothing else of it; none of the three roles sees an
application, a full roster or the participation figures, or writes a
decision record.
"""

from .conftest import helpers
from .conftest import make_editorial
from .conftest import REVIEWER
from .conftest import WRITER
from lxml import html as lxml_html
from plone import api
from threeb.opgavegrupper.participation import applications

import pytest
import transaction


GROUP = "/grupper/vaskeriet"
EDITORIAL_USERS = [WRITER, REVIEWER]


@pytest.fixture
def site(functional_portal):
    """A recruiting group with an application and a decided recommendation."""
    helpers.make_people()
    group = helpers.make_group(functional_portal)
    make_editorial(group.__parent__)
    application = applications.apply(
        group, api.user.get(userid="resident1"), {"constituency": "resident"}
    )
    with api.env.adopt_roles(["Manager"]):
        recommendation = api.content.create(
            group, "Recommendation", id="anbefaling", title="Faste tider", summary="x"
        )
    transaction.commit()
    return {
        "group": group,
        "application": f"{GROUP}/{application.getId()}",
        "recommendation": f"{GROUP}/{recommendation.getId()}",
    }


def fresh_group():
    transaction.begin()
    return api.portal.get()["grupper"]["vaskeriet"]


def test_editor_patches_the_public_texts(site, as_user):
    response = as_user(WRITER).patch(
        GROUP,
        json={
            "summary": "Klar tale om vaskeriet",
            "challenge": {"data": "<p>Ny tekst</p>", "content-type": "text/html"},
        },
    )
    assert response.status_code == 204, response.text
    group = fresh_group()
    assert group.summary == "Klar tale om vaskeriet"
    assert "Ny tekst" in group.challenge.raw


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("seats_resident", 9),
        ("title", "Nyt navn"),
        ("deadline", "2027-01-01"),
        ("contact", None),
        ("theme", "Drift"),
        # The behaviours' fields, which carry no write permission of their own.
        ("exclude_from_nav", True),
        ("image_caption", "Kapret"),
        ("id", "omdoebt"),
    ],
)
def test_editor_may_not_change_the_set_up(site, as_user, field, value):
    before = getattr(fresh_group(), field)
    response = as_user(WRITER).patch(GROUP, json={"summary": "Ny", field: value})
    assert response.status_code == 403, response.text
    assert response.json()["error"]["field"] == field
    group = fresh_group()
    assert getattr(group, field) == before
    assert group.summary == "Nye regler i vaskeriet"


def test_the_edit_form_shows_the_editor_the_public_texts_only(site, as_user):
    response = as_user(WRITER).get(GROUP + "/@@edit")
    assert response.status_code == 200
    assert 'name="form.widgets.summary"' in response.text
    assert 'name="form.widgets.challenge"' in response.text
    for field in ("title", "seats_resident", "start", "deadline", "contact"):
        assert f'name="form.widgets.{field}' not in response.text, field
    # Nor may they rename the group, or change its image or navigation.
    for name in (
        "IShortName.id",
        "IExcludeFromNavigation.exclude_from_nav",
        "ILeadImageBehavior.image",
        "ILeadImageBehavior.image_caption",
    ):
        # Shown (data-fieldname), not offered (an input's name).
        assert f' name="form.widgets.{name}' not in response.text, name


def test_the_editor_may_not_rename_the_group(site, as_user):
    session = as_user(WRITER)
    form = session.get(GROUP + "/object_rename")
    assert 'name="form.widgets.new_title"' not in form.text
    response = session.post(
        GROUP + "/object_rename",
        data={
            "form.widgets.new_id": "vaskeriet",
            "form.widgets.new_title": "Omdøbt af redaktør",
            "form.buttons.Rename": "Omdøb",
        },
        allow_redirects=False,
    )
    assert response.status_code == 401
    assert fresh_group().title == "Vaskeriet"


def test_staff_rename_the_group(site, as_user):
    form = as_user("staff1").get(GROUP + "/object_rename")
    assert form.status_code == 200
    assert 'name="form.widgets.new_title"' in form.text


def test_the_edit_form_shows_staff_the_whole_group(site, as_user):
    response = as_user("staff1").get(GROUP + "/@@edit")
    assert response.status_code == 200
    for field in ("title", "summary", "seats_resident", "start", "contact"):
        assert f'name="form.widgets.{field}' in response.text, field


def test_a_set_up_field_posted_by_the_editor_is_not_stored(site, as_user):
    session = as_user(WRITER)
    doc = lxml_html.fromstring(session.get(GROUP + "/@@edit").text)
    (form,) = (f for f in doc.forms if (f.action or "").endswith("@@edit"))
    values = dict(form.form_values())
    values["form.widgets.summary"] = "Kortere og klarere"
    # Fields the form does not offer, posted by hand.
    values["form.widgets.seats_resident"] = "40"
    values["form.widgets.title"] = "Kapret"
    values["form.buttons.save"] = "Gem"
    response = session.post(GROUP + "/@@edit", data=values)
    assert response.status_code == 200
    group = fresh_group()
    assert group.summary == "Kortere og klarere"
    assert group.seats_resident == 4
    assert group.title == "Vaskeriet"


def test_editor_does_not_edit_a_draft_group(site, as_user, in_state):
    in_state(site["group"], "draft")
    transaction.commit()
    response = as_user(WRITER).patch(GROUP, json={"summary": "Ny"})
    assert response.status_code == 401


@pytest.mark.parametrize("user_id", EDITORIAL_USERS)
def test_no_editorial_role_sees_an_application(site, as_user, user_id):
    session = as_user(user_id)
    assert session.get(site["application"]).status_code == 404
    # The list of a group's applications lists none of them.
    response = session.get(GROUP + "/@applications")
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert "resident1" not in response.text


@pytest.mark.parametrize("user_id", EDITORIAL_USERS)
def test_no_editorial_role_sees_more_of_the_roster_than_anonymous(
    site, as_user, request_factory, user_id
):
    anonymous = request_factory().get(GROUP + "/@roster").json()
    seen = as_user(user_id).get(GROUP + "/@roster").json()
    assert seen["full"] is False
    assert seen["constituencies"] == anonymous["constituencies"]


@pytest.mark.parametrize("user_id", EDITORIAL_USERS)
def test_no_editorial_role_gets_the_figures(site, as_user, user_id):
    response = as_user(user_id).get("/grupper/@participation")
    assert response.status_code == 403


@pytest.mark.parametrize("user_id", EDITORIAL_USERS)
def test_no_editorial_role_writes_a_decision_record(site, as_user, in_state, user_id):
    in_state(
        api.portal.get().unrestrictedTraverse(site["recommendation"][1:]), "adopted"
    )
    transaction.commit()
    response = as_user(user_id).patch(
        site["recommendation"], json={"decision_text": "Noget andet"}
    )
    assert response.status_code == 401
