"""The kinds of seat a task group offers."""

from threeb.opgavegrupper import _
from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary


CONSTITUENCIES = (
    ("org_board", _("Organisation board")),
    ("department_board", _("Department board")),
    ("resident", _("Resident")),
    ("staff", _("Staff")),
    ("external", _("External adviser")),
)


@provider(IVocabularyFactory)
def constituencies_vocabulary(context):
    return SimpleVocabulary(
        [SimpleTerm(value=key, token=key, title=title) for key, title in CONSTITUENCIES]
    )


@provider(IVocabularyFactory)
def my_constituencies_vocabulary(context):
    """The seats the current user's roles allow them to apply for."""
    from plone import api
    from threeb.opgavegrupper.participation.applications import allowed_constituencies

    allowed = set(allowed_constituencies(api.user.get_current()))
    return SimpleVocabulary(
        [
            SimpleTerm(value=key, token=key, title=title)
            for key, title in CONSTITUENCIES
            if key in allowed
        ]
    )
