"""The content roads of the OpenAPI document come from the types' schemas.

``UPDATE_API_DOCS=1 make test`` writes them into openapi.json; otherwise
the committed document must equal what the site's types say.
"""

from threeb.opgavegrupper.services.openapi.content import content_operations
from threeb.opgavegrupper.services.openapi.content import field_schema
from threeb.opgavegrupper.services.openapi.get import load_spec
from threeb.opgavegrupper.services.openapi.get import SPEC
from zope import schema

import json
import os


def merged(spec, paths, schemas):
    for path, operations in paths.items():
        spec["paths"].setdefault(path, {}).update(operations)
    spec["components"]["schemas"].update(schemas)
    return spec


def test_openapi_document_describes_the_types_as_they_are(portal):
    paths, schemas = content_operations()
    spec = load_spec()
    expected = merged(json.loads(json.dumps(spec)), paths, schemas)
    if os.environ.get("UPDATE_API_DOCS"):
        SPEC.write_text(
            json.dumps(expected, indent=2, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
        spec = expected
    assert spec == expected, "openapi.json is out of date: UPDATE_API_DOCS=1 make test"


def test_group_create_requires_its_required_fields(portal):
    _paths, schemas = content_operations()
    create = schemas["TaskGroupCreate"]
    assert create["required"][0] == "@type"
    assert {"title", "start", "theme"} <= set(create["required"])
    assert create["properties"]["seats_resident"] == {
        "type": "integer",
        "minimum": 0,
        "maximum": 1000,
    }
    assert create["properties"]["title"] == {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
    }
    assert "required" not in schemas["TaskGroupUpdate"]
    assert (
        schemas["RecommendationCreate"]["properties"]["implementation_status"]["enum"][
            0
        ]
        == "not_started"
    )


def test_field_kinds():
    assert field_schema(schema.Bool()) == {"type": "boolean"}
    assert field_schema(schema.Date()) == {"type": "string", "format": "date"}
    lines = schema.List(value_type=schema.TextLine(required=False), max_length=3)
    assert field_schema(lines) == {
        "type": "array",
        "items": {"type": "string", "maxLength": 200},
        "maxItems": 3,
    }
    # A field without limits gets the add-on's limit for its kind, as the
    # REST deserializers apply it (content/limits.py).
    assert field_schema(schema.Text(required=False)) == {
        "type": "string",
        "maxLength": 5000,
    }
