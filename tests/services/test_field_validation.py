"""Every field of every add-on type: a bad value is a 4xx naming the field.

For each field of the schemata of each type's FTI (a new field or behavior is
covered without touching this test), values of each wrong JSON type, out of
range, too long and unknown to the vocabulary go through POST (a new item
with otherwise good values) and PATCH (the item the site has), as the site's
Manager with Basic auth, who may write every field people may write. Each
answer must be a 400 naming the field (a 403 for a field nobody writes by
hand), and nothing may be stored. One test per type: each sends its
requests in a loop and reports every case that went wrong.
"""

from .roads import as_user_fixture  # noqa: F401
from .roads import fresh
from .roads import site_fixture  # noqa: F401
from datetime import date
from plone import api
from plone.app.testing import SITE_OWNER_NAME
from plone.app.testing import SITE_OWNER_PASSWORD
from plone.app.textfield.interfaces import IRichText
from plone.dexterity.utils import iterSchemataForType
from plone.namedfile.interfaces import INamedField
from threeb.opgavegrupper.content.limits import LINE_MAX_LENGTH
from threeb.opgavegrupper.content.limits import LIST_MAX_ITEMS
from threeb.opgavegrupper.content.limits import RICHTEXT_MAX_LENGTH
from threeb.opgavegrupper.content.limits import TEXT_MAX_LENGTH
from threeb.opgavegrupper.serializers.fields import FIRST_DATE
from threeb.opgavegrupper.serializers.fields import LAST_DATE
from zope.schema import getFields
from zope.schema.interfaces import IASCIILine
from zope.schema.interfaces import IBool
from zope.schema.interfaces import IChoice
from zope.schema.interfaces import ICollection
from zope.schema.interfaces import IDate
from zope.schema.interfaces import IDatetime
from zope.schema.interfaces import IInt
from zope.schema.interfaces import IText
from zope.schema.interfaces import ITextLine

import base64
import pytest
import transaction


TYPES = [
    "TaskGroupFolder",
    "TaskGroup",
    "Mandate",
    "Meeting",
    "Recommendation",
    "Application",
]

# Good values for a new item of each type; a case replaces one of them.
CREATE = {
    "TaskGroupFolder": {"title": "Flere grupper"},
    "TaskGroup": {
        "title": "Cykler",
        "summary": "Flere stativer",
        "theme": "Udlejning",
        "start": "2026-03-01",
        "deadline": "2026-09-01",
    },
    "Mandate": {
        "title": "Kommissorium",
        "purpose": "<p>Hvorfor</p>",
        "questions": ["Hvor?"],
    },
    "Meeting": {
        "title": "Andet møde",
        "start": "2026-03-17T17:00:00+01:00",
        "end": "2026-03-17T19:00:00+01:00",
    },
    "Recommendation": {
        "title": "Stativer",
        "summary": "Ti nye stativer",
        "recommendation": "<p>Køb stativer</p>",
    },
    "Application": {"constituency": "resident"},
}

# Fields nobody writes by hand ("Edit application record" is held by no role):
# a 403 naming the field.
NOT_WRITABLE = {("Application", "applicant"), ("Application", "decision_message")}
NOT_WRITABLE |= {("Application", "anonymised"), ("Mandate", "approval_date")}

NOT_JSON_TYPES = {
    "bool": [1, 0, "true", "yes", 1.5, [], {"a": 1}],
    "int": [True, 1.5, "3", [], {"a": 1}],
    "text": [True, 12, 1.5, ["x"], {"a": 1}],
    "choice": [True, 1.5, ["x"], {"a": 1}, {"token": ["x"]}],
    "list": ["x", 12, True, {"a": 1}],
    "date": [
        20260301,
        True,
        [],
        {"a": 1},
        "2026-02-30",
        "1.3.2026",
        "2026-03-01T10:00",
    ],
    "datetime": [20260301, True, [], {"a": 1}, "i morgen", "2026-02-30T10:00"],
    "richtext": [
        12,
        True,
        ["x"],
        {"data": 12},
        {"data": "<p>x</p>", "content-type": "application/x-evil"},
        {"data": "<p>x</p>", "encoding": "latin-1"},
        {"data": "<p>x</p>", "extra": 1},
    ],
    "file": [
        12,
        "x",
        {"data": 12},
        {"data": "!!!", "encoding": "base64"},
        {"data": "aGVq", "encoding": "rot13"},
        {
            "data": base64.b64encode(b"not an image").decode(),
            "encoding": "base64",
            "content-type": "image/png",
            "filename": "x.png",
        },
    ],
}


