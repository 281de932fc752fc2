"""What any REST request's JSON body and parameters must be, checked once.

Some values are bad on every road, whatever field they are for, and the
services and deserializers behind the door (plone.restapi's and the
add-on's) each handled them differently or not at all:

- text with a lone surrogate (``"\\ud800"``, which JSON allows and UTF-8
  cannot encode): stored, it broke the vocabulary of mandate questions,
  every mail that quoted it and the catalog's query parser (500s);
- control characters other than tab, line feed and carriage return
  (``"\\u0000"``): no person types them, and ids and one-line fields took
  them;
- a key given twice (``{"title": "A", "title": "B"}``): JSON parsers keep
  the last, so "A" was dropped without a word;
- a body nested deeper than any of the add-on's fields is (5,000 ``[``):
  plone.restapi's JWT plugin reads every body while authenticating and hit
  Python's recursion limit (a 500 before any service ran);
- an ``@type`` that is not text: plone.restapi's content creation called
  ``.lower()`` on it (a 500);
- a ``sort_on`` that names no index the catalog can sort on
  (``sort_on=SearchableText``, or the people indexes, which refuse to
  sort: indexers/hashed.py): ZCatalog's CatalogError was a 500, on
  ``@search`` and on Plone's own ``@@search`` page alike (this one check
  is made on every request, the others on API requests).

Each is a 400 naming the field (the body's top-level key, the parameter),
for API requests on a site with the add-on, before the service runs, so
nothing is stored.
"""

from plone.rest.interfaces import IAPIRequest
from threeb.opgavegrupper import _
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.services.errorhandling.body import answer_bad_body
from threeb.opgavegrupper.services.errorhandling.view import AddOnErrorHandling
from zExceptions import BadRequest
from zope.i18n import translate

import json
import re


# Deeper than any field of the add-on (a table of rows: 3) or plone.restapi
# body (@sharing entries: 3) ever needs.
MAX_DEPTH = 32
WRITE_METHODS = ("POST", "PATCH", "PUT", "DELETE")
# C0 controls but tab, line feed and carriage return; DEL; lone surrogates.
BAD_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# In a parameter (a search text) a control character is only noise the
# searches drop; a lone surrogate broke the catalog's query parser.
BAD_IN_PARAMETERS = re.compile(r"[\ud800-\udfff]")

BAD_TEXT = _(
    "The text contains characters that are not allowed (control characters "
    "or a broken Unicode escape)."
)
DUPLICATE_KEY = _("${name} is given more than once in the body; give each field once.")
TOO_DEEP = _(
    "The body is nested more deeply than any field allows (at most ${max} levels)."
)
TYPE_NOT_TEXT = _('"@type" must be the name of a content type, as text.')
NOT_SORTABLE = _("The catalog cannot sort on ${name}.")


class DuplicateKey(ValueError):
    def __init__(self, name):
        super().__init__(name)
        self.name = name


def _no_duplicates(pairs):
    found = {}
    for key, value in pairs:
        if key in found:
            raise DuplicateKey(key)
        found[key] = value
    return found


class BadValue(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def check_value(value, depth=0, bad=BAD_CHARACTERS):
    """Raise BadValue if ``value`` (parsed JSON) holds text no field takes.

    :param value: a JSON value (dict, list, str, number, bool, None).
    :param bad: the characters refused (a compiled pattern).
    :raises BadValue: for a lone surrogate or control character in a key or
        a text, or nesting deeper than MAX_DEPTH.
    """
    if depth > MAX_DEPTH:
        raise BadValue(_(TOO_DEEP, mapping={"max": MAX_DEPTH}))
    if isinstance(value, str):
        if bad.search(value):
            raise BadValue(BAD_TEXT)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_value(key, depth + 1, bad)
            check_value(item, depth + 1, bad)
    elif isinstance(value, list):
        for item in value:
            check_value(item, depth + 1, bad)


def check_body(text):
    """Raise BadValue if the JSON ``text`` is bad on every road (see above).

    Text that is not JSON is left to the services, which answer it as a 400
    naming ``body`` (body.py).
    """
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates)
    except DuplicateKey as error:
        name = error.name[:50]
        raise BadValue(
            _(DUPLICATE_KEY, mapping={"name": name}),
            None if BAD_CHARACTERS.search(name) else name,
        ) from None
    except RecursionError:
        raise BadValue(_(TOO_DEEP, mapping={"max": MAX_DEPTH}), "body") from None
    except ValueError:
        return
    if not isinstance(data, dict):
        check_value(data)
        return
    if "@type" in data and not isinstance(data["@type"], str):
        raise BadValue(TYPE_NOT_TEXT, "@type")
    for key, item in data.items():
        field = key[:50] if not BAD_CHARACTERS.search(key) else "body"
        try:
            check_value(key)
            check_value(item)
        except BadValue as error:
            raise BadValue(error.message, field) from None


def _refuse(request, error):
    raise BadRequest(
        [
            {
                "field": error.field or "body",
                "message": translate(error.message, context=request),
            }
        ]
    )


def check_request(event):
    """IPubAfterTraversal: refuse a request's ``sort_on`` that cannot sort,
    and an API request's bad parameters and body."""
    request = event.request
    if not IBrowserLayer.providedBy(request):
        return
    if "sort_on" in request.form:
        _check_sort_on(request, request.form["sort_on"])
    if not IAPIRequest.providedBy(request):
        return
    for name, value in list(request.form.items()):
        try:
            check_value(name, bad=BAD_IN_PARAMETERS)
            check_value(
                value if not isinstance(value, tuple) else list(value),
                bad=BAD_IN_PARAMETERS,
            )
        except BadValue as error:
            clean = name[:50] if not BAD_CHARACTERS.search(name) else None
            _refuse(request, BadValue(error.message, clean))
    if (request.get("REQUEST_METHOD") or "").upper() not in WRITE_METHODS:
        return
    raw = request.get("BODY") or b""
    if not raw:
        return
    try:
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        return  # not UTF-8: body.py's 400 naming the body
    try:
        check_body(text)
    except BadValue as error:
        _refuse(request, error)


def _check_sort_on(request, value):
    from plone import api

    names = value if isinstance(value, (list, tuple)) else [value]
    catalog = api.portal.get_tool("portal_catalog")
    for name in names:
        if name == "relevance" and not IAPIRequest.providedBy(request):
            continue  # Plone's @@search: no sort_on, ranked by relevance
        index = catalog._catalog.indexes.get(name) if isinstance(name, str) else None
        if index is None or not hasattr(index, "documentToKeyMap"):
            shown = name[:50] if isinstance(name, str) else "?"
            _refuse(
                request,
                BadValue(_(NOT_SORTABLE, mapping={"name": shown}), "sort_on"),
            )


def _too_deep(request):
    raw = request.get("BODY") or b""
    try:
        json.loads(raw)
    except RecursionError:
        return True
    except (ValueError, TypeError):
        return False
    return False


class RecursionErrorHandling(AddOnErrorHandling):
    """A body too deeply nested for Python, met before the door (while
    plone.restapi's JWT plugin reads it to log the caller in): a 400."""

    def __call__(self):
        if not (IBrowserLayer.providedBy(self.request) and _too_deep(self.request)):
            return super().__call__()
        answer_bad_body(self.request, _(TOO_DEEP, mapping={"max": MAX_DEPTH}))
