"""A request through ``++api++`` is never a WebDAV request.

ZPublisher decides before traversal, from the method and the Accept header,
whether a request probably comes from a WebDAV client: a ``PATCH`` or
``DELETE`` without ``Accept: application/json`` does. It then asks every
traversed object whether it contains the next name, and plone.rest's
wrapper of the objects behind ``++api++`` cannot answer that (``KeyError:
0``, a 503). ``++api++`` itself marks the request as a REST request, but only
when traversal reaches it, after ZPublisher has decided. Marking it on
``IPubStart`` (nothing traversed yet) lets plone.rest's services answer it,
with their own 4xx for bad input.

Requests that break Zope before anything of it runs (an unknown method, a
multipart body without boundary) are refused by the WSGI middleware in
``threeb.opgavegrupper.wsgi``.
"""


def api_requests_are_no_webdav(event):
    request = event.request
    if "/++api++" in (request.environ.get("PATH_INFO") or ""):
        request.maybe_webdav_client = 0
