"""The figures count a moment on the day it was in the site's time zone."""

from DateTime import DateTime
from datetime import datetime
from datetime import UTC
from plone import api
from threeb.opgavegrupper.stats.dates import as_date


def test_half_past_midnight_in_copenhagen_is_the_next_day(portal):
    api.portal.set_registry_record("plone.portal_timezone", "Europe/Copenhagen")
    # 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen.
    assert str(as_date(DateTime("2026-11-30T23:30:00+00:00"))) == "2026-12-01"
    moment = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    assert str(as_date(moment)) == "2026-12-01"


def test_placeholders_are_no_dates(portal):
    assert as_date(DateTime("1000/01/01")) is None
    assert as_date(DateTime("2499/12/31")) is None
