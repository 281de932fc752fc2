"""Dates and times as people read them: in the site's time zone, one format.

Everything the add-on writes for a person (pages, mails) goes through here,
in one of two forms:

- ``date_text``: a day, "30. november 2026";
- ``datetime_text``: a moment, "30. november 2026 kl. 17.00";

plus ``time_text`` ("17.00") for the end of a meeting on the same day.

The patterns are messages of the add-on's catalogue: the msgid is the
English form ("30 November 2026 at 17:00"), the Danish translation the
Danish one. Without a language the current request's language is used (on
the association's site: Danish); mails pass theirs.

Moments (``DateTime``, timezone-aware ``datetime``, ISO text with an
offset) are moved into the site's time zone before the day is taken: an
application sent at 00:59 on 30 November in Copenhagen (23:59 UTC on the
29th) reads "30. november". A ``date`` has no zone and is written as it is;
a naive ``datetime`` is taken as wall-clock time in the site's zone.
Machine-readable values (``<time datetime>``, JSON, CSV for programs) stay
ISO 8601 and do not come through here.
"""

from DateTime import DateTime
from datetime import date
from datetime import datetime
from plone.registry.interfaces import IRegistry
from threeb.opgavegrupper import _
from zoneinfo import ZoneInfo
from zoneinfo import ZoneInfoNotFoundError
from zope.component import queryUtility
from zope.globalrequest import getRequest
from zope.i18n import translate


# The association's own zone: used when the site names none (or a wrong one).
DEFAULT_ZONE = "Europe/Copenhagen"

MONTHS = (
    _("January"),
    _("February"),
    _("March"),
    _("April"),
    _("May"),
    _("June"),
    _("July"),
    _("August"),
    _("September"),
    _("October"),
    _("November"),
    _("December"),
)


def site_zone():
    """The site's time zone (the registry's ``plone.portal_timezone``)."""
    registry = queryUtility(IRegistry)
    # Outside a site (a script, a unit test) there is no registry.
    name = registry.get("plone.portal_timezone") if registry is not None else None
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_ZONE)


def _parse(value):
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace("Z", "+00:00")
        if not text:
            return None
        return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)
    if isinstance(value, DateTime):
        return value.asdatetime()
    return value


def local(value):
    """``value`` as a ``date`` or a timezone-aware ``datetime`` in the site's zone.

    Accepts a ``DateTime``, ``datetime``, ``date`` or ISO 8601 text; empty
    values give None. Raises ValueError for text that is no ISO date.
    """
    value = _parse(value)
    if value is None:
        return None
    if isinstance(value, datetime):
        zone = site_zone()
        if value.tzinfo is None:
            return value.replace(tzinfo=zone)
        return value.astimezone(zone)
    if isinstance(value, date):
        return value
    raise TypeError(f"not a date: {value!r}")


def local_date(value):
    """The day ``value`` falls on in the site's zone (a ``date``), or None."""
    value = local(value)
    if isinstance(value, datetime):
        return value.date()
    return value


def today():
    """Today's date in the site's zone (not the server's)."""
    return datetime.now(site_zone()).date()


def _tr(message, language):
    # An explicit language wins; otherwise the request's negotiated one.
    return translate(message, target_language=language, context=getRequest())


def date_text(value, language=None):
    """The day of ``value`` for people: "30. november 2026"; "" when empty."""
    day = local_date(value)
    if day is None:
        return ""
    return _tr(
        _(
            "${day} ${month} ${year}",
            mapping={
                "day": day.day,
                "month": _tr(MONTHS[day.month - 1], language),
                "year": day.year,
            },
        ),
        language,
    )


def time_text(value, language=None):
    """The clock time of ``value`` in the site's zone: "17.00"; "" for a day."""
    moment = local(value)
    if not isinstance(moment, datetime):
        return ""
    return _tr(
        _(
            "${hour}:${minute}",
            mapping={"hour": f"{moment.hour:02d}", "minute": f"{moment.minute:02d}"},
        ),
        language,
    )


def datetime_text(value, language=None):
    """A moment for people: "30. november 2026 kl. 17.00".

    A plain ``date`` has no time of day and gives ``date_text``.
    """
    moment = local(value)
    if moment is None:
        return ""
    if not isinstance(moment, datetime):
        return date_text(moment, language)
    return _tr(
        _(
            "${date} at ${time}",
            mapping={
                "date": date_text(moment, language),
                "time": time_text(moment, language),
            },
        ),
        language,
    )
