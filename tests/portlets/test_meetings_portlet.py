"""The "Kommende møder" portlet: the next published meetings a visitor may see."""

from ..browser.frontpage.conftest import build
from ..browser.frontpage.conftest import make_people
from plone import api
from plone.app.portlets.utils import assignment_mapping_from_key
from plone.app.testing import logout
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.portlets.constants import CONTEXT_CATEGORY
from plone.portlets.interfaces import IPortletManager
from plone.portlets.interfaces import IPortletRenderer
from plone.portlets.interfaces import IPortletType
from plone.testing.zope import Browser
from threeb.opgavegrupper.portlets import meetings
from zope.component import getMultiAdapter
from zope.component import getUtility
from zope.i18n import translate

import pytest
import transaction


NAME = "threeb.opgavegrupper.UpcomingMeetings"


@pytest.fixture
def folder(portal):
    make_people()
    return build(portal)


def renderer(context, count=5, view_name="@@plone"):
    request = context.REQUEST
    view = context.restrictedTraverse(view_name)
    manager = getUtility(IPortletManager, name="plone.rightcolumn", context=context)
    assignment = meetings.Assignment(count=count)
    return getMultiAdapter(
        (context, request, view, manager, assignment), IPortletRenderer
    )


def titles(rows):
    return [row["title"] for row in rows]


def test_portlet_type_is_offered_in_the_columns(portal):
    portlet = getUtility(IPortletType, name=NAME)
    assert portlet.addview == NAME
    assert "plone.app.portlets.interfaces.IColumn" in [
        interface.__identifier__ for interface in portlet.for_
    ]


def test_title_is_danish():
    title = meetings.Assignment().title
    assert translate(title, target_language="da") == "Kommende møder"


def test_anonymous_see_the_next_published_meetings(portal, folder):
    logout()
    portlet = renderer(folder)
    portlet.update()
    assert portlet.available
    # Not the past one, the internal one or the one of a draft group.
    assert titles(portlet.meetings()) == ["Møde naeste", "Møde senere"]
    html = portlet.render()
    assert 'id="opgavegrupper-portlet-meetings-heading"' in html
    assert "Møde naeste" in html
    assert "Gruppe arbejder" in html
    assert 'href="webcal://' in html


def test_staff_see_the_draft_group_s_published_meeting(portal, folder):
    with api.env.adopt_user(username="staff1"):
        portlet = renderer(folder)
        assert titles(portlet.meetings()) == [
            "Møde naeste",
            "Møde skjult",
            "Møde senere",
        ]


def test_count_limits_the_list(portal, folder):
    logout()
    assert titles(renderer(folder, count=1).meetings()) == ["Møde naeste"]


def test_not_shown_without_meetings(portal):
    logout()
    assert not renderer(portal).available


def test_not_shown_on_the_front_page_which_lists_them(portal, folder):
    logout()
    assert renderer(folder).available
    assert not renderer(portal, view_name="@@opgavegrupper-forside").available


@pytest.fixture
def manager_browser(app, functional_portal):
    browser = Browser(app)
    browser.handleErrors = False
    browser.addHeader("Authorization", f"Basic {SITE_OWNER_NAME}:{SITE_OWNER_PASSWORD}")
    return browser


def add_url(portal):
    return f"{portal.absolute_url()}/++contextportlets++plone.rightcolumn/+/{NAME}"


def test_add_form_adds_the_portlet(manager_browser, functional_portal):
    manager_browser.open(add_url(functional_portal))
    manager_browser.getControl(name="form.widgets.count").value = "3"
    manager_browser.getControl(name="form.buttons.add").click()
    transaction.begin()
    mapping = assignment_mapping_from_key(
        functional_portal, "plone.rightcolumn", CONTEXT_CATEGORY, "/"
    )
    added = [a for a in mapping.values() if isinstance(a, meetings.Assignment)]
    assert [a.count for a in added] == [3]


@pytest.mark.parametrize(
    "count,message", [("0", "Value is too small"), ("21", "Value is too big")]
)
def test_add_form_refuses_a_count_out_of_range(
    manager_browser, functional_portal, count, message
):
    manager_browser.open(add_url(functional_portal))
    manager_browser.getControl(name="form.widgets.count").value = count
    manager_browser.getControl(name="form.buttons.add").click()
    assert message in manager_browser.contents
    transaction.begin()
    mapping = assignment_mapping_from_key(
        functional_portal, "plone.rightcolumn", CONTEXT_CATEGORY, "/"
    )
    assert not [a for a in mapping.values() if isinstance(a, meetings.Assignment)]