def kind(field):
    for iface, name in (
        (IBool, "bool"),
        (IInt, "int"),
        (IRichText, "richtext"),
        (INamedField, "file"),
        (IChoice, "choice"),
        (ICollection, "list"),
        (IDate, "date"),
        (IDatetime, "datetime"),
        (IText, "text"),
    ):
        if iface.providedBy(field):
            return name
    raise AssertionError(f"no bad values for {field.__name__} ({type(field)})")


def text_limit(field):
    if IRichText.providedBy(field):
        return field.max_length or RICHTEXT_MAX_LENGTH
    one_line = ITextLine.providedBy(field) or IASCIILine.providedBy(field)
    return field.max_length or (LINE_MAX_LENGTH if one_line else TEXT_MAX_LENGTH)


def bad_values(field):
    """(label, value) of each wrong kind for ``field``."""
    field_kind = kind(field)
    values = [(f"type {v!r}"[:60], v) for v in NOT_JSON_TYPES[field_kind]]
    if field.required:
        values.append(("null", None))
    if field_kind == "int":
        assert field.max is not None, f"{field.__name__}: an Int without a limit"
        values.append(("too big", field.max + 1))
        values.append(("far too big", 10**20))
        if field.min is not None:
            values.append(("too small", field.min - 1))
    elif field_kind in ("text", "richtext"):
        values.append(("too long", "x" * (text_limit(field) + 1)))
        if field_kind == "text" and field.max_length is None:
            values.append(("10 MB", "x" * 10_000_000))
        if ITextLine.providedBy(field):
            values.append(("two lines", "a\nb"))
    elif field_kind == "choice":
        values.append(("unknown", "no-such-choice"))
    elif field_kind == "list":
        maximum = field.max_length or LIST_MAX_ITEMS
        values.append(("too long", ["x"] * (maximum + 1)))
        values.append(("bad entry", [{"a": [1]}]))
        values.append(("null entry", [None]))
        if IChoice.providedBy(field.value_type):
            values.append(("unknown entry", ["no-such-choice"]))
        schema = getattr(field.value_type, "schema", None)
        if schema is not None:
            values += bad_rows(schema)
    elif field_kind == "date":
        values.append(("too early", (FIRST_DATE.replace(year=1899)).isoformat()))
        values.append(("too late", date(LAST_DATE.year + 1, 1, 1).isoformat()))
    elif field_kind == "datetime":
        values.append(("year 1", "0001-01-01T00:00:00+01:00"))
        values.append(("year 9999", "9999-12-31T23:59:59-01:00"))
    return values


def bad_rows(schema):
    """Rows of a table (datagrid) with one bad column each."""
    good = {}
    for name, column in getFields(schema).items():
        good[name] = {"date": "2026-05-01", "bool": False}.get(kind(column), "Rejse")
    rows = [
        ("row not an object", ["x"]),
        ("row with unknown column", [{**good, "nosuch": 1}]),
    ]
    for name, column in getFields(schema).items():
        for label, value in bad_values(column):
            rows.append((f"row {name} {label}", [{**good, name: value}]))
    return rows


def all_fields(portal_type):
    for schema in iterSchemataForType(portal_type):
        yield from getFields(schema).items()


@pytest.fixture
def items(site, functional_portal):
    """Paths of one item of each type, and where a new one of each is added."""
    group = fresh(site["TaskGroup"])
    folder = fresh(site["folder"])
    with api.env.adopt_roles(["Manager"]):
        application = api.content.create(
            group, "Application", id="ansoegning", constituency="resident"
        )
        # A second group, without a mandate, for a new mandate.
        other = api.content.create(
            folder,
            "TaskGroup",
            id="anden",
            title="Anden",
            summary="Uden kommissorium",
            theme="Udlejning",
            start=date(2026, 1, 1),
            deadline=date(2026, 6, 1),
        )
    transaction.commit()
    paths = dict(site)
    paths["TaskGroupFolder"] = site["folder"]
    paths["Application"] = site["TaskGroup"] + "/" + application.getId()
    containers = {
        "TaskGroupFolder": "",
        "TaskGroup": site["folder"],
        "Mandate": "/grupper/" + other.getId(),
        "Meeting": site["TaskGroup"],
        "Recommendation": site["TaskGroup"],
        "Application": site["TaskGroup"],
    }
    return paths, containers


