"""Dates as the figures read them, from catalog metadata or from an object."""

from DateTime import DateTime
from datetime import date
from datetime import datetime


def as_date(value):
    """A date from a DateTime, datetime or date, else None."""
    if value is None:
        return None
    if isinstance(value, DateTime):
        # Plone's "no date" placeholders (year 1000 or 2499) are not dates.
        if value.year() < 1001 or value.year() > 2498:
            return None
        return value.asdatetime().date()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return None
