"""The add-on's settings, stored as registry records.

The limits are declared here, where both the Classic UI form (z3c.form) and
plone.restapi's ``@controlpanels`` validate with them; the constraints are
checked by both as well. A theme or department that a group (or an
application) uses cannot be removed: the vocabulary would
lose a value the content still holds.
"""

from plone import api
from plone.registry.interfaces import IRegistry
from threeb.opgavegrupper import _
from zope import schema
from zope.component import queryUtility
from zope.interface import Interface
from zope.schema.interfaces import ValidationError

import re


NAME_MAX_LENGTH = 200
TERM_MAX_LENGTH = 100
TERMS_MAX_COUNT = 200
EMAIL_MAX_LENGTH = 254
RETENTION_MAX_DAYS = 3650
# LIX of real texts lies between about 10 and 80 (readability/lix.py).
READABILITY_MAX = 100
# A sender address as SMTP takes it (an addr-spec, RFC 5321): ASCII, the
# local part as dot-atoms, a domain of labels with a dot; no name, angle
# brackets, commas or spaces ("<x@y.dk>" went out as "From: <>").
ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
EMAIL = re.compile(
    rf"^{ATOM}(?:\.{ATOM})*@(?:{LABEL}\.)+(?:[A-Za-z]{{2,63}}|xn--[A-Za-z0-9-]{{1,59}})$"
)


DEFAULT_THEMES = [
    "Udlejning",
    "Grøn omstilling",
    "Fællesskab og trivsel",
    "Kommunikation",
    "Økonomi",
    "Vedligeholdelse og byggeri",
]

DEFAULT_DEPARTMENTS = [
    "Bellahøj",
    "Hvidovre",
    "Kildevæld",
    "Lundtoftegade",
    "Nøjsomhed",
    "Tingbjerg",
]


class SettingError(ValidationError):
    """A value the setting cannot take; the message says why."""

    def doc(self):
        # z3c.form and plone.restapi both show doc(): the message, not the
        # class's docstring.
        return self.args[0]


def _current(name):
    # The schema checks its defaults when it is built, before any site (and
    # registry) exists: nothing is in use then.
    registry = queryUtility(IRegistry)
    if registry is None:
        return None
    return registry.get(f"threeb.opgavegrupper.{name}")


def _terms(values):
    return {(value or "").strip() for value in values or ()} - {""}


def _themes_in_use():
    catalog = api.portal.get_tool("portal_catalog")
    return set(catalog.uniqueValuesFor("theme"))


def _departments_in_use():
    catalog = api.portal.get_tool("portal_catalog")
    used = set(catalog.uniqueValuesFor("departments"))
    # An application names one department; the catalog keeps it as metadata.
    for brain in catalog.unrestrictedSearchResults(portal_type="Application"):
        used.add(getattr(brain, "department", None))
    used.discard(None)
    return used


def _keeps_used_terms(name, in_use, empty_message, used_message):
    def constraint(value):
        if not _terms(value):
            raise SettingError(empty_message)
        removed = _terms(_current(name)) - _terms(value)
        still_used = sorted(removed & in_use()) if removed else []
        if still_used:
            raise SettingError(
                _(used_message, mapping={"terms": ", ".join(still_used)})
            )
        return True

    return constraint


class RecordValueError(SettingError):
    """A SettingError of a value written to the registry record
    ``record_name`` (answered over REST as a 400 naming the record)."""

    def __init__(self, message, record_name):
        super().__init__(message)
        self.record_name = record_name


def check_record(check, value, record_name):
    """Run a setting's ``check`` on a value written to its registry record.

    plone.registry's copy of a field keeps no constraint, so a write through
    ``@registry`` meets the check only in the add-on's event subscriber.
    Raises RecordValueError (a SettingError: the control panels' own
    handling of it stays) naming the record.
    """
    try:
        return check(value)
    except RecordValueError:
        raise
    except SettingError as error:
        raise RecordValueError(error.args[0], record_name) from error


def has_text(value):
    """A name is more than spaces: it becomes the site's title and logo."""
    if not (value or "").strip():
        raise SettingError(_("Enter the organisation's name."))
    return True


def is_sender_address(value, required=False):
    """The one check of a sender address, in the add-on's settings and in
    Plone's mail settings: a bare address (name@example.org). Empty is
    refused if ``required`` (Plone's), else it means "the site's"."""
    if not value:
        if required:
            raise SettingError(_("Enter an e-mail address such as name@example.org."))
        return True
    if (
        not isinstance(value, str)
        or len(value) > EMAIL_MAX_LENGTH
        or not EMAIL.match(value)
    ):
        raise SettingError(
            _("Enter an e-mail address such as name@example.org.")
            if required
            else _(
                "Enter an e-mail address such as name@example.org, or leave it empty."
            )
        )
    return True


def is_email_or_empty(value):
    """The constraint of the add-on's sender address."""
    return is_sender_address(value)


class IOpgavegrupperSettings(Interface):
    """Settings an association adapts to its own organisation."""

    organisation_name = schema.TextLine(
        title=_("Name of the organisation"),
        description=_("Shown on pages and in e-mails."),
        default="Boligforeningen 3B",
        max_length=NAME_MAX_LENGTH,
        required=True,
        constraint=has_text,
    )

    themes = schema.List(
        title=_("Themes"),
        description=_("The themes a task group can work on, one per line."),
        value_type=schema.TextLine(max_length=TERM_MAX_LENGTH),
        default=list(DEFAULT_THEMES),
        min_length=1,
        max_length=TERMS_MAX_COUNT,
        constraint=_keeps_used_terms(
            "themes",
            _themes_in_use,
            _("Keep at least one theme."),
            _(
                "Task groups work on these themes, so they cannot be removed: "
                "${terms}. Give the groups another theme first."
            ),
        ),
        required=True,
    )

    departments = schema.List(
        title=_("Departments"),
        description=_(
            "The departments (afdelinger) of the organisation, one per line."
        ),
        value_type=schema.TextLine(max_length=TERM_MAX_LENGTH),
        default=list(DEFAULT_DEPARTMENTS),
        min_length=1,
        max_length=TERMS_MAX_COUNT,
        constraint=_keeps_used_terms(
            "departments",
            _departments_in_use,
            _("Keep at least one department."),
            _(
                "Task groups or applications name these "
                "departments, so they cannot be removed: ${terms}. Change "
                "them there first."
            ),
        ),
        required=True,
    )

    public_transparency = schema.Bool(
        title=_("Public transparency"),
        description=_(
            "When on, what the association has made public is visible to "
            "everyone. When off, only to logged-in users of the intranet."
        ),
        default=True,
        required=False,
    )

    email_from_address = schema.TextLine(
        title=_("Sender address for notifications"),
        description=_("Leave empty to use the site's own sender address."),
        default="",
        max_length=EMAIL_MAX_LENGTH,
        constraint=is_email_or_empty,
        required=False,
    )

    retention_days = schema.Int(
        title=_("Days before applications are anonymised"),
        description=_("Counted from the day a group is concluded or cancelled."),
        default=180,
        min=0,
        max=RETENTION_MAX_DAYS,
        required=True,
    )

    readability_threshold = schema.Int(
        title=_("Readability limit (LIX)"),
        description=_(
            "Edit forms warn when a text residents read has a higher LIX. "
            "LIX is words per sentence plus the share of words over six "
            "letters in percent: under 25 is very easy, 25-34 easy, 35-44 "
            "medium, 45-54 hard, 55 and above very hard."
        ),
        default=40,
        min=0,
        max=READABILITY_MAX,
        required=True,
    )
