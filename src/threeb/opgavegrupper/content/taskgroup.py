"""Opgavegruppe: one temporary group and the challenge it takes on."""

from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Container
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import SEATS_MAX
from threeb.opgavegrupper.content.summary import summary_as_description
from threeb.opgavegrupper.vocabularies.constituencies import KEYS
from threeb.opgavegrupper.vocabularies.constituencies import seat_field
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import Invalid
from zope.interface import invariant


SUMMARY_MAX_LENGTH = 300

# Field name per constituency, in the order pages show them (the one table
# is vocabularies/constituencies.py; a test checks the schema has each field).
SEAT_FIELDS = tuple((key, seat_field(key)) for key in KEYS)


class DeadlineBeforeStart(Invalid):
    __doc__ = _("The deadline must be after the start.")
    field = "deadline"


class SignupAfterDeadline(Invalid):
    __doc__ = _("The sign-up deadline cannot be after the deadline.")
    field = "signup_deadline"


class FewerSeatsThanTaken(Invalid):
    """Seats lowered below those already taken; ``field`` names the seats."""

    __doc__ = _("There cannot be fewer seats than members who hold one.")

    def __init__(self, message, field):
        super().__init__(message)
        self.field = field


class ITaskGroup(model.Schema):
    """A task group: a challenge, a time frame and seats per constituency."""

    title = schema.TextLine(title=_("Title"), max_length=LINE_MAX_LENGTH, required=True)

    summary = schema.Text(
        title=_("Summary"),
        description=_(
            "In plain language: what the group works on. At most 300 "
            "characters; shown in listings."
        ),
        max_length=SUMMARY_MAX_LENGTH,
        required=True,
    )

    challenge = RichText(
        title=_("The challenge"),
        description=_("The concrete challenge the group takes on."),
        max_length=RICHTEXT_MAX_LENGTH,
        required=False,
    )

    theme = schema.Choice(
        title=_("Theme"),
        vocabulary="threeb.opgavegrupper.Themes",
        required=True,
    )

    departments = schema.List(
        title=_("Departments concerned"),
        value_type=schema.Choice(vocabulary="threeb.opgavegrupper.Departments"),
        unique=True,
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("departments", CheckBoxFieldWidget)

    start = schema.Date(title=_("Start"), required=True)

    deadline = schema.Date(
        title=_("Deadline"),
        description=_("When the group brings its proposals to the board."),
        required=True,
    )

    signup_deadline = schema.Date(
        title=_("Sign-up deadline"),
        required=False,
    )

    model.fieldset(
        "seats",
        label=_("Seats"),
        fields=[name for _key, name in SEAT_FIELDS],
    )
    seats_org_board = schema.Int(
        title=_("Seats for the organisation board"),
        min=0,
        max=SEATS_MAX,
        default=1,
        required=True,
    )
    seats_department_board = schema.Int(
        title=_("Seats for department boards"),
        min=0,
        max=SEATS_MAX,
        default=2,
        required=True,
    )
    seats_resident = schema.Int(
        title=_("Seats for residents"),
        min=0,
        max=SEATS_MAX,
        default=4,
        required=True,
    )
    seats_staff = schema.Int(
        title=_("Seats for staff"),
        min=0,
        max=SEATS_MAX,
        default=1,
        required=True,
    )
    seats_external = schema.Int(
        title=_("Seats for external advisers"),
        min=0,
        max=SEATS_MAX,
        default=0,
        required=True,
    )

    meeting_cadence = schema.TextLine(
        title=_("How often the group meets"),
        description=_("For example: every other Tuesday at 17."),
        max_length=LINE_MAX_LENGTH,
        required=False,
    )

    contact = schema.Choice(
        title=_("Contact person"),
        description=_("The staff member residents can ask about the group."),
        vocabulary="threeb.opgavegrupper.StaffUsers",
        required=False,
    )

    # Plone's Editor writes the public texts (summary, challenge) alone:
    # everything else about a group is staff's set-up. The behaviours' fields
    # (id, lead image, exclude from navigation) are shared with other types
    # and carry no such permission: setup_fields_refused() holds them to it.
    directives.write_permission(
        **dict.fromkeys(
            ("title", "theme", "departments", "start", "deadline")
            + ("signup_deadline", "meeting_cadence", "contact")
            + tuple(name for _key, name in SEAT_FIELDS),
            "threeb.opgavegrupper.EditGroupSetup",
        )
    )

    @invariant
    def deadline_after_start(data):
        start = getattr(data, "start", None)
        deadline = getattr(data, "deadline", None)
        if start and deadline and deadline <= start:
            raise DeadlineBeforeStart(_("The deadline must be after the start."))

    @invariant
    def seats_not_below_taken(data):
        """Every road that edits a group (form, PATCH) keeps seats >= taken."""
        from threeb.opgavegrupper.participation import seats

        context = getattr(data, "__context__", None)
        if not ITaskGroup.providedBy(context):
            # An add form: nobody holds a seat yet.
            return
        filled = seats.filled(context)
        for key, name in SEAT_FIELDS:
            value = getattr(data, name, None)
            taken = filled.get(key, 0)
            if isinstance(value, int) and value < taken:
                raise FewerSeatsThanTaken(
                    _(
                        "${taken} member holds a seat of this kind; there "
                        "cannot be fewer seats. Remove a member first.",
                        msgid_plural="${taken} members hold seats of this kind; "
                        "there cannot be fewer seats. Remove a member first.",
                        number=taken,
                        mapping={"taken": taken},
                    ),
                    field=name,
                )

    @invariant
    def signup_not_after_deadline(data):
        signup = getattr(data, "signup_deadline", None)
        deadline = getattr(data, "deadline", None)
        if signup and deadline and signup > deadline:
            raise SignupAfterDeadline(
                _("The sign-up deadline cannot be after the deadline.")
            )


@implementer(ITaskGroup)
class TaskGroup(Container):
    """Opgavegruppe."""

    _ordering = "threeb.opgavegrupper.taskgroup"  # content/ordering.py
    # Every change of local roles reindexes security: the index of the
    # group's chair and members (indexers/taskgroup.py) follows with it.
    _cmf_security_indexes = ("allowedRolesAndUsers", "taskgroup_people")

    description = summary_as_description  # content/summary.py

    def has_mandate(self):
        """Whether the group has its mandate; asks the catalog, wakes nothing.

        Unrestricted, because a draft mandate counts for someone who cannot
        see it.
        """
        path = "/".join(self.getPhysicalPath())
        return bool(
            self.portal_catalog.unrestrictedSearchResults(
                portal_type="Mandate", path={"query": path, "depth": 1}
            )
        )

    # A group has one mandate. The add menu, the add form and plone.restapi
    # ask allowedContentTypes; invokeFactory is the programmatic way in.
    def allowedContentTypes(self, context=None):
        allowed = super().allowedContentTypes(context)
        if self.has_mandate():
            allowed = [fti for fti in allowed if fti.getId() != "Mandate"]
        return allowed

    def invokeFactory(self, type_name, id, RESPONSE=None, *args, **kw):
        if type_name == "Mandate" and self.has_mandate():
            raise ValueError("A task group has one mandate; it has one already.")
        return super().invokeFactory(type_name, id, RESPONSE, *args, **kw)

    def seats(self):
        """Seats per constituency, as {constituency: number}."""
        return {key: getattr(self, name, 0) or 0 for key, name in SEAT_FIELDS}


# The fields of a group Plone's Editor may write; every other field, the
# behaviours' included, needs SETUP_PERMISSION (the schema's own fields say
# so with write_permission above).
PUBLIC_TEXTS = ("summary", "challenge")
SETUP_PERMISSION = "threeb.opgavegrupper: Edit group set-up"


def setup_fields_refused(group, names):
    """The field names of ``names`` the current user may not write on
    ``group``: all but the public texts, unless they may edit its set-up.

    :param names: field names as the schemata name them (``"image"``,
        ``"exclude_from_nav"``, ``"id"``).
    :returns: list of names, in the order given.
    """
    from AccessControl import getSecurityManager

    if getSecurityManager().checkPermission(SETUP_PERMISSION, group):
        return []
    return [name for name in names if name not in PUBLIC_TEXTS]
