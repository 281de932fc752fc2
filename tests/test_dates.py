"""dates.py and numbers.py: the site's time zone and one Danish format."""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from datetime import UTC
from plone import api

import pytest
import pytz


COPENHAGEN = pytz.timezone("Europe/Copenhagen")


@pytest.fixture
def site(portal):
    # The fixture's site runs in UTC; the association's in Copenhagen.
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    return portal


@pytest.mark.parametrize(
    "value",
    [
        DateTime("2026/11/29 23:59:00 UTC"),
        DateTime("2026/11/30 00:59:00 GMT+1"),
        datetime(2026, 11, 29, 23, 59, tzinfo=UTC),
        COPENHAGEN.localize(datetime(2026, 11, 30, 0, 59)),
        "2026-11-29T23:59:00Z",
        "2026-11-30T00:59:00+01:00",
    ],
)
def test_a_moment_after_midnight_in_copenhagen_is_that_day(site, value):
    from threeb.opgavegrupper.dates import date_text
    from threeb.opgavegrupper.dates import datetime_text

    assert date_text(value, "da") == "30. november 2026"
    assert datetime_text(value, "da") == "30. november 2026 kl. 00.59"


def test_the_site_zone_decides(site):
    from threeb.opgavegrupper.dates import date_text

    api.portal.set_registry_record("plone.portal_timezone", "UTC")
    assert date_text(DateTime("2026/11/29 23:59:00 UTC"), "da") == "29. november 2026"


@pytest.mark.parametrize(
    "utc, written",
    [
        # Winter (CET, +1) and summer (CEST, +2): 17.00 on the wall either way.
        (datetime(2026, 1, 15, 16, 0), "15. januar 2026 kl. 17.00"),
        (datetime(2026, 7, 1, 15, 0), "1. juli 2026 kl. 17.00"),
        # The night the clocks go forward (29 March 2026, 02.00 → 03.00).
        (datetime(2026, 3, 29, 0, 59), "29. marts 2026 kl. 01.59"),
        (datetime(2026, 3, 29, 1, 0), "29. marts 2026 kl. 03.00"),
        # The night they go back (25 October 2026, 03.00 → 02.00).
        (datetime(2026, 10, 25, 0, 30), "25. oktober 2026 kl. 02.30"),
        (datetime(2026, 10, 25, 1, 30), "25. oktober 2026 kl. 02.30"),
        # New Year's Eve in UTC is New Year's Day in Copenhagen.
        (datetime(2026, 12, 31, 23, 30), "1. januar 2027 kl. 00.30"),
    ],
)
def test_summer_and_winter_time(site, utc, written):
    from threeb.opgavegrupper.dates import datetime_text

    assert datetime_text(utc.replace(tzinfo=UTC), "da") == written
    assert datetime_text(DateTime(utc.isoformat() + "+00:00"), "da") == written


def test_a_day_has_no_zone(site):
    from threeb.opgavegrupper.dates import date_text
    from threeb.opgavegrupper.dates import datetime_text

    assert date_text(date(2026, 11, 30), "da") == "30. november 2026"
    assert date_text("2026-11-30", "da") == "30. november 2026"
    # A day has no time of day to write.
    assert datetime_text(date(2026, 11, 30), "da") == "30. november 2026"


def test_a_naive_time_is_wall_clock_time_in_the_site_zone(site):
    from threeb.opgavegrupper.dates import datetime_text

    assert datetime_text(datetime(2026, 6, 1, 17, 0), "da") == "1. juni 2026 kl. 17.00"


def test_time_alone(site):
    from threeb.opgavegrupper.dates import time_text

    assert time_text("2026-06-01T15:05:00+00:00", "da") == "17.05"
    assert time_text(date(2026, 6, 1), "da") == ""


@pytest.mark.parametrize("empty", [None, "", "  "])
def test_nothing_is_written_for_no_date(site, empty):
    from threeb.opgavegrupper.dates import date_text
    from threeb.opgavegrupper.dates import datetime_text

    assert date_text(empty) == ""
    assert datetime_text(empty) == ""


def test_english_keeps_its_own_order(site):
    from threeb.opgavegrupper.dates import date_text
    from threeb.opgavegrupper.dates import datetime_text

    moment = DateTime("2026/11/29 23:59:00 UTC")
    assert date_text(moment, "en") == "30 November 2026"
    assert datetime_text(moment, "en") == "30 November 2026 at 00:59"


def test_every_month_has_its_danish_name(site):
    from threeb.opgavegrupper.dates import date_text

    names = [date_text(date(2026, month, 1), "da").split()[1] for month in range(1, 13)]
    assert names == [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ]


def test_without_a_site_the_zone_is_copenhagen():
    from threeb.opgavegrupper.dates import date_text
    from threeb.opgavegrupper.dates import site_zone

    assert site_zone().key == "Europe/Copenhagen"
    assert date_text(DateTime("2026/11/29 23:59:00 UTC")) == "30 November 2026"


def test_today_is_the_site_day(site):
    from threeb.opgavegrupper.dates import today

    # Asked between two readings of the clock: right even across midnight.
    before = datetime.now(COPENHAGEN).date()
    found = today()
    after = datetime.now(COPENHAGEN).date()
    assert found in (before, after)


@pytest.mark.parametrize(
    "value, danish, english",
    [
        (240, "240", "240"),
        (240.0, "240", "240"),
        (240.5, "240,5", "240.5"),
        (240.46, "240,5", "240.5"),
        (70.04, "70", "70"),
        (-0.04, "0", "0"),
        (-3.5, "-3,5", "-3.5"),
        (None, "", ""),
    ],
)
def test_numbers(portal, value, danish, english):
    from threeb.opgavegrupper.numbers import number_text

    assert number_text(value, "da") == danish
    assert number_text(value, "en") == english


@pytest.mark.parametrize(
    "value, danish, english",
    [(70.0, "70 %", "70%"), (70.5, "70,5 %", "70.5%"), (None, "", "")],
)
def test_percentages(portal, value, danish, english):
    from threeb.opgavegrupper.numbers import percent_text

    assert percent_text(value, "da") == danish
    assert percent_text(value, "en") == english
