"""A meeting's start and end over REST: a time without offset is the site's
time zone (Europe/Copenhagen), on POST and PATCH, as the site's forms read it.
"""

from ..participation.conftest import make_group
from ..participation.conftest import make_people
from datetime import datetime
from plone import api

import pytest
import pytz
import re
import transaction


PASSWORD = "secret-pw-1"
COPENHAGEN = pytz.timezone("Europe/Copenhagen")


@pytest.fixture
def group_path(functional_portal):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    make_people()
    group = make_group(functional_portal)
    transaction.commit()
    return "/grupper/" + group.getId()


@pytest.fixture
def chair(request_factory):
    return request_factory(basic_auth=("chair1", PASSWORD))


@pytest.fixture
def chair_browser(request_factory):
    browser = request_factory(basic_auth=("chair1", PASSWORD), api=False)
    browser.headers["Accept"] = "text/html"
    return browser


def stored(path):
    """The meeting at ``path`` as the server committed it."""
    transaction.begin()
    return api.portal.get().unrestrictedTraverse(path.lstrip("/"))


def post_meeting(chair, group_path, **times):
    body = {"@type": "Meeting", "title": "Sommermøde", **times}
    response = chair.post(group_path, json=body)
    return response


def test_post_reads_a_time_without_offset_in_the_site_s_zone(
    chair, chair_browser, group_path
):
    response = post_meeting(
        chair, group_path, start="2027-06-10T17:00:00", end="2027-06-10T19:00:00"
    )
    assert response.status_code == 201, response.text
    meeting = stored(f"{group_path}/{response.json()['id']}")
    assert meeting.start == COPENHAGEN.localize(datetime(2027, 6, 10, 17, 0))
    assert meeting.end == COPENHAGEN.localize(datetime(2027, 6, 10, 19, 0))
    assert meeting.start.astimezone(pytz.utc).hour == 15
    assert str(meeting.start.tzinfo) == "Europe/Copenhagen"
    # The answer and the page say 17:00 too.
    assert response.json()["start"] == "2027-06-10T15:00:00+00:00"
    page = chair_browser.get(f"{group_path}/{meeting.getId()}")
    assert page.status_code == 200
    (shown,) = re.findall(
        r'<time datetime="2027-06-10T17:00:00\+02:00">([^<]*)</time>', page.text
    )
    # In the site's date format, whatever its language: 17:00 or 17.00.
    assert re.search(r"\b17[.:]00\b", shown), shown
    assert "2027" in shown


def test_winter_time_without_offset_is_plus_one(chair, group_path):
    response = post_meeting(
        chair, group_path, start="2028-01-10T17:00:00", end="2028-01-10T19:00:00"
    )
    assert response.status_code == 201, response.text
    meeting = stored(f"{group_path}/{response.json()['id']}")
    assert meeting.start.astimezone(pytz.utc) == pytz.utc.localize(
        datetime(2028, 1, 10, 16, 0)
    )


def test_a_time_with_offset_is_that_moment_kept_in_the_site_s_zone(chair, group_path):
    response = post_meeting(
        chair,
        group_path,
        start="2027-06-10T15:00:00Z",
        end="2027-06-10T19:00:00+02:00",
    )
    assert response.status_code == 201, response.text
    meeting = stored(f"{group_path}/{response.json()['id']}")
    assert meeting.start == COPENHAGEN.localize(datetime(2027, 6, 10, 17, 0))
    assert meeting.start.strftime("%H:%M") == "17:00"
    assert meeting.end.strftime("%H:%M") == "19:00"


def test_patch_reads_a_time_without_offset_in_the_site_s_zone(chair, group_path):
    response = post_meeting(
        chair,
        group_path,
        start="2027-06-10T17:00:00+02:00",
        end="2027-06-10T19:00:00+02:00",
    )
    path = f"{group_path}/{response.json()['id']}"
    response = chair.patch(
        path, json={"start": "2028-01-11T17:00:00", "end": "2028-01-11T18:30:00"}
    )
    assert response.status_code == 204, response.text
    meeting = stored(path)
    assert meeting.start == COPENHAGEN.localize(datetime(2028, 1, 11, 17, 0))
    assert meeting.end == COPENHAGEN.localize(datetime(2028, 1, 11, 18, 30))
    assert meeting.start.strftime("%H:%M") == "17:00"


