"""REST writes carried by the login cookie must show they come from this site.

A web page on another site can make the browser send a POST with the
visitor's cookie: a plain form, or a "simple" fetch() with a text/plain body.
plone.restapi switches plone.protect's form check off for its services, and a
service does not care which content type its body came in, so only the
cookie's SameSite attribute stood between such a page and ``@apply``,
``@follow``, ``@workflow``, content changes or ``@sharing``.

A state-changing REST request authenticated by a cookie therefore has to
carry what no cross-site page can send without the browser asking this site
first (CORS preflight): an ``application/json`` body together with an
``Origin`` (or, without one, a ``Referer``) of this site, or plone.protect's
token (``_authenticator`` or the ``X-CSRF-TOKEN`` header). Requests with an
``Authorization`` header (Bearer or Basic) are not cookie-borne, anonymous
requests carry nothing to abuse, and ``@login`` is proven by the password in
its body.
"""

from AccessControl import getSecurityManager
from plone.protect.authenticator import check as check_authenticator
from plone.rest.interfaces import IAPIRequest
from plone.restapi.services.auth.login import Login
from threeb.opgavegrupper import _
from threeb.opgavegrupper.interfaces import IBrowserLayer
from urllib.parse import urlsplit
from zExceptions import Forbidden
from zope.component.hooks import getSite
from zope.i18n import translate


UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
HEADER_SCHEMES = frozenset({"bearer", "basic"})
DEFAULT_PORTS = {"http": 80, "https": 443}

MESSAGE = _(
    "This request was refused because it may come from another web site. "
    "A change made with the login cookie must be sent as application/json "
    "from a page of this site (Origin or Referer header), or carry the form "
    "token (_authenticator or X-CSRF-TOKEN); API clients send an "
    "Authorization header instead."
)


def origin(url):
    """(scheme, host, port) of ``url``, or None if it names no origin."""
    try:
        parts = urlsplit(url or "")
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return scheme, parts.hostname.lower(), port or DEFAULT_PORTS[scheme]


def own_origins(request):
    # SERVER_URL follows virtual hosting; the portal's URL covers a site
    # reached under another name than the one the request came in on.
    found = {origin(request.get("SERVER_URL"))}
    site = getSite()
    if site is not None:
        found.add(origin(site.absolute_url()))
    found.discard(None)
    return found


def is_json(request):
    content_type = request.getHeader("Content-Type") or ""
    return content_type.split(";")[0].strip().lower() == "application/json"


def from_this_site(request):
    """True if the browser says the request was made by a page of this site.

    A browser sends Origin with every POST, PUT, PATCH and DELETE made by
    script; some privacy settings drop it, hence the Referer as fallback.
    """
    sender = request.getHeader("Origin")
    if sender is None:
        sender = request.getHeader("Referer")
    return origin(sender) in own_origins(request)


def has_token(request):
    try:
        check_authenticator(request)
    except Forbidden:
        return False
    return True


def is_cookie_borne(request):
    """True if nothing but an ambient credential (the cookie) names the user."""
    user = getSecurityManager().getUser()
    if user is None or user.getUserName() == "Anonymous User":
        return False
    # ZPublisher moves the header out of the environment into _auth.
    authorization = request._auth or ""
    if authorization.split(" ")[0].lower() in HEADER_SCHEMES:
        return False
    return not isinstance(request.get("PUBLISHED"), Login)


def refuse_cross_site_writes(event):
    """IPubAfterTraversal: the user is known, nothing has been changed yet."""
    request = event.request
    if not (IAPIRequest.providedBy(request) and IBrowserLayer.providedBy(request)):
        return
    if (request.get("REQUEST_METHOD") or "GET").upper() not in UNSAFE_METHODS:
        return
    if not is_cookie_borne(request):
        return
    if is_json(request) and from_this_site(request):
        return
    if has_token(request):
        return
    raise Forbidden(translate(MESSAGE, context=request))
