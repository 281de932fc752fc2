"""The add-on's settings, stored as registry records."""

from threeb.opgavegrupper import _
from zope import schema
from zope.interface import Interface


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


class IOpgavegrupperSettings(Interface):
    """Settings an association adapts to its own organisation."""

    organisation_name = schema.TextLine(
        title=_("Name of the organisation"),
        description=_("Shown on pages and in e-mails."),
        default="Boligforeningen 3B",
        required=True,
    )

    themes = schema.List(
        title=_("Themes"),
        description=_("The themes a task group can work on, one per line."),
        value_type=schema.TextLine(),
        default=list(DEFAULT_THEMES),
        required=False,
    )

    departments = schema.List(
        title=_("Departments"),
        description=_(
            "The departments (afdelinger) of the organisation, one per line."
        ),
        value_type=schema.TextLine(),
        default=list(DEFAULT_DEPARTMENTS),
        required=False,
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
        required=False,
    )

    retention_days = schema.Int(
        title=_("Days before applications are anonymised"),
        description=_("Counted from the day a group is concluded or cancelled."),
        default=180,
        min=0,
        required=True,
    )
