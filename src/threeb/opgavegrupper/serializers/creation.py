"""POST to the add-on's containers: ``@type`` and ``id`` checked first.

plone.restapi's content creation reads ``@type`` and ``id`` itself before
any deserializer runs: a missing ``@type`` was a 400 naming nothing, a
type name that does not exist a 403, a taken or unusable ``id`` a 400
naming nothing. Here each is a 400 naming the field, before anything is
created.
"""

from plone.rest.interfaces import IAPIRequest
from plone.restapi.deserializer import json_body
from plone.restapi.services.content.add import FolderPost
from threeb.opgavegrupper import _
from threeb.opgavegrupper.interfaces import IBrowserLayer
from threeb.opgavegrupper.serializers.deserializer import id_problem
from threeb.opgavegrupper.serializers.fields import IAddOnContent
from zExceptions import BadRequest
from zope.i18n import translate


def _refuse(request, field, message):
    raise BadRequest([{"field": field, "message": translate(message, context=request)}])


def check_creation(event):
    """IPubAfterTraversal: the @type and id of a new item in the add-on."""
    request = event.request
    if not (IAPIRequest.providedBy(request) and IBrowserLayer.providedBy(request)):
        return
    service = request.get("PUBLISHED")
    if not isinstance(service, FolderPost):
        return
    container = service.context
    if not IAddOnContent.providedBy(container):
        return
    try:
        data = json_body(request)
    except Exception:  # noqa: BLE001 -- answered by body.py's 400 naming body
        return
    if not isinstance(data, dict):
        return
    type_name = data.get("@type")
    if not type_name:
        _refuse(
            request,
            "@type",
            _('Say what to add in "@type", for example "Meeting".'),
        )
    types = container.portal_types
    if isinstance(type_name, str) and types.getTypeInfo(type_name) is None:
        allowed = [fti.getId() for fti in container.allowedContentTypes()]
        _refuse(
            request,
            "@type",
            _(
                "There is no content type ${name}. Here you can add: ${allowed}.",
                mapping={"name": type_name[:50], "allowed": ", ".join(allowed)},
            ),
        )
    if data.get("id") is not None:
        problem = id_problem(container, data["id"])
        if problem is not None:
            _refuse(request, "id", problem)
