"""The Classic UI add and edit forms of a meeting read its times as REST
does: the site's zone by zoneinfo's rules, a day in 1900-2999, no time the
clocks skip or have twice (an error under the field, nothing stored); and
they have no sync_uid field."""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from datetime import datetime
from plone import api

import lxml.html
import pytest
import pytz
import transaction


PASSWORD = "secret-pw-1"
COPENHAGEN = pytz.timezone("Europe/Copenhagen")
GROUP = "/grupper/vaskeriet"


@pytest.fixture
def chair(functional_portal, request_factory):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    make_people()
    make_group(functional_portal)
    transaction.commit()
    browser = request_factory(basic_auth=("chair1", PASSWORD), api=False)
    browser.headers["Accept"] = "text/html"
    return browser


def form_of(response):
    page = lxml.html.fromstring(response.text)
    (form,) = [
        f
        for f in page.forms
        if f.get("id") == "form" or "form.buttons.save" in f.inputs
    ]
    return form


def post_form(browser, url, changes):
    response = browser.get(url)
    assert response.status_code == 200, response.text[:500]
    data = dict(form_of(response).form_values())
    data.update(changes)
    data["form.buttons.save"] = "Save"
    return browser.post(url, data=data, allow_redirects=False)


def add_meeting(chair, start, end, title="Sommermøde"):
    return post_form(
        chair,
        f"{GROUP}/++add++Meeting",
        {
            "form.widgets.IBasic.title": title,
            "form.widgets.IEventBasic.start": start,
            "form.widgets.IEventBasic.end": end,
        },
    )


def meeting_ids():
    transaction.begin()
    group = api.portal.get().unrestrictedTraverse(GROUP.lstrip("/"))
    return [obj.getId() for obj in group.objectValues() if obj.portal_type == "Meeting"]


def stored(meeting_id):
    transaction.begin()
    return api.portal.get().unrestrictedTraverse(f"grupper/vaskeriet/{meeting_id}")


def field_error(response, field):
    """The error shown under the field's widget."""
    page = lxml.html.fromstring(response.text)
    (widget,) = page.xpath(f'//*[@id="formfield-form-widgets-IEventBasic-{field}"]')
    return " ".join(
        node.text_content().strip()
        for node in widget.xpath('.//*[contains(@class, "invalid-feedback")]')
    )


@pytest.mark.parametrize(
    "start,end,field,message",
    [
        ("0001-01-01T10:00", "0001-01-01T12:00", "start", "At least 1900-01-01."),
        ("0001-01-01T00:00", "2027-01-01T12:00", "start", "At least 1900-01-01."),
        ("2027-06-10T17:00", "9999-12-31T12:00", "end", "At most 2999-12-31."),
        ("9999-12-31T10:00", "9999-12-31T12:00", "start", "At most 2999-12-31."),
        (
            "2027-03-28T02:30",
            "2027-03-28T03:30",
            "start",
            "2027-03-28T02:30:00 does not exist in Europe/Copenhagen",
        ),
        (
            "2027-10-31T02:30",
            "2027-10-31T04:00",
            "start",
            "2027-10-31T02:30:00 occurs twice in Europe/Copenhagen",
        ),
    ],
)
def test_the_add_form_refuses_a_time_rest_refuses(chair, start, end, field, message):
    response = add_meeting(chair, start, end)
    assert response.status_code == 200, response.text[:500]
    assert message in field_error(response, field)
    assert meeting_ids() == []


def test_the_add_form_stores_summer_time_after_2037(chair):
    response = add_meeting(chair, "2040-06-10T17:00", "2040-06-10T19:00")
    assert response.status_code == 302, response.text[:500]
    (meeting_id,) = meeting_ids()
    meeting = stored(meeting_id)
    assert meeting.start.astimezone(pytz.utc) == pytz.utc.localize(
        datetime(2040, 6, 10, 15, 0)
    )
    assert meeting.start.tzinfo.zone == "Europe/Copenhagen"
    # The edit form shows the time as written.
    page = chair.get(f"{GROUP}/{meeting_id}/@@edit")
    values = dict(form_of(page).form_values())
    assert values["form.widgets.IEventBasic.start"] == "2040-06-10T17:00"


def test_the_edit_form_refuses_the_night_the_clocks_go_forward(chair):
    add_meeting(chair, "2027-03-27T17:00", "2027-03-27T19:00")
    (meeting_id,) = meeting_ids()
    before = stored(meeting_id).start
    response = post_form(
        chair,
        f"{GROUP}/{meeting_id}/@@edit",
        {
            "form.widgets.IEventBasic.start": "2027-03-28T02:30",
            "form.widgets.IEventBasic.end": "2027-03-28T03:30",
        },
    )
    assert response.status_code == 200, response.text[:500]
    assert "does not exist in Europe/Copenhagen" in field_error(response, "start")
    assert stored(meeting_id).start == before


def test_the_forms_have_no_sync_uid(chair):
    add_meeting(chair, "2027-06-10T17:00", "2027-06-10T19:00")
    (meeting_id,) = meeting_ids()
    for url in (f"{GROUP}/++add++Meeting", f"{GROUP}/{meeting_id}/@@edit"):
        fields = form_of(chair.get(url)).fields.keys()
        assert not [name for name in fields if "sync_uid" in name], url


def test_a_posted_sync_uid_is_not_stored(chair):
    response = add_meeting(chair, "2027-06-10T17:00", "2027-06-10T19:00")
    (meeting_id,) = meeting_ids()
    uid = stored(meeting_id).UID()
    response = post_form(
        chair,
        f"{GROUP}/{meeting_id}/@@edit",
        {"form.widgets.IEventBasic.sync_uid": "fremmed@example.org"},
    )
    assert response.status_code == 302, response.text[:500]
    assert getattr(stored(meeting_id), "sync_uid", None) != "fremmed@example.org"
    assert stored(meeting_id).UID() == uid


def test_only_who_may_add_gets_the_add_form(chair, request_factory):
    anonymous = request_factory(api=False)
    anonymous.headers["Accept"] = "text/html"
    response = anonymous.get(f"{GROUP}/++add++Meeting", allow_redirects=False)
    assert response.status_code == 302, response.status_code
    assert meeting_ids() == []
