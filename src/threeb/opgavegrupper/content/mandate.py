"""Kommissorium: the group's terms of reference."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from collective.z3cform.datagridfield.row import DictRow
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import BUDGET_MAX
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import LIST_MAX_ITEMS
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import TEXT_MAX_LENGTH
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


AUTHORITY = SimpleVocabulary(
    [
        SimpleTerm(
            "recommend",
            "recommend",
            _("Recommends to the organisation board"),
        ),
        SimpleTerm(
            "decide_within_budget",
            "decide_within_budget",
            _("Decides within its budget"),
        ),
    ]
)


class IMilestone(Interface):
    title = schema.TextLine(
        title=_("Milestone"), max_length=LINE_MAX_LENGTH, required=True
    )
    date = schema.Date(title=_("Date"), required=True)


class IMandate(model.Schema):
    """What the group must answer, deliver and by when."""

    title = schema.TextLine(
        title=_("Title"),
        default=_("Kommissorium"),
        max_length=LINE_MAX_LENGTH,
        required=True,
    )

    background = RichText(
        title=_("Background"), max_length=RICHTEXT_MAX_LENGTH, required=False
    )

    purpose = RichText(
        title=_("Purpose"), max_length=RICHTEXT_MAX_LENGTH, required=True
    )

    questions = schema.List(
        title=_("Questions the group must answer"),
        description=_("One question per line."),
        value_type=schema.TextLine(max_length=LINE_MAX_LENGTH),
        required=True,
        min_length=1,
        max_length=LIST_MAX_ITEMS,
    )

    deliverables = schema.Text(
        title=_("Deliverables"), max_length=TEXT_MAX_LENGTH, required=False
    )

    composition = schema.Text(
        title=_("Composition"),
        description=_("Who sits in the group and why."),
        max_length=TEXT_MAX_LENGTH,
        required=False,
    )

    milestones = schema.List(
        title=_("Milestones"),
        value_type=DictRow(title=_("Milestone"), schema=IMilestone),
        max_length=LIST_MAX_ITEMS,
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("milestones", DataGridFieldWidget, allow_reorder=True)

    budget = schema.Int(
        title=_("Budget (DKK)"),
        min=0,
        max=BUDGET_MAX,
        required=False,
    )

    authority = schema.Choice(
        title=_("Authority"),
        vocabulary=AUTHORITY,
        default="recommend",
        required=True,
    )

    # Set by the workflow when the organisation board approves the mandate;
    # no role writes it by hand (a REST PATCH of it is a 403 naming it).
    approval_date = schema.Date(title=_("Approved on"), required=False)
    directives.omitted("approval_date")
    directives.write_permission(approval_date="threeb.opgavegrupper.EditWorkflowRecord")


@implementer(IMandate)
class Mandate(Item):
    """Kommissorium."""
