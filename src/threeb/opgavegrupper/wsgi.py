"""WSGI middleware: requests that break Zope before any of it runs get a 4xx.

Two requests fail inside ZPublisher before traversal, where no add-on
subscriber or error view can answer them (an exception raised on IPubStart
breaks the publisher itself):

- a method Zope does not know (``QUERY /plone``): a 500;
- a ``multipart/form-data`` body without a boundary: the form parser fails
  (``KeyError: 'boundary'``), a 503.

This middleware sits in the instance's pipeline (``make run`` writes it
into ``instance/etc/zope.ini`` from scripts/templates/zope.ini.in) and
answers them before Zope sees them: 405 with the methods the site answers,
or 400, in the add-on's error shape ``{"error": {"type", "message"}}``.
Every other request passes through unchanged.
"""

from threeb.opgavegrupper import _
from zope.i18n import translate

import json
import re


KNOWN_METHODS = (
    "GET",
    "HEAD",
    "POST",
    "PUT",
    "PATCH",
    "DELETE",
    "OPTIONS",
    # WebDAV, which Zope serves, and the purge of caching proxies.
    "PROPFIND",
    "PROPPATCH",
    "MKCOL",
    "COPY",
    "MOVE",
    "LOCK",
    "UNLOCK",
    "PURGE",
)
BOUNDARY = re.compile(r";\s*boundary=(\"[^\"]+\"|[^\s;]+)", re.IGNORECASE)
LANGUAGES = ("da", "en")

METHOD_MESSAGE = _(
    "The method ${method} is not supported here. Use one of: ${methods}."
)
BOUNDARY_MESSAGE = _(
    "A multipart body needs a boundary in its Content-Type header, for "
    "example multipart/form-data; boundary=xyz."
)


def language(environ):
    """The first language of Accept-Language the add-on speaks, else English."""
    for part in (environ.get("HTTP_ACCEPT_LANGUAGE") or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "en"


def problem(environ):
    """(status, type, message, extra headers) for a request Zope cannot read."""
    method = (environ.get("REQUEST_METHOD") or "GET").upper()
    if method not in KNOWN_METHODS:
        message = _(
            METHOD_MESSAGE,
            mapping={"method": method[:20], "methods": ", ".join(KNOWN_METHODS)},
        )
        allow = [("Allow", ", ".join(KNOWN_METHODS))]
        return "405 Method Not Allowed", "MethodNotAllowed", message, allow
    content_type = environ.get("CONTENT_TYPE") or ""
    if content_type.strip().lower().startswith("multipart/") and not (
        BOUNDARY.search(content_type)
    ):
        return "400 Bad Request", "BadRequest", BOUNDARY_MESSAGE, []
    return None


class RefuseUnreadableRequests:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        found = problem(environ)
        if found is None:
            return self.app(environ, start_response)
        status, error_type, message, headers = found
        text = translate(
            message, domain="threeb.opgavegrupper", target_language=language(environ)
        )
        body = json.dumps({"error": {"type": error_type, "message": text}}).encode()
        start_response(
            status,
            [
                ("Content-Type", "application/json"),
                ("Content-Length", str(len(body))),
                *headers,
            ],
        )
        return [body]


def filter_factory(global_conf, **local_conf):
    """PasteDeploy: ``use = call:threeb.opgavegrupper.wsgi:filter_factory``."""
    return RefuseUnreadableRequests
