"""An application someone may not see answers as one that does not exist.

Without this, a visitor could tell a forbidden application (401/403, or the
login page) from an unknown id (404), and so learn that an id exists. Ids are
random and say nothing about a person (``applications.new_application_id``),
and on top of that forbidden and unknown answer alike: 404, the same page or
JSON as for a wrong address, on the Classic UI and the REST API.

The publisher refuses access after traversal, before any code of ours runs on
the object, so this is an exception view for ``Unauthorized``: when the
refused request went through an application the caller may not access, it
renders the site's own "not found" answer instead. Every other refusal is
handed to the exception view that would have answered it.
"""

from AccessControl import getSecurityManager
from plone import api
from plone.rest.interfaces import IAPIRequest
from Products.Five import BrowserView
from threeb.opgavegrupper import logger
from threeb.opgavegrupper.content.application import IApplication
from zExceptions import NotFound
from zope.component import getSiteManager
from zope.interface import implementedBy
from zope.interface import Interface
from zope.interface import providedBy


ACCESS = "Access contents information"


def _caller(request):
    """The user the request's credentials name, or None for anonymous.

    When the publisher refuses a request, nobody has been logged in for it:
    the security context is anonymous even for the applicant who may see
    the application but not, say, delete it. So ask the site's user folder
    who the credentials (cookie, Basic, Bearer) belong to.
    """
    acl_users = api.portal.get().acl_users
    try:
        plugins = acl_users._getOb("plugins")
        for user_id, login in acl_users._extractUserIds(request, plugins):
            user = acl_users._findUser(plugins, user_id, login, request=request)
            if user is not None:
                return user
    except Exception:  # noqa: BLE001 - a broken credential is no caller
        logger.debug("No caller for the refused request", exc_info=True)
    return None


def _may_access(user, obj):
    if user is None:
        return getSecurityManager().checkPermission(ACCESS, obj)
    return bool(user.has_permission(ACCESS, obj))


def hidden_application(request, user=None):
    """The application on the request's path the caller may not access, or None.

    ``user`` is the caller when the publisher has logged them in already;
    otherwise the request's credentials tell who it is.
    """
    candidates = list(request.get("PARENTS") or ())
    published = request.get("PUBLISHED")
    if published is not None:
        candidates.append(getattr(published, "context", published))
    applications = []
    for obj in candidates:
        if not IApplication.providedBy(obj):
            # plone.rest wraps the context of a service.
            obj = getattr(obj, "context", obj)
        if IApplication.providedBy(obj):
            applications.append(obj)
    if not applications:
        return None
    if user is None:
        user = _caller(request)
    for obj in applications:
        if not _may_access(user, obj):
            return obj
    return None


def _exception_view(exception, request):
    """The view that would have answered: the add-on's JSON errors on the REST
    API, Plone's error page (its view for any ``Exception``) elsewhere."""
    if IAPIRequest.providedBy(request):
        from threeb.opgavegrupper.services.errorhandling.view import AddOnErrorHandling

        return AddOnErrorHandling(exception, request)
    factory = getSiteManager().adapters.lookup(
        (implementedBy(Exception), providedBy(request)), Interface, "index.html"
    )
    return factory(exception, request) if factory is not None else None


class UnauthorizedView(BrowserView):
    def __call__(self):
        request = self.request
        hidden = hidden_application(request) is not None
        if hidden:
            # The address as the caller wrote it: the published name (a
            # service's internal "GET_application_json_") would tell this
            # answer from that for an unknown id.
            request["URL"] = request.get("ACTUAL_URL") or request["URL"]
        exception = NotFound(request.getURL()) if hidden else self.context
        view = _exception_view(exception, request)
        if view is None:
            raise self.context
        view.__parent__ = self.__parent__
        body = view()
        if hidden:
            response = request.response
            # The publisher calls the login challenge after this view for an
            # Unauthorized; a challenged response is left alone, as plone.rest
            # does for its JSON errors.
            response._has_challenged = True
            response.setStatus(404, lock=True)
        return body


def hide_after_traversal(event):
    """Publicly callable attributes of an application (``absolute_url``,
    ``getId``) pass the publisher's check of their own; answer them too as
    for an id that does not exist, to whoever may not see the application."""
    request = event.request
    user = getSecurityManager().getUser()
    if user is None or user.getId() is None:
        # A public attribute is published without logging anyone in.
        user = None
    if hidden_application(request, user=user) is None:
        return
    request["URL"] = request.get("ACTUAL_URL") or request["URL"]
    raise NotFound(request.getURL())
