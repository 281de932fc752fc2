"""Anbefaling: what the group proposes, and what the board decided."""

from collective.z3cform.datagridfield.datagridfield import DataGridFieldWidget
from collective.z3cform.datagridfield.row import DictRow
from plone.app.textfield import RichText
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from threeb.opgavegrupper import _
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import LIST_MAX_ITEMS
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import TEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import VOTES_MAX
from threeb.opgavegrupper.content.summary import summary_as_description
from z3c.form.browser.checkbox import CheckBoxFieldWidget
from zope import schema
from zope.interface import implementer
from zope.interface import Interface
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


SUMMARY_MAX_LENGTH = 300

IMPLEMENTATION_STATUS = SimpleVocabulary(
    [
        SimpleTerm("not_started", "not_started", _("Not started")),
        SimpleTerm("in_progress", "in_progress", _("In progress")),
        SimpleTerm("done", "done", _("Done")),
    ]
)

PROPOSAL_FIELDS = (
    "title",
    "summary",
    "recommendation",
    "rationale",
    "consequences_economy",
    "consequences_residents",
    "consequences_departments",
    "answers",
)
DECISION_FIELDS = (
    "decision_text",
    "decision_date",
    "votes_for",
    "votes_against",
    "votes_abstain",
)
IMPLEMENTATION_FIELDS = (
    "implementation_status",
    "progress",
    "implementation_milestones",
)


class IImplementationMilestone(Interface):
    title = schema.TextLine(
        title=_("Milestone"), max_length=LINE_MAX_LENGTH, required=True
    )
    due = schema.Date(title=_("Due"), required=False)
    done = schema.Bool(title=_("Done"), required=False, default=False)


class IRecommendation(model.Schema):
    """The proposal, the board's decision record and its implementation."""

    title = schema.TextLine(title=_("Title"), max_length=LINE_MAX_LENGTH, required=True)

    summary = schema.Text(
        title=_("Summary"),
        description=_("In plain language, at most 300 characters."),
        max_length=SUMMARY_MAX_LENGTH,
        required=True,
    )

    recommendation = RichText(
        title=_("Recommendation"), max_length=RICHTEXT_MAX_LENGTH, required=True
    )

    rationale = RichText(
        title=_("Rationale"), max_length=RICHTEXT_MAX_LENGTH, required=False
    )

    model.fieldset(
        "consequences",
        label=_("Consequences"),
        fields=[
            "consequences_economy",
            "consequences_residents",
            "consequences_departments",
        ],
    )
    consequences_economy = schema.Text(
        title=_("For the economy"), max_length=TEXT_MAX_LENGTH, required=False
    )
    consequences_residents = schema.Text(
        title=_("For the residents"), max_length=TEXT_MAX_LENGTH, required=False
    )
    consequences_departments = schema.Text(
        title=_("For the departments"), max_length=TEXT_MAX_LENGTH, required=False
    )

    answers = schema.List(
        title=_("Mandate questions it answers"),
        value_type=schema.Choice(vocabulary="threeb.opgavegrupper.MandateQuestions"),
        unique=True,
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("answers", CheckBoxFieldWidget)

    minority_statement = RichText(
        title=_("Minority statement"),
        description=_(
            "A minority's view (mindretalsudtalelse); it goes with the "
            "recommendation into the decision record."
        ),
        max_length=RICHTEXT_MAX_LENGTH,
        required=False,
    )

    model.fieldset(
        "decision",
        label=_("The board's decision"),
        fields=list(DECISION_FIELDS),
    )
    decision_text = schema.Text(
        title=_("Decision"), max_length=TEXT_MAX_LENGTH, required=False
    )
    decision_date = schema.Date(title=_("Decided on"), required=False)
    votes_for = schema.Int(title=_("Votes for"), min=0, max=VOTES_MAX, required=False)
    votes_against = schema.Int(
        title=_("Votes against"), min=0, max=VOTES_MAX, required=False
    )
    votes_abstain = schema.Int(
        title=_("Abstentions"), min=0, max=VOTES_MAX, required=False
    )

    model.fieldset(
        "implementation",
        label=_("Implementation"),
        fields=list(IMPLEMENTATION_FIELDS),
    )
    implementation_status = schema.Choice(
        title=_("Implementation status"),
        vocabulary=IMPLEMENTATION_STATUS,
        default="not_started",
        required=False,
    )
    progress = schema.Int(
        title=_("Progress (%)"), min=0, max=100, default=0, required=False
    )
    implementation_milestones = schema.List(
        title=_("Implementation milestones"),
        value_type=DictRow(title=_("Milestone"), schema=IImplementationMilestone),
        max_length=LIST_MAX_ITEMS,
        required=False,
        default=[],
        missing_value=[],
    )
    directives.widget("implementation_milestones", DataGridFieldWidget)

    # Who may write which part follows the workflow state: the group drafts
    # the proposal, the board records its decision, staff the implementation.
    for _name in PROPOSAL_FIELDS:
        directives.write_permission(**{_name: "threeb.opgavegrupper.EditProposal"})
    # A minority in the group writes it with the proposal; a minority of the
    # board has it recorded with the decision (the board desk).
    directives.write_permission(
        minority_statement="threeb.opgavegrupper.EditMinorityStatement"
    )
    for _name in DECISION_FIELDS:
        directives.write_permission(**{_name: "threeb.opgavegrupper.RecordDecision"})
    for _name in IMPLEMENTATION_FIELDS:
        directives.write_permission(
            **{_name: "threeb.opgavegrupper.RecordImplementation"}
        )
    del _name


@implementer(IRecommendation)
class Recommendation(Item):
    """Anbefaling."""

    description = summary_as_description  # content/summary.py