@pytest.fixture
def admin(request_factory):
    return request_factory(basic_auth=(SITE_OWNER_NAME, SITE_OWNER_PASSWORD))


def _problem(response, name, expected):
    """What is wrong with ``response`` to a bad value of ``name``, or None."""
    if response.status_code != expected:
        return f"{response.status_code} {' '.join(response.text.split())[:160]}"
    error = response.json().get("error", {})
    if error.get("field") != name:
        return f"names {error.get('field')!r}: {error.get('message')}"
    if not error.get("message") or "Traceback" in response.text:
        return f"message {error.get('message')!r}"
    return None


@pytest.mark.parametrize("portal_type", TYPES)
def test_every_bad_value_of_every_field_is_refused_by_name(items, admin, portal_type):
    paths, containers = items
    path, container = paths[portal_type], containers[portal_type]
    failures = []
    cases = 0
    for name, field in all_fields(portal_type):
        expected = 403 if (portal_type, name) in NOT_WRITABLE else 400
        for label, value in bad_values(field):
            cases += 1
            serial = fresh(path)._p_serial
            response = admin.patch(path, json={name: value})
            problem = _problem(response, name, expected)
            if problem is None and fresh(path)._p_serial != serial:
                problem = "stored"
            if problem:
                failures.append(f"PATCH {name} {label}: {problem}")

            before = set(fresh(container or "/").objectIds())
            body = {"@type": portal_type, **CREATE[portal_type], name: value}
            response = admin.post(container or "/", json=body)
            problem = _problem(response, name, expected)
            if problem is None and set(fresh(container or "/").objectIds()) != before:
                problem = "created"
            if problem:
                failures.append(f"POST {name} {label}: {problem}")
    assert cases > 20
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("portal_type", TYPES)
def test_a_name_that_is_no_field_is_refused(items, admin, portal_type):
    paths, containers = items
    path = paths[portal_type]
    serial = fresh(path)._p_serial
    for body in ({"no_such_field": 1}, {"@id": "x"}, {"UID": "0" * 32}):
        response = admin.patch(path, json=body)
        assert response.status_code == 400, response.text
        assert response.json()["error"]["field"] == next(iter(body))
    assert fresh(path)._p_serial == serial
    container = containers[portal_type] or "/"
    before = set(fresh(container).objectIds())
    response = admin.post(
        container, json={"@type": portal_type, **CREATE[portal_type], "nosuch": 1}
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == "nosuch"
    assert set(fresh(container).objectIds()) == before


@pytest.mark.parametrize("portal_type", ["TaskGroup", "Recommendation"])
def test_description_is_written_as_the_summary(site, admin, portal_type):
    path = site[portal_type]
    response = admin.patch(path, json={"description": "Ny tekst"})
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["field"] == "description"
    assert "summary" in error["message"]
    assert fresh(path).description != "Ny tekst"
    assert admin.patch(path, json={"summary": "Ny tekst"}).status_code == 204
    assert fresh(path).description == "Ny tekst"


def test_type_of_an_item_cannot_change(site, admin):
    response = admin.patch(site["Meeting"], json={"@type": "Recommendation"})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "@type"
    ok = admin.patch(site["Meeting"], json={"@type": "Meeting", "location": "Salen"})
    assert ok.status_code == 204, ok.text


def test_meeting_ending_before_it_starts_names_the_end(site, admin):
    response = admin.patch(site["Meeting"], json={"end": "2026-03-10T16:00:00+01:00"})
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "end"


@pytest.mark.parametrize(
    "body",
    [
        {"layout": "no_such_view"},
        {"layout": 12},
        {"ordering": "x"},
        {"ordering": {"obj_id": "no-such-item", "delta": 1}},
        {"ordering": {"obj_id": "moede", "delta": "up"}},
        {"sort": "title"},
        {"sort": {"on": "no_such_index", "order": "ascending"}},
        {"sort": {"on": "sortable_title", "order": "sideways"}},
    ],
)
def test_plone_keys_are_checked_before_use(site, admin, body):
    serial = fresh(site["TaskGroup"])._p_serial
    response = admin.patch(site["TaskGroup"], json=body)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["field"] == next(iter(body))
    assert fresh(site["TaskGroup"])._p_serial == serial


def test_good_values_of_each_kind_are_stored(site, admin):
    group = site["TaskGroup"]
    image = base64.b64encode(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAE"
            "hQGAhKmMIQAAAABJRU5ErkJggg=="
        )
    ).decode()
    response = admin.patch(
        group,
        json={
            "seats_resident": 1000,
            "departments": ["Tingbjerg"],
            "theme": {"token": "Udlejning"},
            "challenge": {"data": "<p>Mere plads</p>", "content-type": "text/html"},
            "exclude_from_nav": True,
            "meeting_cadence": "  Hver tirsdag  ",
            "image": {
                "data": image,
                "encoding": "base64",
                "filename": "x.png",
                "content-type": "image/png",
            },
        },
    )
    assert response.status_code == 204, response.text
    obj = fresh(group)
    assert obj.seats_resident == 1000
    assert obj.departments == ["Tingbjerg"]
    assert obj.challenge.raw == "<p>Mere plads</p>"
    assert obj.exclude_from_nav is True
    assert obj.meeting_cadence == "Hver tirsdag"
    assert obj.image.filename == "x.png"
    # The GET representation of the image, sent back, keeps it.
    image_json = admin.get(group).json()["image"]
    assert admin.patch(group, json={"image": image_json}).status_code == 204
    assert fresh(group).image.filename == "x.png"

    response = admin.patch(
        site["Mandate"],
        json={
            "budget": 1_000_000_000,
            "milestones": [{"title": "Start", "date": "2026-04-01"}],
        },
    )
    assert response.status_code == 204, response.text
    assert fresh(site["Mandate"]).milestones == [
        {"title": "Start", "date": date(2026, 4, 1)}
    ]
    response = admin.patch(
        site["Recommendation"],
        json={
            "progress": 100,
            "votes_for": 0,
            "decision_date": "2027-02-28",
            "implementation_status": "done",
            "implementation_milestones": [{"title": "Købt", "due": None, "done": True}],
        },
    )
    assert response.status_code == 204, response.text
    recommendation = fresh(site["Recommendation"])
    assert recommendation.progress == 100
    assert recommendation.decision_date == date(2027, 2, 28)
    assert recommendation.implementation_milestones == [
        {"title": "Købt", "due": None, "done": True}
    ]
    response = admin.patch(
        site["Meeting"],
        json={"start": "2026-03-10T18:00:00+01:00", "attendees": ["Ole", "Mette"]},
    )
    assert response.status_code == 204, response.text
    assert fresh(site["Meeting"]).attendees == ("Ole", "Mette")


