"""The demo site's entrance: front page, title, logo, portlet; and uninstall."""

from plone import api
from plone.app.portlets.utils import assignment_mapping_from_key
from plone.app.textfield.value import RichTextValue
from plone.formwidget.namedfile.converter import b64decode_file
from plone.portlets.constants import CONTEXT_CATEGORY
from threeb.opgavegrupper.portlets.meetings import Assignment

import pytest


@pytest.fixture
def demo_portal(acceptance):
    return acceptance["portal"]


def right_column(portal):
    return assignment_mapping_from_key(
        portal, "plone.rightcolumn", CONTEXT_CATEGORY, "/"
    )


def run_demo_profile():
    api.portal.get_tool("portal_setup").runAllImportStepsFromProfile(
        "profile-threeb.opgavegrupper:demo"
    )


def test_front_page_is_the_entrance(demo_portal):
    assert demo_portal.getLayout() == "opgavegrupper-forside"
    fti = api.portal.get_tool("portal_types")["Plone Site"]
    assert "opgavegrupper-forside" in fti.view_methods


def test_the_association_s_own_words(demo_portal):
    text = demo_portal.text.raw
    assert "midlertidige, hurtigtarbejdende politiske arbejdsgrupper" in text
    assert "invitere beboerne ind i beslutningsrummet" in text


def test_title_and_logo_are_the_organisation_s(demo_portal):
    name = api.portal.get_registry_record("threeb.opgavegrupper.organisation_name")
    assert name == "Boligforeningen 3B"
    assert demo_portal.Title() == name
    assert api.portal.get_registry_record("plone.site_title") == name
    filename, data = b64decode_file(api.portal.get_registry_record("plone.site_logo"))
    assert filename == "logo.svg"
    assert data.startswith(b"<svg")


def test_meetings_portlet_instead_of_plone_s_events(demo_portal):
    mapping = right_column(demo_portal)
    assert "events" not in mapping
    assert isinstance(mapping["kommende-moeder"], Assignment)
    assert list(mapping)[0] == "kommende-moeder"


def test_demo_profile_again_keeps_what_people_changed(demo_portal):
    demo_portal.text = RichTextValue("<p>Vores egen tekst.</p>", "text/html")
    api.portal.set_registry_record(
        "plone.site_logo", b"filenameb64:eC5wbmc=;datab64:eA=="
    )
    run_demo_profile()
    assert demo_portal.text.raw == "<p>Vores egen tekst.</p>"
    assert api.portal.get_registry_record("plone.site_logo").startswith(
        b"filenameb64:eC5wbmc="
    )
    assert list(right_column(demo_portal)).count("kommende-moeder") == 1


def test_uninstall_leaves_a_root_that_works(demo_portal):
    from plone.base.utils import get_installer

    get_installer(demo_portal).uninstall_product("threeb.opgavegrupper")
    # The site type's own default view, which needs no add-on.
    fti = api.portal.get_tool("portal_types")["Plone Site"]
    assert demo_portal.getLayout() == fti.default_view
    assert "kommende-moeder" not in right_column(demo_portal)
    assert "TaskGroupFolder" not in api.portal.get_registry_record(
        "plone.displayed_types"
    )
    user_actions = api.portal.get_tool("portal_actions")["user"].objectIds()
    assert not {
        "mine-opgavegrupper",
        "board-desk",
        "participation-dashboard",
        "anonymise-applications",
        "erase-person",
    } & set(user_actions)


def test_the_demo_has_a_meeting_ahead_for_everyone(demo_portal):
    # The entrance's next meetings and the Kommende møder portlet show
    # something on a fresh demo site, as anonymous visitors see it.
    from threeb.opgavegrupper.overview.entrance import upcoming_meetings

    with api.env.adopt_roles(["Anonymous"]):
        titles = [brain.Title for brain in upcoming_meetings(5)]
    assert titles == ["Gennemlæsning af de nye breve"]
