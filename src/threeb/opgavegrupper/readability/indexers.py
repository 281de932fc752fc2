"""The catalog's view of readability: the dashboard lists from these.

``readability`` (an index and a metadata column) holds the LIX of the
object's hardest readable text, ``readability_field`` (metadata) the name of
that field. Objects without readable fields, or whose texts are empty, have
neither: the index leaves them out, so "the hardest texts" never lists them.
"""

from plone.dexterity.interfaces import IDexterityContent
from plone.indexer import indexer
from threeb.opgavegrupper.readability.fields import hardest


INDEX = "readability"
FIELD_COLUMN = "readability_field"


def _hardest(obj):
    found = hardest(obj)
    if found is None:
        # plone.indexer: no value for this object.
        raise AttributeError(INDEX)
    return found


@indexer(IDexterityContent)
def readability(obj):
    return _hardest(obj)[1]


@indexer(IDexterityContent)
def readability_field(obj):
    return _hardest(obj)[0]