def test_messages_in_danish(site, admin):
    api.portal.set_registry_record("plone.available_languages", ["da", "en"])
    api.portal.set_registry_record("plone.default_language", "da")
    transaction.commit()
    response = admin.patch(site["TaskGroup"], json={"seats_resident": True})
    assert response.json()["error"]["message"] == "Skal være et helt tal."
    response = admin.patch(site["TaskGroup"], json={"seats_resident": 1001})
    assert response.json()["error"]["message"] == "Højst 1000."
    response = admin.patch(site["Mandate"], json={"milestones": [{"title": 1}]})
    assert response.json()["error"]["message"] == (
        "Element 1: Kolonne title: Skal være tekst."
    )


def test_plone_content_and_imports_keep_plones_deserializers(portal):
    """Only the add-on's content gets them; plone.exportimport sends its own
    representation (files, dates) and is not refused."""
    from plone.exportimport.interfaces import IExportImportRequestMarker
    from plone.restapi.interfaces import IFieldDeserializer
    from threeb.opgavegrupper.content.taskgroup import ITaskGroup
    from threeb.opgavegrupper.interfaces import IBrowserLayer
    from threeb.opgavegrupper.serializers.fields import FieldDeserializer
    from zope.component import getMultiAdapter
    from zope.interface import alsoProvides

    with api.env.adopt_roles(["Manager"]):
        folder = api.content.create(portal, "TaskGroupFolder", id="grupper")
    request = portal.REQUEST
    alsoProvides(request, IBrowserLayer)
    field = ITaskGroup["seats_resident"]
    ours = getMultiAdapter((field, folder, request), IFieldDeserializer)
    assert isinstance(ours, FieldDeserializer)
    # Plone's own content (here the site) keeps plone.restapi's.
    theirs = getMultiAdapter((field, portal, request), IFieldDeserializer)
    assert not isinstance(theirs, FieldDeserializer)
    alsoProvides(request, IExportImportRequestMarker)
    plones = getMultiAdapter((field, folder, request), IFieldDeserializer)
    assert not isinstance(plones, FieldDeserializer)
    assert plones(5) == 5
