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


# The error type each status a rule refuses with is named by.
ERROR_TYPES = {
    400: "BadRequest",
    401: "Unauthorized",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
}


def from_participation_error(request, error):
    """The JSON error answer of a rule's refusal (a ParticipationError or
    one like it: ``status``, ``message``, ``field``)."""
    names = ERROR_TYPES
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
