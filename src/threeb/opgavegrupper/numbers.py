"""Numbers as people read them: "240", "240,5", "70 %".

One rule everywhere the add-on writes a figure for a person: a whole number
has no decimals ("240", never "240.0"), any other number one decimal
("70,5"). The decimal mark and the percent sign come from the catalogue
(msgid the English form, translation the Danish "70,5 %"), in the current
request's language unless a language is given. Machine-readable output
(JSON, the machine CSV) keeps plain Python numbers.
"""

from threeb.opgavegrupper import _
from zope.globalrequest import getRequest
from zope.i18n import translate


def _tr(message, language):
    return translate(message, target_language=language, context=getRequest())


def split(value, decimals=1):
    """(whole, fraction) digits of ``value`` rounded; fraction "" when whole.

    ``split(240.0) == ("240", "")``, ``split(240.46) == ("240", "5")``,
    ``split(-0.04) == ("0", "")``.
    """
    text = f"{round(float(value), decimals):.{decimals}f}"
    whole, _dot, fraction = text.partition(".")
    if not fraction.strip("0"):
        # int() also makes "-0" (from -0.04) a plain "0".
        return str(int(whole)), ""
    return whole, fraction.rstrip("0")


def number_text(value, language=None, decimals=1):
    """``value`` for people: 240 → "240", 240.5 → "240,5"; None → ""."""
    if value is None or value == "":
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    whole, fraction = split(value, decimals)
    if not fraction:
        return whole
    return _tr(
        _("${whole}.${fraction}", mapping={"whole": whole, "fraction": fraction}),
        language,
    )


def percent_text(value, language=None):
    """A percentage for people: 70.0 → "70 %", 70.5 → "70,5 %"; None → ""."""
    if value is None or value == "":
        return ""
    return _tr(
        _("${number}%", mapping={"number": number_text(value, language)}),
        language,
    )
