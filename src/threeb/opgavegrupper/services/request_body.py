"""The JSON object a write service of the add-on reads, or its 400.

The add-on's own POST services (``@apply``, ``@erase-person``,
``@registration-requests``, self-registration through ``@users``) each take
one JSON object: a body that is no object is answered with a 400 that says
what to send, and a key the service does not read is refused by name rather
than dropped without a word.
"""

from threeb.opgavegrupper.serializers.deserializer import NO_SUCH_FIELD
from threeb.opgavegrupper.services.errors import error_response
from threeb.opgavegrupper.services.errors import json_object


# A key sent by the client is named back as the field, cut to this length.
FIELD_NAME_LENGTH = 50


def read_object(request, message, field=None, known=None):
    """The request's body as a dict, or the 400 answer that refuses it.

    :param message: what to send, said when the body is no JSON object.
    :param field: the field that answer names (none if None).
    :param known: the keys the service reads; the first other key (in
        sorted order) is refused, naming it. None: every key is taken.
    :returns: ``(data, None)``, or ``(None, answer)`` with the status set.
    """
    data = json_object(request)
    if data is None:
        return None, error_response(request, 400, "BadRequest", message, field=field)
    if known is not None:
        unknown = sorted(name for name in data if name not in known)
        if unknown:
            return None, error_response(
                request,
                400,
                "BadRequest",
                NO_SUCH_FIELD,
                field=unknown[0][:FIELD_NAME_LENGTH],
            )
    return data, None
