"""The constituencies are listed once: every other list of them derives from it."""

from threeb.opgavegrupper.content.taskgroup import ITaskGroup
from threeb.opgavegrupper.content.taskgroup import SEAT_FIELDS
from threeb.opgavegrupper.participation.applications import SEAT_ROLES
from threeb.opgavegrupper.services.openapi.get import load_spec
from threeb.opgavegrupper.vocabularies.constituencies import CONSTITUENCIES
from threeb.opgavegrupper.vocabularies.constituencies import KEYS
from threeb.opgavegrupper.vocabularies.constituencies import seat_field
from zope.component import getUtility
from zope.schema.interfaces import IVocabularyFactory


def test_the_table_has_the_five_constituencies_in_display_order():
    assert KEYS == ("org_board", "department_board", "resident", "staff", "external")
    assert len(CONSTITUENCIES) == len(set(KEYS))


def test_the_task_group_has_a_seat_field_for_each_constituency_in_order():
    assert tuple((key, seat_field(key)) for key in KEYS) == SEAT_FIELDS
    for _key, name in SEAT_FIELDS:
        assert name in ITaskGroup
    seats_fieldset = next(
        fieldset
        for fieldset in ITaskGroup.queryTaggedValue("plone.supermodel.fieldsets", [])
        if fieldset.__name__ == "seats"
    )
    assert seats_fieldset.fields == [name for _key, name in SEAT_FIELDS]


def test_no_seat_field_outside_the_table():
    seat_names = {name for name in ITaskGroup if name.startswith("seats_")}
    assert seat_names == {name for _key, name in SEAT_FIELDS}


def test_seat_roles_name_only_known_constituencies():
    assert set(SEAT_ROLES) < set(KEYS)


def _constituency_enums(node, found):
    if isinstance(node, dict):
        for name, value in node.items():
            # The stored application's field is serialised as a token or a
            # {token, title}: only the enums list the constituencies.
            if name == "constituency" and isinstance(value, dict) and "enum" in value:
                found.append(value["enum"])
            _constituency_enums(value, found)
    elif isinstance(node, list):
        for value in node:
            _constituency_enums(value, found)
    return found


def test_the_openapi_document_lists_the_table_wherever_a_seat_is_named():
    enums = _constituency_enums(load_spec(), [])
    assert len(enums) >= 3  # the applications, the roster, the sign-up body
    assert all(enum == list(KEYS) for enum in enums)


def test_the_openapi_seat_fields_are_the_tables(portal):
    schema = load_spec()["components"]["schemas"]["TaskGroupCreate"]
    named = [name for name in schema["properties"] if name.startswith("seats_")]
    assert named == [name for _key, name in SEAT_FIELDS]


def test_the_vocabulary_is_the_table(portal):
    factory = getUtility(IVocabularyFactory, "threeb.opgavegrupper.Constituencies")
    terms = list(factory(portal))
    assert [(term.value, term.title) for term in terms] == list(CONSTITUENCIES)
