"""The kinds of seat a task group offers.

``CONSTITUENCIES`` is the one table of them: the order pages show them in,
their titles, and (through ``seat_field``) the task group's field that holds
the number of seats of each. The participation rules, the task group's
schema, the roster and the OpenAPI document (checked by a test) derive from
it.
"""

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

# The keys in display order, and the title of each.
KEYS = tuple(key for key, _title in CONSTITUENCIES)
TITLES = dict(CONSTITUENCIES)


def seat_field(key):
    """The task group's field that holds the seats of a constituency."""
    return f"seats_{key}"


def _vocabulary(keys):
    return SimpleVocabulary(
        [SimpleTerm(value=key, token=key, title=TITLES[key]) for key in keys]
    )


@provider(IVocabularyFactory)
def constituencies_vocabulary(context):
    return _vocabulary(KEYS)


@provider(IVocabularyFactory)
def my_constituencies_vocabulary(context):
    """The seats the current user's roles allow them to apply for."""
    from plone import api
    from threeb.opgavegrupper.participation.applications import allowed_constituencies

    allowed = set(allowed_constituencies(api.user.get_current()))
    return _vocabulary(key for key in KEYS if key in allowed)
