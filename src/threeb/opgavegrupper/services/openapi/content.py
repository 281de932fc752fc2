"""The OpenAPI description of creating and updating the add-on's content.

plone.restapi's content endpoints (``POST`` to a container, ``PATCH`` of an
object) are the road a client takes to a task group, a mandate, a meeting
or a recommendation. Their request bodies are described here from the
types' own schemas (the type's schema and its behaviors, as the site has
them), so the OpenAPI document cannot drift from the fields: a test builds
this on a real site and compares it with the committed ``openapi.json``
(``UPDATE_API_DOCS=1 make test`` writes it).

JSON Schema keywords follow OpenAPI 3.1 (JSON Schema 2020-12). Limits are
the fields' own (``max_length``, ``min``, ``max``), or for a field of a
Plone behavior that has none the add-on's limit for its kind, as the REST
field deserializers apply them (content/limits.py, serializers/fields.py);
a vocabulary that a site's settings fill (themes, departments, staff) is a
string marked ``x-vocabulary`` (filled with the site's values when the
document is served, see get.py), a fixed one an ``enum``.
"""

from plone.app.textfield.interfaces import IRichText
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedField
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import LIST_MAX_ITEMS
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import TEXT_MAX_LENGTH
from zope.schema import getFieldsInOrder
from zope.schema.interfaces import IASCIILine
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IDict
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IObject
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine
from zope.schema.interfaces import IVocabularyTokenized


# Where each type is added: its container's path template.
CONTAINERS = (
    ("TaskGroup", "/{folder}"),
    ("Mandate", "/{folder}/{group}"),
    ("Meeting", "/{folder}/{group}"),
    ("Recommendation", "/{folder}/{group}"),
)

# Fields that are set by the site, never by a client's body.
SKIPPED = frozenset({"id"})

PATH_PARAMETERS = {
    "folder": "Id of the task group folder (the demo site: `opgavegrupper`).",
    "group": "Id of the task group.",
    "item": "Id of a mandate, meeting or recommendation in the group.",
}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description, name="AnyError"):
    return {
        "description": description,
        "content": {"application/json": {"schema": _ref(name)}},
    }


ERRORS = {
    "400": _error(
        "Bad input: not JSON, an unknown key, or a value the field cannot take; "
        "`error.field` names the field.",
        "Error",
    ),
    "401": _error("Not logged in, or not allowed."),
    "403": _error(
        "Not allowed: the type may not be added here by this person, or a "
        "field may not be written by them (`error.field` names it)."
    ),
    "404": _error("No such object."),
}


def field_schema(field):
    """The JSON Schema of the JSON value ``field`` takes in a request body.

    :param field: a zope.schema field of a content schema.
    :returns: a JSON Schema dict (OpenAPI 3.1).
    """
    if IRichText.providedBy(field):
        limit = {"maxLength": field.max_length or RICHTEXT_MAX_LENGTH}
        return {
            "oneOf": [
                {"type": "string", **limit},
                {
                    "type": "object",
                    "required": ["data"],
                    "properties": {
                        "data": {"type": "string", **limit},
                        "content-type": {"type": "string"},
                        "encoding": {"enum": ["utf8", "utf-8"]},
                    },
                },
            ]
        }
    if INamedField.providedBy(field):
        return {
            "type": "object",
            "required": ["data", "encoding", "filename", "content-type"],
            "properties": {
                "data": {"type": "string"},
                "encoding": {"const": "base64"},
                "filename": {"type": "string"},
                "content-type": {"type": "string"},
            },
        }
    if IBool.providedBy(field):
        return {"type": "boolean"}
    if IInt.providedBy(field):
        schema = {"type": "integer"}
        if field.min is not None:
            schema["minimum"] = field.min
        if field.max is not None:
            schema["maximum"] = field.max
        return schema
    if IDatetime.providedBy(field):
        return {"type": "string", "format": "date-time"}
    if IDate.providedBy(field):
        return {"type": "string", "format": "date"}
    if IChoice.providedBy(field):
        vocabulary = field.vocabulary
        if vocabulary is not None and IVocabularyTokenized.providedBy(vocabulary):
            return {"enum": [term.token for term in vocabulary]}
        if field.vocabularyName:
            # Filled from the site's settings when the document is served.
            return {"type": "string", "x-vocabulary": field.vocabularyName}
        return {"type": "string"}
    if ICollection.providedBy(field):
        schema = {
            "type": "array",
            "items": field_schema(field.value_type),
            "maxItems": field.max_length or LIST_MAX_ITEMS,
        }
        if getattr(field, "unique", False):
            schema["uniqueItems"] = True
        return schema
    if IObject.providedBy(field) or IDict.providedBy(field):
        row = getattr(field, "schema", None)
        if row is None:
            return {"type": "object"}
        return {
            "type": "object",
            "properties": {
                name: field_schema(sub) for name, sub in getFieldsInOrder(row)
            },
        }
    if IText.providedBy(field):  # Text, TextLine, ASCIILine
        schema = {"type": "string"}
        if field.required:
            # plone.restapi takes an empty text for a missing one.
            schema["minLength"] = 1
        one_line = ITextLine.providedBy(field) or IASCIILine.providedBy(field)
        default = LINE_MAX_LENGTH if one_line else TEXT_MAX_LENGTH
        schema["maxLength"] = field.max_length or default
        return schema
    return {}