@pytest.mark.parametrize(
    "value,words",
    [
        # The clocks go forward at 02:00 on 28 March 2027: 02:30 never is.
        ("2027-03-28T02:30:00", "does not exist in Europe/Copenhagen"),
        # They go back at 03:00 on 31 October 2027: 02:30 is there twice.
        ("2027-10-31T02:30:00", "occurs twice in Europe/Copenhagen"),
        ("10/06/2027 17:00", "ISO 8601"),
        (1781103600, "ISO 8601"),
    ],
)
def test_a_time_that_cannot_be_read_is_refused_by_name(chair, group_path, value, words):
    response = post_meeting(chair, group_path, start=value, end="2027-12-01T19:00:00")
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == "start"
    assert words in error["message"]
    transaction.begin()
    assert (
        "sommermode"
        not in api.portal.get().unrestrictedTraverse(group_path.lstrip("/")).objectIds()
    )


def test_the_ambiguous_time_with_its_offset_is_taken(chair, group_path):
    response = post_meeting(
        chair,
        group_path,
        start="2027-10-31T02:30:00+01:00",
        end="2027-10-31T04:00:00",
    )
    assert response.status_code == 201, response.text
    meeting = stored(f"{group_path}/{response.json()['id']}")
    assert meeting.start.astimezone(pytz.utc) == pytz.utc.localize(
        datetime(2027, 10, 31, 1, 30)
    )


def test_summer_time_after_2037_is_stored_and_shown_as_written(
    chair, chair_browser, group_path
):
    """pytz has no summer time after 2037; the site's rules (zoneinfo) do."""
    response = post_meeting(
        chair, group_path, start="2040-06-10T17:00:00", end="2040-06-10T19:00:00"
    )
    assert response.status_code == 201, response.text
    assert response.json()["start"] == "2040-06-10T15:00:00+00:00"
    meeting = stored(f"{group_path}/{response.json()['id']}")
    assert meeting.start.astimezone(pytz.utc) == pytz.utc.localize(
        datetime(2040, 6, 10, 15, 0)
    )
    # The stored wall time is the one written, in the site's named zone.
    assert meeting.start.strftime("%H:%M %z") == "17:00 +0200"
    assert meeting.start.tzinfo.zone == "Europe/Copenhagen"
    page = chair_browser.get(f"{group_path}/{meeting.getId()}")
    (shown,) = re.findall(
        r'<time datetime="2040-06-10T17:00:00\+02:00">([^<]*)</time>', page.text
    )
    assert re.search(r"\b17[.:]00\b", shown), shown


def test_the_first_day_of_1900_is_central_european_time(chair, group_path):
    """pytz reads 1900 as local mean time (+00:53); the zone was CET then."""
    response = post_meeting(
        chair, group_path, start="1900-01-01T00:00:00", end="1900-01-01T02:00:00"
    )
    assert response.status_code == 201, response.text
    assert response.json()["start"] == "1899-12-31T23:00:00+00:00"
    meeting = stored(f"{group_path}/{response.json()['id']}")
    assert meeting.start.strftime("%Y-%m-%d %H:%M %z") == "1900-01-01 00:00 +0100"


@pytest.mark.parametrize(
    "value,message",
    [
        ("0001-01-01T00:00:00", "At least 1900-01-01."),
        ("0001-01-01T00:00:00+01:00", "At least 1900-01-01."),
        ("1899-12-31T23:59:00", "At least 1900-01-01."),
        ("9999-12-31T23:59:00", "At most 2999-12-31."),
        # In Copenhagen it is already 3000-01-01.
        ("2999-12-31T23:30:00-05:00", "At most 2999-12-31."),
    ],
)
def test_patch_with_a_year_out_of_range_is_a_400_naming_start(
    chair, group_path, value, message
):
    response = post_meeting(
        chair, group_path, start="2027-06-10T17:00:00", end="2027-06-10T19:00:00"
    )
    path = f"{group_path}/{response.json()['id']}"
    response = chair.patch(path, json={"start": value})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert (error["field"], error["message"]) == ("start", message)
    assert stored(path).start == COPENHAGEN.localize(datetime(2027, 6, 10, 17, 0))
