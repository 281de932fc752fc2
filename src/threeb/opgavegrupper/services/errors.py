"""One error shape for the add-on's own endpoints."""

from zope.globalrequest import getRequest
from zope.i18n import translate


def error_response(request, status, error_type, message, field=None):
    """Set the status and return {"error": {"type", "message"[, "field"]}}."""
    request.response.setStatus(status)
    body = {
        "type": error_type,
        "message": translate(message, context=request or getRequest()),
    }
    if field:
        body["field"] = field
    return {"error": body}


def from_participation_error(request, error):
    names = {400: "BadRequest", 403: "Forbidden", 409: "Conflict"}
    return error_response(
        request,
        error.status,
        names.get(error.status, "BadRequest"),
        error.message,
        field=error.field,
    )


def json_object(request):
    """The request's body as a dict, or None when it is no JSON object."""
    from plone.restapi.deserializer import json_body

    try:
        data = json_body(request)
    except Exception:  # noqa: BLE001 - any unreadable body is "no object"
        return None
    return data if isinstance(data, dict) else None
