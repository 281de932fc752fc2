"""Which texts residents read, per type, and their scores.

``READABLE_FIELDS`` is the one switch: a type's fields named here get the
score on their add and edit forms (forms.py), in ``GET @readability``
(services.py) and in the catalog's ``readability`` index and metadata that
the dashboard lists (indexers.py). Switching a type on is one line, as
for ``"Outcome"`` below (then reindex its objects, as the upgrade
step does for the types here).
"""

from plone import api
from plone.app.textfield.interfaces import IRichTextValue
from plone.dexterity.utils import iterSchemataForType
from threeb.opgavegrupper.readability.lix import score


THRESHOLD_RECORD = "threeb.opgavegrupper.readability_threshold"
DEFAULT_THRESHOLD = 40

READABLE_FIELDS = {
    "TaskGroup": ("summary", "challenge"),
    "Recommendation": ("summary",),
    "Outcome": ("summary", "proposed", "decided", "next_steps"),
}


def threshold():
    """The LIX above which a text is flagged (the control panel's setting)."""
    value = api.portal.get_registry_record(THRESHOLD_RECORD, default=None)
    # A site not yet upgraded has no record: the default holds there.
    return DEFAULT_THRESHOLD if value is None else value


def readable_fields(portal_type):
    return READABLE_FIELDS.get(portal_type, ())


def score_value(value):
    """The Score of a field's value: plain text, or a RichTextValue's HTML."""
    if IRichTextValue.providedBy(value):
        return score(value.raw, html=True)
    if value is not None and not isinstance(value, str):
        value = str(value)
    return score(value)


def scores(obj):
    """{field name: Score} of the object's readable fields, in their order."""
    return {
        name: score_value(getattr(obj, name, None))
        for name in readable_fields(getattr(obj, "portal_type", None))
    }


def hardest(obj):
    """(field name, LIX) of the object's hardest text, or None if it has none."""
    scored = [(s.lix, name) for name, s in scores(obj).items() if s.lix is not None]
    if not scored:
        return None
    # The highest LIX; of equal ones the first field.
    lix, name = max(scored, key=lambda pair: pair[0])
    return name, lix


def field_title(portal_type, name):
    """The field's title (a message id) from the type's schemata, or the name."""
    for schema in iterSchemataForType(portal_type):
        field = schema.get(name)
        if field is not None:
            return field.title
    return name


def summary(value_score, limit):
    """The JSON of one field's score for ``GET @readability``."""
    data = value_score.as_dict()
    data["above_threshold"] = value_score.lix is not None and value_score.lix > limit
    return data