def type_schemas(portal_type):
    """The create and the update body of ``portal_type``.

    :returns: ``(create, update)``, two JSON Schema dicts: the create body
        requires ``@type`` and the type's required fields, the update body
        requires nothing.
    """
    properties = {}
    required = []
    for schema in iterSchemataForType(portal_type):
        for name, field in getFieldsInOrder(schema):
            if name in SKIPPED or field.readonly:
                continue
            properties[name] = field_schema(field)
            if field.required and name not in required:
                required.append(name)
    create = {
        "type": "object",
        "required": ["@type", *required],
        "properties": {"@type": {"const": portal_type}, **properties},
        "additionalProperties": False,
    }
    update = {
        "type": "object",
        "properties": dict(properties),
        "additionalProperties": False,
    }
    return create, update


def _parameters(template):
    names = [part[1:-1] for part in template.split("/") if part.startswith("{")]
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "description": PATH_PARAMETERS[name],
            "schema": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        }
        for name in names
    ]


def _body(schemas):
    schema = (
        _ref(schemas[0])
        if len(schemas) == 1
        else {"oneOf": [_ref(name) for name in schemas]}
    )
    return {
        "required": True,
        "content": {"application/json": {"schema": schema}},
    }


def _operation(path, types, verb, summary, schema_suffix, responses):
    """The operation of one content road to ``types`` at ``path``.

    :param verb: the operationId's start ("create", "update").
    :param summary: with ``{names}``: the types, as "`A` or `B`".
    :param schema_suffix: the request body's schema per type ("Create").
    :param responses: the answers besides the errors every road shares.
    """
    names = " or ".join(f"`{name}`" for name in types)
    return {
        "operationId": f"{verb}{''.join(types)}",
        "summary": summary.format(names=names),
        "parameters": _parameters(path),
        "requestBody": _body([f"{name}{schema_suffix}" for name in types]),
        "responses": {**responses, **ERRORS},
    }


def content_operations():
    """Paths and component schemas of the content roads to the add-on's types.

    Needs a Plone site as the component site (the types' FTIs).

    :returns: ``(paths, schemas)``: dicts to merge into the OpenAPI
        document's ``paths`` and ``components.schemas``.
    """
    schemas = {}
    added_in = {}
    for portal_type, container in CONTAINERS:
        create, update = type_schemas(portal_type)
        schemas[f"{portal_type}Create"] = create
        schemas[f"{portal_type}Update"] = update
        added_in.setdefault(container, []).append(portal_type)
    schemas["Content"] = {
        "type": "object",
        "required": ["@id", "@type"],
        "properties": {
            "@id": {"type": "string"},
            "@type": {"enum": [name for name, _container in CONTAINERS]},
            "review_state": {"type": "string"},
        },
        "description": "The new object, as plone.restapi serializes content.",
    }
    paths = {}
    created = {
        "201": {
            "description": "Created.",
            "content": {"application/json": {"schema": _ref("Content")}},
        },
    }
    for container, types in added_in.items():
        paths.setdefault(container, {})["post"] = _operation(
            container,
            types,
            "create",
            "Adds a {names} (plone.restapi's content creation).",
            "Create",
            created,
        )
    updates = (
        ("/{folder}/{group}", ["TaskGroup"]),
        ("/{folder}/{group}/{item}", ["Mandate", "Meeting", "Recommendation"]),
    )
    for path, types in updates:
        paths.setdefault(path, {})["patch"] = _operation(
            path,
            types,
            "update",
            "Changes fields of a {names} (plone.restapi's PATCH).",
            "Update",
            {"204": {"description": "Changed."}},
        )
    return paths, schemas
